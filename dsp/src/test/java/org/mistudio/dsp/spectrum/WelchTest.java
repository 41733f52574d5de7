package org.mistudio.dsp.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.filter.Detrend;
import org.mistudio.dsp.Golden;

class WelchTest {


    @Test
    void matchesScipyWelchOnARealRecording() throws Exception {
        // scipy.signal.welch(x, fs=160, window='hann', nperseg=256, noverlap=128) on EEGMMIDB S001R04, in V^2/Hz.
        JsonNode g = Golden.json();
        Recording r = Golden.recording();
        JsonNode ref = g.get("welch_hann_256_128_density");
        Welch welch = new Welch(256, 128, Window.HANN, Detrend.CONSTANT, Welch.Scaling.DENSITY);
        for (JsonNode name : g.get("channels")) {
            Spectrum s = welch.estimate(r.channel(name.asText()), r.samplingRate());
            JsonNode psd = ref.get("psd").get(name.asText());
            assertEquals(ref.get("freqs").size(), s.frequencies().length);
            for (int k = 0; k < s.frequencies().length; k++) {
                assertEquals(ref.get("freqs").get(k).asDouble(), s.frequencies()[k], 1e-12);
                double expected = psd.get(k).asDouble() * 1e12; // V^2/Hz to uV^2/Hz
                assertEquals(expected, s.power()[k], 1e-6 * expected + 1e-9, name.asText() + " bin " + k);
            }
        }
    }

    @Test
    void sinusoidPowerIsHalfTheSquaredAmplitude() {
        double fs = 200;
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (3 * Math.sin(2 * Math.PI * 10 * i / fs) + 1.5);
        }
        Spectrum s = Welch.of(200).estimate(x, fs);
        // The Hann window spreads the line over 3 bins; summing them recovers A^2 / 2 = 4.5.
        assertEquals(4.5, s.bandPower(8, 12), 1e-3);
        assertTrue(s.power()[0] < 1e-6, "the constant detrend removes the offset");
        Spectrum spectrum = new Welch(200, 100, Window.HANN, Detrend.CONSTANT, Welch.Scaling.SPECTRUM)
                .estimate(x, fs);
        // Spectrum scaling reads the line's power at its bin: A^2 / 2 for a one-sided estimate.
        assertEquals(4.5, spectrum.power()[10], 1e-3);
    }

    @Test
    void whiteNoiseDensityIsTwiceTheVarianceOverTheSamplingRate() {
        Random random = new Random(3);
        double fs = 100;
        float[] x = new float[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * random.nextGaussian());
        }
        Spectrum s = Welch.of(128).estimate(x, fs);
        double mean = 0;
        for (int k = 1; k < s.power().length - 1; k++) {
            mean += s.power()[k];
        }
        mean /= s.power().length - 2;
        assertEquals(2 * 4 / fs, mean, 0.01 * 2 * 4 / fs);
    }

    @Test
    void linearDetrendRemovesARampAndOddLengthsWork() {
        float[] x = new float[1001];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5f * i;
        }
        Spectrum s = new Welch(101, 50, Window.HAMMING, Detrend.LINEAR, Welch.Scaling.DENSITY).estimate(x, 50);
        assertEquals(51, s.frequencies().length);
        for (double p : s.power()) {
            assertTrue(p < 1e-6, "ramp left power " + p);
        }
    }

    @Test
    void rejectsTooShortInputAndBadOverlap() {
        assertThrows(IllegalArgumentException.class, () -> Welch.of(256).estimate(new float[100], 100));
        assertThrows(IllegalArgumentException.class,
                () -> new Welch(64, 64, Window.HANN, Detrend.NONE, Welch.Scaling.DENSITY));
    }
}
