package org.mistudio.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mistudio.dsp.Golden;

class NotchTest {

    @Test
    void matchesScipyIirnotchGolden() {
        // scipy.signal.iirnotch(50, 30, fs=160), SciPy 1.10.1: [b, a].
        double[][] expected = Golden.matrix(Golden.json().get("iirnotch_50_Q30_ba"));
        TransferFunction tf = Notch.iirnotch(50, 30, 160);
        double worst = 0;
        for (int i = 0; i < 3; i++) {
            worst = Math.max(worst, Math.max(Math.abs(expected[0][i] - tf.b()[i]), Math.abs(expected[1][i] - tf.a()[i])));
        }
        System.out.printf("max |notch - scipy| = %.3g%n", worst);
        assertArrayEquals(expected[0], tf.b(), 1e-12);
        assertArrayEquals(expected[1], tf.a(), 1e-12);
        Sos sos = Notch.sos(50, 30, 160);
        assertEquals(1, sos.sectionCount());
        assertArrayEquals(new double[] {expected[0][0], expected[0][1], expected[0][2], 1, expected[1][1],
                expected[1][2]}, sos.section(0), 1e-12);
    }

    @Test
    void rejectsItsFrequencyAndHasMinus3DbAtHalfTheBandwidthAway() {
        double fs = 250;
        double f0 = 50;
        double q = 10;
        Sos sos = Notch.sos(f0, q, fs);
        FrequencyResponse r = sos.response(fs, f0, 0, fs / 2);
        assertEquals(0, r.magnitude(0), 1e-12, "zero at f0");
        assertEquals(1, r.magnitude(1), 1e-12, "unit DC gain");
        assertEquals(1, r.magnitude(2), 1e-12, "unit Nyquist gain");
        // The -3 dB edges sit at f0 -+ bw/2 in the bilinear-warped sense; find them on a fine grid and check the width.
        double lower = edge(sos, fs, f0, -1);
        double upper = edge(sos, fs, f0, +1);
        assertEquals(f0 / q, upper - lower, 0.02 * f0 / q, "-3 dB bandwidth");
    }

    private static double edge(Sos sos, double fs, double f0, int direction) {
        double lo = f0;
        double hi = f0 + direction * f0 / 2;
        for (int i = 0; i < 100; i++) { // bisection on |H| = 1/sqrt(2)
            double mid = (lo + hi) / 2;
            if (sos.response(fs, mid).magnitude(0) < 1 / Math.sqrt(2)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Test
    void transferFunctionToSosNormalisesA0() {
        Sos sos = new TransferFunction(new double[] {2, 4}, new double[] {2, 1}).toSos();
        assertArrayEquals(new double[] {1, 2, 0, 1, 0.5, 0}, sos.section(0), 0);
        assertThrows(IllegalArgumentException.class,
                () -> new TransferFunction(new double[] {1, 2, 3, 4}, new double[] {1}).toSos());
        assertThrows(IllegalArgumentException.class, () -> new TransferFunction(new double[] {1}, new double[] {0}));
    }

    @Test
    void rejectsBadParametersNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notch.iirnotch(80, 30, 160));
        assertTrue(e.getMessage().contains("f0 must be in (0, fs/2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Notch.iirnotch(50, 0, 160));
        assertTrue(e.getMessage().startsWith("q "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Notch.iirnotch(50, 30, 0));
        assertTrue(e.getMessage().startsWith("fs "), e.getMessage());
    }
}
