package org.mistudio.dsp.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.ChannelSets;

class SurfaceLaplacianTest {

    private static Recording of(float[][] x) {
        List<ChannelInfo> ch = new ArrayList<>();
        for (String l : ChannelSets.BCI_IV_2A) {
            ch.add(ChannelInfo.eeg(l, 10));
        }
        return new Recording(ch, x, LocalDateTime.of(2020, 1, 1, 0, 0), List.of());
    }

    @Test
    void c3SurroundIsTheClassicCross() {
        Recording r = of(new float[22][4]);
        int[][] nb = SurfaceLaplacian.standard().neighbourIndices(r);
        int c3 = r.indexOf("C3");
        List<String> names = Arrays.stream(nb[c3]).mapToObj(i -> r.labels().get(i)).sorted().toList();
        assertEquals(List.of("C1", "C5", "CP3", "FC3"), names);
    }

    @Test
    void removesWhatAllChannelsShareAndKeepsWhatIsLocal() {
        float[][] x = new float[22][3];
        for (float[] row : x) {
            Arrays.fill(row, 7f); // a field common to all channels
        }
        int c3 = ChannelSets.BCI_IV_2A.indexOf("C3");
        x[c3][1] += 4f; // a focal source under C3 at sample 1
        Recording r = SurfaceLaplacian.standard().apply(of(x));
        assertEquals(0f, r.samples()[c3][0], 1e-6f);
        assertEquals(4f, r.samples()[c3][1], 1e-6f);
        int c1 = ChannelSets.BCI_IV_2A.indexOf("C1");
        assertTrue(r.samples()[c1][1] < 0, "neighbours see the focal source with opposite sign");
        assertEquals(0f, r.samples()[ChannelSets.BCI_IV_2A.indexOf("POz")][1], 1e-6f);
    }
}
