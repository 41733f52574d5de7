package org.mistudio.acquisition.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecordingTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 10, 0);

    @Test
    void rejectsRowCountThatDiffersFromChannelCount() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Recording(
                List.of(ChannelInfo.eeg("C3", 100), ChannelInfo.eeg("C4", 100)), new float[1][10], T0, List.of()));
        assertTrue(e.getMessage().contains("2 channel infos but 1 sample rows"), e.getMessage());
    }

    @Test
    void rejectsDuplicateLabelsNamingBothPositions() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Recording(
                List.of(ChannelInfo.eeg("C3", 100), ChannelInfo.eeg("C3", 100)), new float[2][10], T0, List.of()));
        assertTrue(e.getMessage().contains("duplicate channel label 'C3' at channels 0 and 1"), e.getMessage());
    }

    @Test
    void rejectsNanAndNonPositiveSamplingRates() {
        assertThrows(IllegalArgumentException.class, () -> ChannelInfo.eeg("C3", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ChannelInfo.eeg("C3", 0));
        assertThrows(IllegalArgumentException.class, () -> ChannelInfo.eeg("C3", Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> ChannelInfo.eeg(" ", 100));
    }

    @Test
    void rejectsChannelsOfDifferentDurations() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Recording(
                List.of(ChannelInfo.eeg("C3", 100), ChannelInfo.eeg("C4", 100)),
                new float[][] {new float[100], new float[150]}, T0, List.of()));
        assertTrue(e.getMessage().contains("spans 1.5 s"), e.getMessage());
    }

    @Test
    void acceptsDifferentRatesCoveringTheSameTime() {
        Recording r = new Recording(List.of(ChannelInfo.eeg("C3", 100), ChannelInfo.eeg("Resp", 10)),
                new float[][] {new float[100], new float[10]}, T0, List.of());
        assertEquals(1.0, r.duration(), 0);
        assertThrows(IllegalStateException.class, r::samplingRate);
    }

    @Test
    void findsEegmmidbLabelsByTheirStandardNames() {
        Recording r = new Recording(List.of(ChannelInfo.eeg("C3..", 160), ChannelInfo.eeg("Fcz.", 160),
                ChannelInfo.eeg("T10.", 160)), new float[3][16], T0, List.of());
        assertEquals(0, r.indexOf("C3"));
        assertEquals(1, r.indexOf("FCz"));
        assertEquals(2, r.indexOf("t10"));
        assertEquals(-1, r.indexOf("C4"));
        var e = assertThrows(IllegalArgumentException.class, () -> r.channel("C4"));
        assertTrue(e.getMessage().contains("[C3.., Fcz., T10.]"), e.getMessage());
    }

    @Test
    void selectsChannelsInTheOrderAsked() {
        float[][] x = {{1, 1}, {2, 2}, {3, 3}};
        Recording r = new Recording(List.of(new ChannelInfo("A", ChannelType.EEG, "uV", 2),
                new ChannelInfo("B", ChannelType.EOG, "uV", 2), new ChannelInfo("C", ChannelType.EEG, "uV", 2)),
                x, T0, List.of(new Annotation(0.5, 0, "x")));
        Recording s = r.select(List.of("C", "A"));
        assertEquals(List.of("C", "A"), s.labels());
        assertArrayEquals(new float[] {3, 3}, s.samples()[0]);
        assertEquals(List.of("A", "C"), r.selectType(ChannelType.EEG).labels());
        assertEquals(1, s.annotations().size());
    }

    @Test
    void annotationsRejectNegativeOrNonFiniteDurations() {
        assertThrows(IllegalArgumentException.class, () -> new Annotation(1, -0.1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Annotation(Double.NaN, 0, "x"));
        assertEquals(3.5, new Annotation(1, 2.5, "x").end(), 0);
    }

    @Test
    void epochsValidateTheirShape() {
        List<ChannelInfo> ch = List.of(ChannelInfo.eeg("C3", 100), ChannelInfo.eeg("C4", 100));
        assertThrows(IllegalArgumentException.class, () -> new Epochs(new float[2][2][10], List.of("a"), 100, ch, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Epochs(new float[1][3][10], List.of("a"), 100, ch, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Epochs(new float[][][] {{new float[10], new float[9]}}, List.of("a"), 100, ch, 0));
        var e = assertThrows(IllegalArgumentException.class, () -> new Epochs(new float[1][2][10], List.of("a"), 250,
                ch, 0));
        assertTrue(e.getMessage().contains("is at 100.0 Hz but the epochs are at 250.0 Hz"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Epochs(new float[1][2][10], List.of("a"), 100,
                List.of(ChannelInfo.eeg("C3", 100), ChannelInfo.eeg("C3", 100)), 0));
        Epochs ok = new Epochs(new float[3][2][10], List.of("b", "a", "b"), 100, ch, -0.5);
        assertEquals(List.of("a", "b"), ok.classes());
        assertEquals(-0.4, ok.time(10), 1e-12);
        assertEquals(10, ok.sampleCount());
    }
}
