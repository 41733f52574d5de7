package org.mistudio.dsp.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mistudio.dsp.decode.Reference.assertClose;
import static org.mistudio.dsp.decode.Reference.epochs;
import static org.mistudio.dsp.decode.Reference.ints;
import static org.mistudio.dsp.decode.Reference.matrix;
import static org.mistudio.dsp.decode.Reference.vector;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mistudio.dsp.evaluation.CrossValidation;
import org.mistudio.dsp.evaluation.KFold;
import org.mistudio.dsp.evaluation.Scoring;

/**
 * CSP against MNE-Python 1.3.0. Generalized eigenvectors are defined only up to sign (scipy's eigh fixes
 * the scale by W^T (C0 + C1) W = I, Pham's AJD by the mean-covariance normalisation), so filters and
 * patterns are compared after making each row's largest-magnitude entry positive; the log-power features
 * do not depend on the sign and are compared directly.
 */
class CspReferenceTest {

    static Csp config(String name) {
        Csp d = Csp.defaults();
        return switch (name) {
            case "default" -> d;
            case "reg0.1" -> d.withReg(0.1);
            case "epoch_cov" -> d.withCovEstimation(Csp.CovEstimation.EPOCH);
            case "alternate" -> d.withComponentOrder(Csp.ComponentOrder.ALTERNATE);
            case "norm_trace_zscore" -> d.withComponents(3).withLog(false).withNormTrace(true);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static double[][] signNormalised(double[][] rows) {
        double[][] out = Linalg.copy(rows);
        for (double[] r : out) {
            int arg = 0;
            for (int i = 1; i < r.length; i++) {
                if (Math.abs(r[i]) > Math.abs(r[arg])) {
                    arg = i;
                }
            }
            if (r[arg] < 0) {
                for (int i = 0; i < r.length; i++) {
                    r[i] = -r[i];
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"two_class, default", "two_class, reg0.1", "two_class, epoch_cov", "two_class, alternate",
        "two_class, norm_trace_zscore", "three_class, default", "three_class, epoch_cov"})
    void matchesMne(String dataset, String configName) {
        JsonNode c = Reference.root().get("csp").get(dataset);
        JsonNode e = c.get(configName);
        float[][][] x = epochs(c.get("X"));
        float[][][] xt = epochs(c.get("Xtest"));
        CspModel m = config(configName).fit(x, ints(c.get("y")));
        String what = dataset + "/" + configName;
        assertClose(matrix(e.get("features")), m.transform(x), 1e-6, what + " features");
        assertClose(matrix(e.get("features_test")), m.transform(xt), 1e-6, what + " test features");
        assertClose(signNormalised(matrix(e.get("filters"))), signNormalised(m.filters()), 1e-6, what + " filters");
        assertClose(signNormalised(matrix(e.get("patterns"))), signNormalised(m.patterns()), 1e-6,
                what + " patterns");
        assertClose(vector(e.get("mean")), m.mean(), 1e-6, what + " mean power");
        assertClose(vector(e.get("std")), m.std(), 1e-6, what + " std power");
    }

    @Test
    void pipelineMatchesMneCspPlusSklearnLda() {
        JsonNode c = Reference.root().get("csp").get("two_class");
        JsonNode e = c.get("pipeline");
        float[][][] x = epochs(c.get("X"));
        float[][][] xt = epochs(c.get("Xtest"));
        int[] y = ints(c.get("y"));
        CspLda.Model m = CspLda.defaults().fit(x, y);
        double[] expected = vector(e.get("decision"));
        double[][] d = m.decisionFunction(xt);
        double[] got = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            got[i] = d[i][0];
        }
        assertClose(expected, got, 1e-6, "CSP+LDA decision");
        assertArrayEquals(ints(e.get("predict")), m.predict(xt));
        assertClose(matrix(e.get("proba")), m.predictProba(xt), 1e-6, "CSP+LDA proba");
        double[] cv = CrossValidation.score(CspLda.defaults(), x, y, new KFold(5), Scoring.ACCURACY).scores();
        assertArrayEquals(vector(e.get("cv_kfold5_accuracy")), cv, 0);
    }

    @Test
    void twoClassEigenvaluesAreOrderedByDistanceFromOneHalf() {
        JsonNode c = Reference.root().get("csp").get("two_class");
        CspModel m = Csp.defaults().fit(epochs(c.get("X")), ints(c.get("y")));
        double[] ev = m.eigenvalues();
        for (int i = 1; i < ev.length; i++) {
            assertEquals(true, Math.abs(ev[i - 1] - 0.5) >= Math.abs(ev[i] - 0.5));
        }
    }
}
