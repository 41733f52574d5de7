package org.mistudio.dsp.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Closed-form checks of CSP. */
class CspTest {

    /** Independent channels; class 0 has variance 4 on channel 0, class 1 variance 4 on channel 1. */
    private static float[][][] diagonalData(int[] y, long seed) {
        Random r = new Random(seed);
        float[][][] x = new float[y.length][3][400];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 2;
            for (int c = 0; c < 3; c++) {
                double sd = (c == y[t]) ? 2.0 : 1.0;
                for (int s = 0; s < 400; s++) {
                    x[t][c][s] = (float) (sd * r.nextGaussian());
                }
            }
        }
        return x;
    }

    @Test
    void diagonalCovariancesGiveChannelSelectingFiltersWithKnownEigenvalues() {
        int[] y = new int[40];
        float[][][] x = diagonalData(y, 1);
        CspModel m = Csp.defaults().withComponents(3).fit(x, y);
        // C0 = diag(4,1,1), C1 = diag(1,4,1): eigenvalues 4/5, 1/5, 1/2 -> order |l - 0.5| desc
        double[] ev = m.eigenvalues();
        assertEquals(0.8, Math.max(ev[0], ev[1]), 0.03);
        assertEquals(0.2, Math.min(ev[0], ev[1]), 0.03);
        assertEquals(0.5, ev[2], 0.03);
        double[][] f = m.filters();
        for (int k = 0; k < 2; k++) {
            int ch = ev[k] > 0.5 ? 0 : 1; // large eigenvalue: power of class 0 -> channel 0
            assertTrue(Math.abs(f[k][ch]) > 10 * Math.abs(f[k][1 - ch]), "filter " + k + " selects channel " + ch);
        }
        // W^T (C0 + C1) W = I: unit variance of the filtered pooled data with variance 5 -> |w| ~ 1/sqrt(5)
        assertEquals(1 / Math.sqrt(5.0), Math.abs(f[0][ev[0] > 0.5 ? 0 : 1]), 0.03);
    }

    @Test
    void logFeaturesAreTheLogOfTheFilteredSignalsMeanSquare() {
        int[] y = new int[10];
        float[][][] x = diagonalData(y, 2);
        CspModel m = Csp.defaults().withComponents(2).fit(x, y);
        double[] w = m.filters()[1];
        double s = 0;
        for (int t = 0; t < 400; t++) {
            double v = 0;
            for (int c = 0; c < 3; c++) {
                v += w[c] * x[3][c][t];
            }
            s += v * v;
        }
        assertEquals(Math.log(s / 400), m.transform(x)[3][1], 1e-12);
    }

    @Test
    void rejectsBadInput() {
        int[] y = new int[6];
        float[][][] x = diagonalData(y, 3);
        assertThrows(IllegalArgumentException.class, () -> Csp.defaults().fit(x, y)); // 4 components > 3 channels
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csp.defaults().withComponents(2).fit(x, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("6 trials but 2 labels"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Csp.defaults().withComponents(2).fit(x, new int[] {1, 1, 1, 1, 1, 1}));
        // rank-deficient: channel 2 = channel 0 + channel 1
        for (float[][] tr : x) {
            for (int s = 0; s < tr[0].length; s++) {
                tr[2][s] = tr[0][s] + tr[1][s];
            }
        }
        e = assertThrows(IllegalArgumentException.class, () -> Csp.defaults().withComponents(2).fit(x, y));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
        // ... which a shrinkage regularisation fixes
        Csp.defaults().withComponents(2).withReg(0.1).fit(x, y);
        assertThrows(IllegalArgumentException.class, () -> Csp.defaults().withReg(2));
    }
}
