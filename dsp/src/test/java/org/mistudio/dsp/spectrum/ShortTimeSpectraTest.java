package org.mistudio.dsp.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.dsp.filter.Detrend;

class ShortTimeSpectraTest {

    private static final double FS = 160;

    /**
     * 30 trials from -1 to 3 s: a 10 Hz sine (random phase per trial) whose amplitude halves from 2 to 1 at
     * t = 1 s on channel "C3", constant amplitude on "C4", plus a little white noise.
     */
    private static Epochs halvingAlpha() {
        Random random = new Random(7);
        int samples = (int) (4 * FS);
        int trials = 30;
        float[][][] data = new float[trials][2][samples];
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            double phase = 2 * Math.PI * random.nextDouble();
            for (int i = 0; i < samples; i++) {
                double time = -1 + i / FS;
                double sine = Math.sin(2 * Math.PI * 10 * time + phase);
                data[t][0][i] = (float) ((time < 1 ? 2 : 1) * sine + 0.05 * random.nextGaussian());
                data[t][1][i] = (float) (2 * sine + 0.05 * random.nextGaussian());
            }
            labels.add("T1");
        }
        return new Epochs(data, labels, FS, List.of(ChannelInfo.eeg("C3", FS), ChannelInfo.eeg("C4", FS)), -1);
    }

    @Test
    void halvedAmplitudeGivesMinus75PercentAndZeroBefore() {
        // 0.5 s Hann windows (2 Hz bins, 10 Hz on a bin), step 0.05 s; baseline: centres in [-0.75, 0.5] s.
        ShortTimeSpectra stft = ShortTimeSpectra.hann(80, 8);
        ErdsMap map = stft.erds(halvingAlpha(), -0.75, 0.5);
        int f10 = map.frequencyIndex(10);
        assertEquals(10, map.frequencies()[f10], 1e-9);
        double halfWindow = (80 - 1) / 2.0 / FS;
        int before = 0;
        int after = 0;
        for (int t = 0; t < map.times().length; t++) {
            double centre = map.times()[t];
            double c3 = map.percent()[0][t][f10];
            double c4 = map.percent()[1][t][f10];
            if (centre + halfWindow < 1) { // window wholly before the drop
                assertEquals(0, c3, 2, "C3 before the drop at " + centre + " s");
                before++;
            } else if (centre - halfWindow >= 1) { // wholly after: power quarters
                assertEquals(-75, c3, 2, "C3 after the drop at " + centre + " s");
                after++;
            } else {
                assertTrue(c3 < 0 && c3 > -75, "C3 straddling the drop at " + centre + " s: " + c3);
            }
            assertEquals(0, c4, 2, "C4 has no change at " + centre + " s");
        }
        assertTrue(before > 10 && after > 10, before + " windows before, " + after + " after");
    }

    @Test
    void timesAndAveragingFollowTheWindowing() {
        Epochs epochs = halvingAlpha();
        TimeFrequencyPower p = ShortTimeSpectra.hann(160, 40).power(epochs);
        // (640 - 160) / 40 + 1 windows; the first is centred on sample 79.5 after tmin = -1 s.
        assertEquals(13, p.times().length);
        assertEquals(-1 + 79.5 / FS, p.times()[0], 1e-12);
        assertEquals(0.25, p.times()[1] - p.times()[0], 1e-12);
        assertEquals(81, p.frequencies().length);
        assertEquals(List.of("C3", "C4"), p.channels());
        // The trial average of single-window periodograms, checked against Welch on one window of each trial.
        Welch one = new Welch(160, 0, Window.HANN, Detrend.CONSTANT, Welch.Scaling.DENSITY);
        double mean = 0;
        for (float[][] trial : epochs.data()) {
            mean += one.estimate(trial[1], 40, 160, FS).power()[10];
        }
        mean /= epochs.trialCount();
        assertEquals(mean, p.power()[1][1][10], 1e-9 * mean);
        // A 2-amplitude sine on a bin has power A^2 / 2 = 2 spread over the Hann window's 3 bins of 1 Hz.
        double band = (p.power()[1][0][9] + p.power()[1][0][10] + p.power()[1][0][11]) * 1.0;
        assertEquals(2, band, 0.05);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> ShortTimeSpectra.hann(1, 1));
        assertThrows(IllegalArgumentException.class, () -> ShortTimeSpectra.hann(64, 0));
        assertThrows(IllegalArgumentException.class, () -> new ShortTimeSpectra(64, 8, null));
        Epochs epochs = halvingAlpha();
        assertThrows(IllegalArgumentException.class, () -> ShortTimeSpectra.hann(1000, 8).power(epochs));
        TimeFrequencyPower p = ShortTimeSpectra.hann(80, 8).power(epochs);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.relativeTo(5, 6));
        assertTrue(e.getMessage().contains("baseline"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.relativeTo(0.5, -0.5));
    }
}
