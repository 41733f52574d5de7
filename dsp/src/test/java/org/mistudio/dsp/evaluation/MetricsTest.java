package org.mistudio.dsp.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mistudio.dsp.decode.Reference;

class MetricsTest {

    @Test
    void matchSklearnMetrics() {
        JsonNode m = Reference.root().get("metrics");
        int[] yt = Reference.ints(m.get("y_true"));
        int[] yp = Reference.ints(m.get("y_pred"));
        assertEquals(m.get("accuracy").asDouble(), Metrics.accuracy(yt, yp), 1e-15);
        assertEquals(m.get("kappa").asDouble(), Metrics.cohenKappa(yt, yp), 1e-14);
        int[][] cm = Metrics.confusionMatrix(yt, yp, new int[] {0, 1, 2}).counts();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Reference.ints(m.get("confusion").get(i)), cm[i]);
        }
        Metrics.ClassReport r = Metrics.classReport(yt, yp, new int[] {0, 1, 2});
        assertArrayEquals(Reference.vector(m.get("precision")), r.precision(), 1e-14);
        assertArrayEquals(Reference.vector(m.get("recall")), r.recall(), 1e-14);
        assertArrayEquals(Reference.vector(m.get("f1")), r.f1(), 1e-14);
        assertArrayEquals(Reference.ints(m.get("support")), r.support());
        assertEquals(m.get("roc_auc").asDouble(),
                Metrics.rocAuc(Reference.ints(m.get("roc_y")), Reference.vector(m.get("roc_scores")), 1), 1e-14);
    }

    @Test
    void rocAucClosedForms() {
        // perfect, reversed, all tied
        assertEquals(1.0, Metrics.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.3, 0.4}, 1), 0);
        assertEquals(0.0, Metrics.rocAuc(new int[] {1, 1, 0, 0}, new double[] {0.1, 0.2, 0.3, 0.4}, 1), 0);
        assertEquals(0.5, Metrics.rocAuc(new int[] {0, 1, 0, 1}, new double[] {1, 1, 1, 1}, 1), 0);
        // one tie between a positive and a negative among 2 x 2 pairs: (3 + 0.5) / 4
        assertEquals(0.875, Metrics.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.3, 0.3, 0.4}, 1), 0);
        assertThrows(IllegalArgumentException.class, () -> Metrics.rocAuc(new int[] {1, 1}, new double[] {1, 2}, 1));
    }

    @Test
    void kappaClosedForms() {
        assertEquals(1.0, Metrics.cohenKappa(new int[] {0, 1, 2, 0}, new int[] {0, 1, 2, 0}), 1e-15);
        // p_o = 0.5, p_e = 0.5 -> 0
        assertEquals(0.0, Metrics.cohenKappa(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[] {1}, new int[] {1, 2}));
    }

    /** P(X >= c) for X ~ Bin(n, 1/2) exactly: sum_{x >= c} C(n, x) / 2^n. */
    private static double exactHalfTail(int n, int c) {
        BigInteger s = BigInteger.ZERO;
        BigInteger binom = BigInteger.ONE; // C(n, 0)
        for (int x = 0; x <= n; x++) {
            if (x >= c) {
                s = s.add(binom);
            }
            binom = binom.multiply(BigInteger.valueOf(n - x)).divide(BigInteger.valueOf(x + 1));
        }
        return new BigDecimal(s).divide(new BigDecimal(BigInteger.TWO.pow(n)), MathContext.DECIMAL64).doubleValue();
    }

    @Test
    void binomialThresholdOfMuellerPutz() {
        // 2 classes, 100 trials, alpha 0.05: P(X >= 59) = 0.0443 < 0.05 <= P(X >= 58) = 0.0666 -> 59 %
        assertTrue(exactHalfTail(100, 59) < 0.05);
        assertTrue(exactHalfTail(100, 58) >= 0.05);
        assertEquals(exactHalfTail(100, 59), ChanceLevel.upperTail(100, 0.5, 59), 1e-14);
        assertEquals(0.59, ChanceLevel.threshold(100, 2, 0.05), 0);
        for (JsonNode t : Reference.root().get("binomial_threshold")) {
            assertEquals(t.get("k").asInt(), ChanceLevel.thresholdCount(t.get("n").asInt(), t.get("classes").asInt(),
                    t.get("alpha").asDouble()), t.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> ChanceLevel.threshold(0, 2, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ChanceLevel.threshold(10, 1, 0.05));
    }

    @Test
    void improvementFromChanceIsInPercentagePoints() {
        assertEquals(25.0, ChanceLevel.improvementFromChance(0.75, 2), 1e-12);
        assertEquals(22.73, ChanceLevel.improvementFromChance(0.4773, 4), 1e-9);
        assertEquals(-5.0, ChanceLevel.improvementFromChance(0.45, 2), 1e-12);
        assertEquals(0.25, ChanceLevel.of(4), 0);
    }
}
