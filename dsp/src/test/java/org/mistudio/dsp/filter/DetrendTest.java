package org.mistudio.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DetrendTest {

    @Test
    void linearRemovesALineExactlyAndKeepsWhatIsOrthogonalToIt() {
        // 3 + 2 i plus an alternating component; the alternating part of an even-length window has zero mean but
        // a small projection on the line, which scipy.signal.detrend removes too: check against the closed form.
        int n = 8;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 3 + 2 * i + (i % 2 == 0 ? 1 : -1);
        }
        Detrend.LINEAR.apply(v, 0, n);
        // Alternating +1/-1 over 8 samples: its least-squares line has slope -2/sum((i-3.5)^2) * ... computed here.
        double tMean = 3.5;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - tMean) * (i % 2 == 0 ? 1 : -1);
            sxx += (i - tMean) * (i - tMean);
        }
        for (int i = 0; i < n; i++) {
            double expected = (i % 2 == 0 ? 1 : -1) - sxy / sxx * (i - tMean);
            assertEquals(expected, v[i], 1e-12);
        }
    }

    @Test
    void constantRemovesTheMeanOfTheWindowOnly() {
        double[] v = {9, 1, 2, 3, 9};
        Detrend.CONSTANT.apply(v, 1, 3);
        assertArrayEquals(new double[] {9, -1, 0, 1, 9}, v, 0);
        double[] w = {1, 2};
        Detrend.NONE.apply(w, 0, 2);
        assertArrayEquals(new double[] {1, 2}, w, 0);
    }
}
