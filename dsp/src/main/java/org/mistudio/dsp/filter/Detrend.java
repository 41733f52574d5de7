package org.mistudio.dsp.filter;

import org.mistudio.acquisition.model.Recording;

/** Removal of a constant or a least-squares line, in place or per channel (as {@code scipy.signal.detrend}). */
public enum Detrend {
    /** Leave the data as they are. */
    NONE,
    /** Subtract the mean. */
    CONSTANT,
    /** Subtract the least-squares line through the samples. */
    LINEAR;

    /** Detrends {@code v[from, from + length)} in place. */
    public void apply(double[] v, int from, int length) {
        if (this == NONE || length == 0) {
            return;
        }
        double mean = 0;
        for (int i = from; i < from + length; i++) {
            mean += v[i];
        }
        mean /= length;
        if (this == CONSTANT) {
            for (int i = from; i < from + length; i++) {
                v[i] -= mean;
            }
            return;
        }
        double tMean = (length - 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < length; i++) {
            sxy += (i - tMean) * (v[from + i] - mean);
            sxx += (i - tMean) * (i - tMean);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        for (int i = 0; i < length; i++) {
            v[from + i] -= mean + slope * (i - tMean);
        }
    }

    /** Detrends every channel of a recording over its whole length; a new recording. */
    public Recording apply(Recording recording) {
        float[][] x = recording.samples();
        float[][] out = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            double[] d = new double[x[c].length];
            for (int i = 0; i < d.length; i++) {
                d[i] = x[c][i];
            }
            apply(d, 0, d.length);
            out[c] = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[c][i] = (float) d[i];
            }
        }
        return new Recording(recording.channels(), out, recording.start(), recording.annotations());
    }
}
