package org.mistudio.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DejitterTest {

    @Test
    void recoversTheSampleClockUnderHalfAMillisecondOfJitter() {
        // 1000 Hz for 60 s from t = 5000 s; the sender's clock runs 20 ppm fast; each timestamp jittered by
        // 0.5 ms (standard deviation), as network and scheduling do to receive-time stamps.
        double rate = 1000;
        Dejitter d = new Dejitter(rate, 10);
        Random random = new Random(4);
        double worst = 0;
        double sumSq = 0;
        int counted = 0;
        for (int k = 0; k < 60_000; k++) {
            double truth = 5000 + k / rate * (1 + 20e-6);
            double out = d.next(truth + 0.0005 * random.nextGaussian(), false);
            if (k >= 20_000) { // after two half-times the fit has settled
                double e = out - truth;
                worst = Math.max(worst, Math.abs(e));
                sumSq += e * e;
                counted++;
            }
        }
        double rms = Math.sqrt(sumSq / counted);
        assertTrue(rms < 0.00005, "rms error " + rms + " s (raw jitter 0.0005 s)");
        assertTrue(worst < 0.0002, "worst error " + worst + " s");
    }

    @Test
    void aGapRestartsTheLine() {
        Dejitter d = new Dejitter(100, 90);
        for (int k = 0; k < 1000; k++) {
            assertEquals(10 + k / 100.0, d.next(10 + k / 100.0, false), 1e-9);
        }
        // The stream comes back 30 s later: the first timestamps are taken as they are, not pulled to the old line.
        assertEquals(50.0, d.next(50.0, true), 0);
        assertEquals(50.01, d.next(50.01, false), 1e-9);
        assertEquals(50.02, d.next(50.02, false), 1e-9);
    }

    @Test
    void onlyRegularStreams() {
        assertThrows(IllegalArgumentException.class, () -> new Dejitter(0, 90));
        assertThrows(IllegalArgumentException.class, () -> new Dejitter(100, 0));
    }
}
