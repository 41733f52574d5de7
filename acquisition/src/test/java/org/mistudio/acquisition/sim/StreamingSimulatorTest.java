package org.mistudio.acquisition.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The streaming simulator: deterministic, chunking-independent, unit-variance processes, ERD where cued. */
class StreamingSimulatorTest {
    static final List<String> LABELS = List.of("C3", "Cz", "C4", "POz");

    @Test
    void sameSeedAndCuesGiveTheSameSamplesWhateverTheChunking() {
        StreamingSimulator a = new StreamingSimulator(LABELS, 160, 0.5, 3, 1);
        StreamingSimulator b = new StreamingSimulator(LABELS, 160, 0.5, 3, 1);
        a.cue(MiClass.LEFT_HAND, 0.5);
        b.cue(MiClass.LEFT_HAND, 0.5);
        float[][] x = a.next(400);
        float[][] y1 = b.next(17);
        float[][] y2 = b.next(383);
        for (int c = 0; c < LABELS.size(); c++) {
            float[] joined = new float[400];
            System.arraycopy(y1[c], 0, joined, 0, 17);
            System.arraycopy(y2[c], 0, joined, 17, 383);
            assertArrayEquals(x[c], joined);
        }
        assertEquals(400, a.position());
        float[][] other = new StreamingSimulator(LABELS, 160, 0.5, 3, 2).next(400);
        assertTrue(other[0][10] != x[0][10], "another session, another signal");
        assertEquals(a.muFrequency(), new StreamingSimulator(LABELS, 160, 0.5, 3, 2).muFrequency(), 0, "same subject");
    }

    @Test
    void contralateralMuPowerDropsDuringCuedImagery() {
        // amplitude of the mu source's share at C3 vs C4: compare a long right-hand imagery with rest, per channel
        double fs = 250;
        StreamingSimulator rest = new StreamingSimulator(LABELS, fs, 0.6, 8, 1);
        StreamingSimulator right = new StreamingSimulator(LABELS, fs, 0.6, 8, 1);
        right.cue(MiClass.RIGHT_HAND, 0);
        int n = (int) (120 * fs);
        float[][] r = rest.next(n);
        float[][] m = right.next(n);
        // identical noise draws: the difference is the ERD alone, on C3 (contralateral) far more than on C4
        double dC3 = power(r[0]) - power(m[0]);
        double dC4 = power(r[2]) - power(m[2]);
        assertTrue(dC3 > 0, "C3 loses power during right-hand imagery: " + dC3);
        assertTrue(dC3 > 5 * Math.abs(dC4), "mostly contralateral: C3 " + dC3 + ", C4 " + dC4);
        // the loss is 60 % of the mu and beta power at C3: (7^2 + 3.5^2) x 0.6 uV^2 from unit-variance sources
        assertEquals((49 + 12.25) * 0.6, dC3, 0.25 * (49 + 12.25) * 0.6);
    }

    private static double power(float[] x) {
        double m = 0;
        for (float v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (float v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }
}
