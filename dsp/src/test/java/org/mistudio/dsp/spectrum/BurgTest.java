package org.mistudio.dsp.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BurgTest {

    @Test
    void recoversTheCoefficientsOfAnAr2Process() {
        // x[n] = 0.75 x[n-1] - 0.5 x[n-2] + e[n], e ~ N(0, 1): a = (-0.75, 0.5), sigma^2 = 1.
        Random random = new Random(42);
        float[] x = new float[20_000];
        double x1 = 0;
        double x2 = 0;
        for (int i = -500; i < x.length; i++) { // burn-in so the start-up transient is gone
            double v = 0.75 * x1 - 0.5 * x2 + random.nextGaussian();
            x2 = x1;
            x1 = v;
            if (i >= 0) {
                x[i] = (float) v;
            }
        }
        Burg.ArModel model = new Burg(2, 512).fit(x);
        assertEquals(-0.75, model.coefficients()[0], 0.02);
        assertEquals(0.5, model.coefficients()[1], 0.02);
        assertEquals(1.0, model.noiseVariance(), 0.03);
        // The PSD follows the closed form 2 sigma^2 / (fs |A|^2) of the true model within the estimation error.
        double fs = 100;
        Spectrum s = new Burg(2, 512).estimate(x, fs);
        for (int k = 1; k < s.frequencies().length - 1; k += 16) {
            double w = 2 * Math.PI * s.frequencies()[k] / fs;
            double re = 1 - 0.75 * Math.cos(w) + 0.5 * Math.cos(2 * w);
            double im = 0.75 * Math.sin(w) - 0.5 * Math.sin(2 * w);
            double expected = 2 / (fs * (re * re + im * im));
            assertEquals(expected, s.power()[k], 0.1 * expected, "bin " + k);
        }
    }

    @Test
    void sinePeakLandsOnItsFrequency() {
        double fs = 160;
        float[] x = new float[1600];
        Random random = new Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (Math.sin(2 * Math.PI * 12.3 * i / fs + 0.4) + 0.01 * random.nextGaussian());
        }
        int fftSize = 1024;
        Spectrum s = new Burg(8, fftSize).estimate(x, fs);
        int peak = 0;
        for (int k = 0; k < s.power().length; k++) {
            if (s.power()[k] > s.power()[peak]) {
                peak = k;
            }
        }
        assertEquals(12.3, s.frequencies()[peak], fs / fftSize);
    }

    @Test
    void whiteNoiseTotalPowerIsItsVariance() {
        Random random = new Random(11);
        float[] x = new float[50_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (3 * random.nextGaussian() + 7);
        }
        Spectrum s = new Burg(4, 256).estimate(x, 250);
        // The rectangle rule over all bins integrates the one-sided density to the variance, 9.
        assertEquals(9, s.bandPower(0, 125), 9 * 0.02);
        // Flat: every bin near 2 sigma^2 / fs.
        for (int k = 1; k < s.power().length - 1; k++) {
            assertEquals(2 * 9 / 250.0, s.power()[k], 0.1 * 2 * 9 / 250.0, "bin " + k);
        }
    }

    @Test
    void rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Burg(0, 256));
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Burg(10, 8));
        assertThrows(IllegalArgumentException.class, () -> new Burg(10, 256).fit(new float[10]));
        assertThrows(IllegalArgumentException.class, () -> new Burg.ArModel(new double[0], 1));
        assertThrows(IllegalArgumentException.class, () -> new Burg.ArModel(new double[] {0.5}, -1));
    }
}
