package org.mistudio.dsp.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;

class EpocherTest {

    /** Channel 0 holds its sample index, channel 1 ten times it: every value tells where it came from. */
    private static Recording ramp(double fs, int n, List<Annotation> notes) {
        float[][] x = new float[2][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = i;
            x[1][i] = 10 * i;
        }
        return new Recording(List.of(ChannelInfo.eeg("C3", fs), ChannelInfo.eeg("C4", fs)), x,
                LocalDateTime.of(2020, 1, 1, 0, 0), notes);
    }

    @Test
    void cutsWindowsAlignedAsMneDoesWithBothEndsIncluded() {
        Recording r = ramp(100, 1000, List.of(new Annotation(2.004, 4, "T1"), new Annotation(5.0, 4, "T2"),
                new Annotation(6.0, 4, "T0")));
        EpochingResult res = new Epocher(Map.of("T1", "left_hand", "T2", "right_hand"), -0.5, 1.0, null).apply(r);
        Epochs e = res.epochs();
        assertEquals(List.of("left_hand", "right_hand"), e.labels());
        assertEquals(151, e.sampleCount(), "-0.5 to 1.0 s at 100 Hz, both ends included");
        assertEquals(-0.5, e.tmin(), 0);
        // Event at round(2.004 * 100) = 200; the window starts 50 samples before it.
        assertEquals(150f, e.data()[0][0][0]);
        assertEquals(300f, e.data()[0][0][150]);
        assertEquals(4500f, e.data()[1][1][0]);
        assertTrue(res.dropped().isEmpty());
    }

    @Test
    void reportsEventsWhoseWindowRunsOffTheRecording() {
        Recording r = ramp(100, 1000, List.of(new Annotation(0.2, 4, "cue"), new Annotation(5, 4, "cue"),
                new Annotation(9.5, 0, "cue")));
        EpochingResult res = Epocher.of(List.of("cue"), -0.5, 1.0).apply(r);
        assertEquals(1, res.epochs().trialCount());
        assertEquals(2, res.dropped().size());
        assertEquals(0.2, res.dropped().get(0).onset(), 0);
        assertTrue(res.dropped().get(1).reason().contains("0 to 10.000 s"), res.dropped().get(1).reason());
    }

    @Test
    void baselineCorrectionSubtractsTheBaselineMean() {
        Recording r = ramp(100, 1000, List.of(new Annotation(3, 0, "cue")));
        Epochs e = Epocher.of(List.of("cue"), -0.2, 0.5).withBaseline(-0.2, 0).apply(r).epochs();
        // Baseline samples 280..300 have mean 290; sample 300 (the event) becomes 10.
        assertEquals(10f, e.data()[0][0][20], 1e-4);
        assertEquals(100f, e.data()[0][1][20], 1e-3);
    }

    @Test
    void rejectsBadWindows() {
        assertThrows(IllegalArgumentException.class, () -> Epocher.of(List.of("a"), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Epocher.of(List.of("a"), 0, 1).withBaseline(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Epocher.of(List.of(), 0, 1));
    }
}
