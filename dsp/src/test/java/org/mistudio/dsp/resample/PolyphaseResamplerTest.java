package org.mistudio.dsp.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.Golden;
import org.mistudio.dsp.SignalStats;

class PolyphaseResamplerTest {


    @Test
    void matchesScipyResamplePolyOnARealRecording() throws Exception {
        // scipy.signal.resample_poly(C3, 5, 4) (SciPy 1.10 defaults) on EEGMMIDB S001R04, 160 -> 200 Hz, in volts.
        JsonNode g = Golden.json();
        Recording r = Golden.recording();
        JsonNode ref = g.get("resample_poly_C3_160_to_200");
        float[] x = r.channel("C3..");
        double[] xd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
        }
        double[] y = PolyphaseResampler.resamplePoly(xd, 200, 160); // reduced to 5/4
        assertEquals(ref.get("n").asInt(), y.length);
        double std = ref.get("std").asDouble() * 1e6;
        // 1e-6 relative: statistics relative to themselves, samples relative to the signal's std (several golden
        // samples are exactly zero, where the input ends in zeros).
        double tol = 1e-6 * std;
        SignalStats s = SignalStats.of(y);
        double worst = 0;
        worst = Math.max(worst, rel(ref.get("mean").asDouble() * 1e6, s.mean(), tol, std, "mean"));
        worst = Math.max(worst, rel(std, s.std(), 1e-6 * std, std, "std"));
        worst = Math.max(worst, rel(ref.get("min").asDouble() * 1e6, s.min(), 1e-6 * Math.abs(s.min()), std, "min"));
        worst = Math.max(worst, rel(ref.get("max").asDouble() * 1e6, s.max(), 1e-6 * Math.abs(s.max()), std, "max"));
        for (int i = 0; i < 5; i++) {
            worst = Math.max(worst, rel(ref.get("first5").get(i).asDouble() * 1e6, y[i], tol, std, "first5"));
            worst = Math.max(worst, rel(ref.get("last5").get(i).asDouble() * 1e6, y[y.length - 5 + i], tol, std,
                    "last5"));
            worst = Math.max(worst, rel(ref.get("at_1000").get(i).asDouble() * 1e6, y[1000 + i], tol, std,
                    "at_1000"));
        }
        System.out.printf("resample_poly 160->200 vs SciPy: max deviation %.3g x std%n", worst);
        // The float path gives the same numbers to single precision.
        float[] yf = new PolyphaseResampler(5, 4).resample(x);
        for (int i = 0; i < y.length; i += 97) {
            assertEquals(y[i], yf[i], 1e-6 * std + 1e-6 * Math.abs(y[i]));
        }
    }

    private static double rel(double expected, double actual, double tol, double std, String what) {
        assertEquals(expected, actual, tol, what);
        return Math.abs(expected - actual) / std;
    }


    @Test
    void filterIsScipysKaiserDesign() {
        PolyphaseResampler r = new PolyphaseResampler(10, 8);
        assertEquals(5, r.up());
        assertEquals(4, r.down());
        double[] h = r.taps();
        assertEquals(2 * 10 * 5 + 1, h.length);
        double sum = 0;
        for (int i = 0; i < h.length; i++) {
            assertEquals(h[i], h[h.length - 1 - i], 1e-15);
            sum += h[i];
        }
        assertEquals(5, sum, 1e-12, "gain up");
        // 5 * scipy.signal.firwin(101, 1/5, window=('kaiser', 5.0)) at taps 50 (centre), 53 and 1.
        assertEquals(5 * 0.20013010331628728, h[50], 1e-12);
        assertEquals(5 * 0.10016660644446074, h[53], 1e-12);
        assertEquals(5 * -0.00017718892661554804, h[1], 1e-12);
        assertEquals(1, new PolyphaseResampler(7, 7).taps().length);
        assertEquals(2 * 10 * 3 + 1, new PolyphaseResampler(1, 3).taps().length);
    }

    @Test
    void outputLengthIsCeilOfNTimesUpOverDown() {
        PolyphaseResampler r = new PolyphaseResampler(5, 4);
        assertEquals(25000, r.outputLength(20000));
        assertEquals(2, r.outputLength(1));     // ceil(5/4)
        assertEquals(4, r.outputLength(3));     // ceil(15/4)
        assertEquals(5, r.outputLength(4));
        assertEquals(4, new PolyphaseResampler(1, 3).outputLength(10)); // ceil(10/3)
        assertEquals(7, new PolyphaseResampler(1, 3).resample(new double[19]).length);
        assertEquals(2, r.resample(new double[] {1}).length);
        assertEquals(38, new PolyphaseResampler(2, 1).resample(new double[19]).length);
    }

    @Test
    void lowFrequencySineComesOutAsTheSineAtTheNewRate() {
        int[][] factors = {{5, 4}, {4, 5}, {1, 4}, {3, 1}, {25, 16}};
        double fsIn = 160;
        double hz = 4.5;
        for (int[] f : factors) {
            int n = 3200;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.sin(2 * Math.PI * hz * i / fsIn + 0.4);
            }
            double[] y = PolyphaseResampler.resamplePoly(x, f[0], f[1]);
            double fsOut = fsIn * f[0] / f[1];
            int edge = (int) Math.ceil(fsOut); // one second at each end: zero padding rolls the edges off
            double maxErr = 0;
            for (int k = edge; k < y.length - edge; k++) {
                maxErr = Math.max(maxErr, Math.abs(y[k] - Math.sin(2 * Math.PI * hz * k / fsOut + 0.4)));
            }
            // Kaiser beta 5: pass-band ripple below 1e-3; a shift of one output sample would give > 0.05.
            assertTrue(maxErr < 2e-3, f[0] + "/" + f[1] + ": error " + maxErr);
        }
    }

    @Test
    void downsamplingRemovesWhatWouldAlias() {
        // 1000 Hz -> 250 Hz: a 300 Hz tone would alias to 50 Hz; the Kaiser low-pass removes it (> 50 dB).
        int n = 10000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * 300 * i / 1000.0);
        }
        double[] y = PolyphaseResampler.resamplePoly(x, 1, 4);
        double ss = 0;
        for (int k = 250; k < y.length - 250; k++) {
            ss += y[k] * y[k];
        }
        double rms = Math.sqrt(ss / (y.length - 500));
        assertTrue(20 * Math.log10(rms / Math.sqrt(0.5)) < -50, "alias level " + 20 * Math.log10(rms / Math.sqrt(0.5)));
    }

    @Test
    void integerUpsamplingKeepsTheOriginalSamplesOfASmoothSignal() {
        int n = 2000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos(2 * Math.PI * 3 * i / 100.0);
        }
        double[] y = PolyphaseResampler.resamplePoly(x, 2, 1);
        for (int i = 100; i < n - 100; i++) {
            assertEquals(x[i], y[2 * i], 2e-3, "sample " + i);
        }
    }

    @Test
    void equalFactorsCopy() {
        double[] x = {1, 2, 3};
        double[] y = PolyphaseResampler.resamplePoly(x, 3, 3);
        assertArrayEquals(x, y);
        assertNotSame(x, y);
    }

    @Test
    void badParametersAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PolyphaseResampler(0, 4));
        assertTrue(e.getMessage().contains("up and down must be integers >= 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PolyphaseResampler(5, -1));
        e = assertThrows(IllegalArgumentException.class, () -> PolyphaseResampler.resamplePoly(new double[0], 5, 4));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
