package org.mistudio.dsp.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

class PreprocessingTest {

    private static final double FS = 250;

    /** C3 and C4: 10 Hz (kept) + 50 Hz line noise + 1 Hz drift + offset; a stim channel with a pulse. */
    private static Recording noisy() {
        int n = (int) (20 * FS);
        float[][] x = new float[3][n];
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            double keep = 10 * Math.sin(2 * Math.PI * 10 * t);
            double junk = 30 * Math.sin(2 * Math.PI * 50 * t) + 40 * Math.sin(2 * Math.PI * 1 * t) + 100;
            x[0][i] = (float) (keep + junk);
            x[1][i] = (float) (-keep + junk);
            x[2][i] = i % 500 == 0 ? 1 : 0;
        }
        return new Recording(List.of(ChannelInfo.eeg("C3", FS), ChannelInfo.eeg("C4", FS),
                new ChannelInfo("STI", ChannelType.STIM, "", FS)), x, LocalDateTime.of(2020, 1, 1, 0, 0),
                List.of(new Annotation(3, 1, "cue")));
    }

    private static double rmsError(float[] y, double sign, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double e = y[i] - sign * 10 * Math.sin(2 * Math.PI * 10 * i / FS);
            s += e * e;
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void notchAndBandPassLeaveTheTenHertzRhythmAlone() {
        for (int order : new int[] {0, 4}) {
            Preprocessing p = new Preprocessing(Optional.empty(), Optional.of(50.0),
                    Optional.of(new double[] {8, 30}), order, Optional.empty());
            Recording r = p.apply(noisy());
            // Away from the edges, what is left is the 10 Hz sine (amplitude 10): the error is a small fraction.
            assertTrue(rmsError(r.samples()[0], 1, 500, 4500) < 0.3, "order " + order + ": "
                    + rmsError(r.samples()[0], 1, 500, 4500));
            assertTrue(rmsError(r.samples()[1], -1, 500, 4500) < 0.3);
            assertArrayEquals(noisy().samples()[2], r.samples()[2], "stim channels are not filtered");
            assertEquals(noisy().annotations(), r.annotations());
        }
    }

    @Test
    void averageReferenceThenResample() {
        Preprocessing p = new Preprocessing(Optional.of("average"), Optional.empty(), Optional.empty(), 0,
                Optional.of(125.0));
        Recording r = p.apply(noisy());
        assertEquals(125, r.samplingRate(), 0);
        assertEquals(2500, r.sampleCount());
        // C3 and C4 share the junk, so after the average reference they are +-10 Hz sines (resampled).
        for (int i = 100; i < 2400; i++) {
            assertEquals(0, r.samples()[0][i] + r.samples()[1][i], 1e-3);
        }
        assertEquals(List.of("reference: average", "resample to 125.0 Hz (polyphase)"), p.describe());
    }

    @Test
    void rejectsABackwardsBand() {
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(Optional.empty(), Optional.empty(),
                Optional.of(new double[] {30, 8}), 0, Optional.empty()));
    }
}
