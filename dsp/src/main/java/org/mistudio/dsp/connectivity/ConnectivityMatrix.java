package org.mistudio.dsp.connectivity;

import java.util.List;

/**
 * A channel x channel connectivity value per frequency.
 *
 * @param measure     what the values are
 * @param channels    channel labels
 * @param frequencies bin centres in Hz
 * @param values      {@code [i][j][frequency]}
 */
public record ConnectivityMatrix(Measure measure, List<String> channels, double[] frequencies, double[][][] values) {

    /** The connectivity measure. */
    public enum Measure { COHERENCE, IMAGINARY_COHERENCE, ABSOLUTE_IMAGINARY_COHERENCE }

    public ConnectivityMatrix {
        if (measure == null) {
            throw new IllegalArgumentException("connectivity: measure must be given, got null");
        }
        channels = List.copyOf(channels);
        checkShape("connectivity", channels, frequencies, values);
    }

    static void checkShape(String what, List<String> channels, double[] frequencies, double[][][] values) {
        int nc = channels.size();
        if (values.length != nc) {
            throw new IllegalArgumentException(what + ": " + values.length + " rows but " + nc + " channel labels");
        }
        for (int i = 0; i < nc; i++) {
            if (values[i].length != nc) {
                throw new IllegalArgumentException(what + ": row '" + channels.get(i) + "' has " + values[i].length
                        + " columns, expected " + nc);
            }
            for (double[] v : values[i]) {
                if (v.length != frequencies.length) {
                    throw new IllegalArgumentException(what + ": row '" + channels.get(i) + "' has an entry of "
                            + v.length + " frequencies, expected " + frequencies.length);
                }
            }
        }
    }

    /** The values between two channels, per frequency. */
    public double[] between(String a, String b) {
        return values[index(a)][index(b)].clone();
    }

    /** The row index of channel {@code label}. */
    public int index(String label) {
        int i = channels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("connectivity: no channel '" + label + "'; channels are " + channels);
        }
        return i;
    }

    /** |values|: for imaginary coherence, the strength of lagged coupling regardless of direction. */
    public ConnectivityMatrix absolute() {
        double[][][] a = new double[values.length][values.length][frequencies.length];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values.length; j++) {
                for (int k = 0; k < frequencies.length; k++) {
                    a[i][j][k] = Math.abs(values[i][j][k]);
                }
            }
        }
        Measure m = measure == Measure.IMAGINARY_COHERENCE ? Measure.ABSOLUTE_IMAGINARY_COHERENCE : measure;
        return new ConnectivityMatrix(m, channels, frequencies, a);
    }

    /**
     * Node strength: each channel's mean connectivity to all other channels, per frequency,
     * {@code [channel][frequency]} (the graph measure HappyFeat offers as a feature; Rubinov & Sporns 2010,
     * NeuroImage 52:1059-1069, use the sum, here divided by n - 1). Signed measures may cancel: take
     * {@link #absolute()} of imaginary coherence first. Needs at least 2 channels.
     */
    public double[][] nodeStrength() {
        int nc = channels.size();
        if (nc < 2) {
            throw new IllegalArgumentException("node strength: need at least 2 channels, got " + nc);
        }
        double[][] strength = new double[nc][frequencies.length];
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < nc; j++) {
                if (j == i) {
                    continue;
                }
                for (int k = 0; k < frequencies.length; k++) {
                    strength[i][k] += values[i][j][k];
                }
            }
            for (int k = 0; k < frequencies.length; k++) {
                strength[i][k] /= nc - 1;
            }
        }
        return strength;
    }
}
