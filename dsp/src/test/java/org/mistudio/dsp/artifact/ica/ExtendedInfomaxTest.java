package org.mistudio.dsp.artifact.ica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ExtendedInfomaxTest {

    /**
     * The sources of {@link FastIcaTest} (sine, uniform and square wave: sub-Gaussian; Laplace and sparse spikes:
     * super-Gaussian), mixed into 7 sensors: the extended rule must switch the sub-Gaussian ones to the sub-Gaussian
     * density (plain Infomax separates only super-Gaussian sources) and recover all five.
     */
    @Test
    void recoversSuperAndSubGaussianSources() {
        double[][] s = FastIcaTest.sources(10_000);
        Random r = new Random(5);
        double[][] a = new double[7][5];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] x = FastIca.multiply(a, s);
        IcaModel m = ExtendedInfomax.of(42).fit(x);
        assertEquals(5, m.components());
        assertTrue(m.converged(), "converged in " + m.iterations() + " passes");
        double[][] est = m.sources(x);
        for (double[] source : s) {
            double best = 0;
            for (double[] e : est) {
                best = Math.max(best, Math.abs(FastIcaTest.corr(source, e)));
            }
            assertTrue(best > 0.99, "best |corr| " + best);
        }
        // The mixing matrix inverts the unmixing on the sources' subspace: A W x reproduces the centred data.
        double[][] back = m.remove(x, new int[0]);
        double[][] none = m.remove(x, new int[] {0, 1, 2, 3, 4});
        for (int t = 0; t < 100; t++) {
            assertEquals(m.mean()[0], none[0][t], 1e-8);
            assertEquals(x[0][t], back[0][t], 0);
        }
        // Deterministic for a seed; sorted by projected variance.
        assertArrayEquals(m.unmixing()[0], ExtendedInfomax.of(42).fit(x).unmixing()[0], 0);
    }
}
