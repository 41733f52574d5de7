package org.mistudio.dsp.artifact.ica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FastIcaTest {

    /** Super-Gaussian (Laplace, sparse spikes) and sub-Gaussian (sine, uniform, square) sources, mixed at random. */
    static double[][] sources(int n) {
        Random r = new Random(11);
        double[][] s = new double[5][n];
        for (int t = 0; t < n; t++) {
            s[0][t] = Math.sin(2 * Math.PI * t / 97.0);
            s[1][t] = r.nextDouble() - 0.5;
            double u = r.nextDouble() - 0.5;
            s[2][t] = -Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
            s[3][t] = Math.signum(Math.sin(2 * Math.PI * t / 31.0 + 0.3));
            s[4][t] = r.nextDouble() < 0.02 ? r.nextGaussian() * 10 : r.nextGaussian() * 0.1;
        }
        return s;
    }

    @Test
    void recoversMixedSourcesUpToOrderSignAndScale() {
        double[][] s = sources(10_000);
        Random r = new Random(5);
        double[][] a = new double[7][5];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        // 7 sensors, 5 sources: rank 5, so the ICA must find 5 components.
        double[][] x = FastIca.multiply(a, s);
        IcaModel m = FastIca.of(42).fit(x);
        assertEquals(5, m.components());
        double[][] est = m.sources(x);
        for (double[] source : s) {
            double best = 0;
            for (double[] e : est) {
                best = Math.max(best, Math.abs(corr(source, e)));
            }
            assertTrue(best > 0.99, "best |corr| " + best);
        }
        // deterministic
        assertEquals(m.unmixing()[0][0], FastIca.of(42).fit(x).unmixing()[0][0], 0);
        // removing every component leaves only the mean
        double[][] none = m.remove(x, new int[] {0, 1, 2, 3, 4});
        for (double v : none[0]) {
            assertEquals(m.mean()[0], v, 1e-8);
        }
        assertThrows(IllegalArgumentException.class, () -> FastIca.of(1).fit(new double[][] {{1, 2, 3}}));
    }

    static double corr(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
