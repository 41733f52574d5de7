package org.mistudio.dsp.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.Golden;
import org.mistudio.dsp.SignalStats;

class RereferenceTest {


    @Test
    void commonAverageMatchesMneOnARealRecording() throws Exception {
        // MNE 1.3: raw.set_eeg_reference('average') on EEGMMIDB S001R04, then C3.. (volts).
        JsonNode g = Golden.json();
        JsonNode car = g.get("car_then_C3");
        Recording r = Rereference.average(Golden.recording());
        float[] c3 = r.channel("C3..");
        double scale = car.get("std").asDouble() * 1e6;
        for (String key : new String[] {"first5", "last5", "at_1000"}) {
            int from = key.equals("first5") ? 0 : key.equals("last5") ? c3.length - 5 : 1000;
            for (int i = 0; i < 5; i++) {
                // Relative to the channel's spread: float32 samples carry ~1e-7 of it.
                assertEquals(car.get(key).get(i).asDouble() * 1e6, c3[from + i], 1e-6 * scale, key + " " + i);
            }
        }
        SignalStats st = SignalStats.of(c3);
        assertEquals(car.get("mean").asDouble() * 1e6, st.mean(), 1e-6 * scale);
        assertEquals(car.get("std").asDouble() * 1e6, st.std(), 1e-6 * scale);
        assertEquals(car.get("min").asDouble() * 1e6, st.min(), 1e-6 * scale);
        assertEquals(car.get("max").asDouble() * 1e6, st.max(), 1e-6 * scale);
    }

    private static Recording small() {
        float[][] x = {{1, 2, 3}, {3, 2, 1}, {5, 5, 5}, {100, 200, 300}};
        return new Recording(List.of(ChannelInfo.eeg("C3", 1), ChannelInfo.eeg("C4", 1), ChannelInfo.eeg("Cz", 1),
                new ChannelInfo("EOG", ChannelType.EOG, "uV", 1)), x, LocalDateTime.of(2020, 1, 1, 0, 0), List.of());
    }

    @Test
    void averageUsesAndChangesOnlyEegChannels() {
        Recording r = Rereference.average(small());
        // EEG means per sample: 3, 3, 3.
        assertArrayEquals(new float[] {-2, -1, 0}, r.samples()[0]);
        assertArrayEquals(new float[] {0, -1, -2}, r.samples()[1]);
        assertArrayEquals(new float[] {2, 2, 2}, r.samples()[2]);
        assertArrayEquals(new float[] {100, 200, 300}, r.samples()[3]);
    }

    @Test
    void channelAndLinkedReferences() {
        Recording cz = Rereference.toChannel(small(), "cz");
        assertArrayEquals(new float[] {-4, -3, -2}, cz.samples()[0]);
        assertArrayEquals(new float[] {0, 0, 0}, cz.samples()[2]);
        Recording linked = Rereference.toChannels(small(), List.of("C3", "C4"));
        assertArrayEquals(new float[] {3, 3, 3}, linked.samples()[2]);
        var e = assertThrows(IllegalArgumentException.class, () -> Rereference.toChannel(small(), "M1"));
        assertTrue(e.getMessage().contains("'M1'"), e.getMessage());
    }
}
