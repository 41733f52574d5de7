package org.mistudio.dsp.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignedR2Test {

    /** Pearson's r of the pooled values with a 0/1 indicator, computed the textbook way. */
    private static double pearsonWithIndicator(double[] a, double[] b) {
        int n = a.length + b.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i];
        }
        for (int i = 0; i < b.length; i++) {
            x[a.length + i] = b[i];
            y[a.length + i] = 1;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void equalsTheSignedSquareOfPearsonsCorrelationWithTheClassIndicator() {
        double[] a = {1.0, 2.5, 0.3, 1.7, 2.2};
        double[] b = {3.1, 2.9, 4.4, 3.3, 2.0, 3.8, 4.1};
        double r = pearsonWithIndicator(a, b);
        assertEquals(r * r, SignedR2.of(a, b), 1e-12);
        assertEquals(-r * r, SignedR2.of(b, a), 1e-12);
    }

    @Test
    void perfectSeparationGivesOneAndIdenticalValuesZero() {
        // Two points per class at 0 and 1: r = 1 exactly.
        assertEquals(1.0, SignedR2.of(new double[] {0, 0}, new double[] {1, 1}), 1e-15);
        assertEquals(0.0, SignedR2.of(new double[] {2, 2}, new double[] {2, 2}), 0);
        assertThrows(IllegalArgumentException.class, () -> SignedR2.of(new double[0], new double[] {1}));
    }
}
