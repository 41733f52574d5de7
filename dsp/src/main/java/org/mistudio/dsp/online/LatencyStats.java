package org.mistudio.dsp.online;

import java.util.Arrays;

/**
 * Latencies in milliseconds, collected one by one, summarised by percentiles with linear interpolation between
 * order statistics (numpy's default {@code percentile}, Hyndman and Fan 1996 definition 7). Not thread-safe.
 */
public final class LatencyStats {
    private double[] values = new double[256];
    private int count;

    public void add(double millis) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = millis;
    }

    public int count() {
        return count;
    }

    /** The p-th percentile (p in [0, 100]); NaN when empty. */
    public double percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
        }
        if (count == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(values, count);
        Arrays.sort(s);
        double rank = p / 100 * (count - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(count - 1, lo + 1);
        return s[lo] + (rank - lo) * (s[hi] - s[lo]);
    }

    public double median() {
        return percentile(50);
    }

    public double max() {
        return percentile(100);
    }

    /** The recorded values, in order of arrival. */
    public double[] values() {
        return Arrays.copyOf(values, count);
    }
}
