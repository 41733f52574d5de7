package org.mistudio.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mistudio.dsp.Golden;

class StreamingSosFilterTest {

    private static final Sos BANDPASS = Butterworth.bandpass(4, 8, 30, 160);

    private static double[] noise(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 50 * random.nextGaussian() + 20;
        }
        return x;
    }

    /** Feeds x in random chunk sizes 0..maxChunk (seeded) and concatenates the outputs. */
    private static double[] chunked(StreamingSosFilter filter, double[] x, long seed, int maxChunk) {
        Random random = new Random(seed);
        double[] y = new double[x.length];
        int at = 0;
        while (at < x.length) {
            int len = Math.min(random.nextInt(maxChunk + 1), x.length - at);
            double[] part = filter.process(Arrays.copyOfRange(x, at, at + len));
            assertEquals(len, part.length);
            System.arraycopy(part, 0, y, at, len);
            at += len;
        }
        return y;
    }

    @Test
    void anyChunkingIsBitIdenticalToOneShotFiltering() {
        double[] x = noise(20_000, 7);
        double[] expected = SosFiltering.sosfilt(BANDPASS, x);
        for (long seed = 0; seed < 5; seed++) {
            StreamingSosFilter filter = new StreamingSosFilter(BANDPASS);
            assertArrayEquals(expected, chunked(filter, x, seed, seed == 0 ? 3 : 700), "seed " + seed);
        }
        // Sample by sample too, and through a notch + band-pass cascade.
        Sos cascade = Notch.sos(50, 30, 160).then(BANDPASS);
        StreamingSosFilter filter = new StreamingSosFilter(cascade);
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            y[n] = filter.process(new double[] {x[n]})[0];
        }
        assertArrayEquals(SosFiltering.sosfilt(cascade, x), y);
    }

    @Test
    void floatChunksOfARealRecordingMatchTheOneShotFilter() {
        float[] x = Golden.recording().channel("C3..");
        double[] expected = SosFiltering.sosfilt(BANDPASS, x);
        StreamingSosFilter filter = new StreamingSosFilter(BANDPASS);
        Random random = new Random(42);
        double[] y = new double[x.length];
        int at = 0;
        while (at < x.length) {
            int len = Math.min(1 + random.nextInt(64), x.length - at);
            System.arraycopy(filter.process(Arrays.copyOfRange(x, at, at + len)), 0, y, at, len);
            at += len;
        }
        assertArrayEquals(expected, y);
    }

    @Test
    void multiChannelChunksMatchPerChannelOneShotFiltering() {
        float[][] x = new float[3][];
        for (int c = 0; c < 3; c++) {
            double[] d = noise(3000, 100 + c);
            x[c] = SosFiltering.toFloat(d);
        }
        float[][] expected = SosFiltering.sosfilt(BANDPASS, x);
        StreamingSosFilter filter = new StreamingSosFilter(BANDPASS, 3);
        Random random = new Random(9);
        float[][] y = new float[3][3000];
        int at = 0;
        while (at < 3000) {
            int len = Math.min(random.nextInt(200), 3000 - at);
            float[][] chunk = new float[3][];
            for (int c = 0; c < 3; c++) {
                chunk[c] = Arrays.copyOfRange(x[c], at, at + len);
            }
            float[][] out = filter.process(chunk);
            for (int c = 0; c < 3; c++) {
                System.arraycopy(out[c], 0, y[c], at, len);
            }
            at += len;
        }
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(expected[c], y[c], "channel " + c);
        }
        assertThrows(IllegalStateException.class, () -> filter.process(new double[1]));
        assertThrows(IllegalArgumentException.class, () -> filter.process(new float[2][1]));
    }

    @Test
    void resetStartsOverFromZeroState() {
        double[] x = noise(1000, 3);
        StreamingSosFilter filter = new StreamingSosFilter(BANDPASS);
        double[] first = filter.process(x);
        double[] second = filter.process(x);
        assertEquals(false, Arrays.equals(first, second), "state carried over");
        filter.reset();
        assertArrayEquals(first, filter.process(x));
    }

    @Test
    void steadyStateInitialisationRemovesTheOffsetTransient() {
        double[] constant = new double[200];
        Arrays.fill(constant, 40);
        StreamingSosFilter cold = new StreamingSosFilter(BANDPASS);
        StreamingSosFilter warm = new StreamingSosFilter(BANDPASS);
        warm.initializeSteadyState(40);
        double[] ringing = cold.process(constant);
        double[] settled = warm.process(constant);
        double peak = 0;
        for (int n = 0; n < constant.length; n++) {
            peak = Math.max(peak, Math.abs(ringing[n]));
            assertEquals(0, settled[n], 1e-10, "sample " + n); // a band-pass passes no DC
        }
        assertEquals(true, peak > 1, "without initialisation the step rings, peak " + peak);
        // Equivalent to SciPy's sosfilt(sos, x, zi=sosfilt_zi(sos) * x[0]) as used inside sosfiltfilt.
        assertThrows(IllegalArgumentException.class, () -> warm.initializeSteadyState(1, 2));
    }

    @Test
    void validatesChannels() {
        assertThrows(IllegalArgumentException.class, () -> new StreamingSosFilter(BANDPASS, 0));
    }
}
