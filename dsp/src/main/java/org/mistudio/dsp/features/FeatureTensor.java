package org.mistudio.dsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mistudio.acquisition.model.Recording;

/**
 * Per-trial features with labelled axes: {@code values[trial][channel][frequency]}. As with
 * {@link org.mistudio.acquisition.model.Epochs} the array is handed over, not copied: treat it as read-only.
 *
 * @param quantity    what the values are, e.g. "psd (uV^2/Hz)", "node strength (coherence)"
 * @param labels      class label of each trial
 * @param channels    channel labels
 * @param frequencies bin centres in Hz, ascending
 * @param values      {@code [trial][channel][frequency]}
 */
public record FeatureTensor(String quantity, List<String> labels, List<String> channels, double[] frequencies,
                            double[][][] values) {

    public FeatureTensor {
        Objects.requireNonNull(quantity, "quantity");
        labels = List.copyOf(labels);
        channels = List.copyOf(channels);
        frequencies = frequencies.clone();
        if (values.length != labels.size()) {
            throw new IllegalArgumentException("features: " + values.length + " trials but " + labels.size()
                    + " labels");
        }
        for (int t = 0; t < values.length; t++) {
            if (values[t].length != channels.size()) {
                throw new IllegalArgumentException("features: trial " + t + " has " + values[t].length
                        + " channels, expected " + channels.size());
            }
            for (double[] v : values[t]) {
                if (v.length != frequencies.length) {
                    throw new IllegalArgumentException("features: trial " + t + " has " + v.length
                            + " frequencies, expected " + frequencies.length);
                }
            }
        }
    }

    @Override
    public double[] frequencies() {
        return frequencies.clone();
    }

    public int trialCount() {
        return values.length;
    }

    /** The index of a channel (EEGMMIDB padding dots and case ignored); fails listing the channels. */
    public int channelIndex(String label) {
        int exact = channels.indexOf(label);
        if (exact >= 0) {
            return exact;
        }
        String wanted = Recording.normalizeLabel(label);
        for (int c = 0; c < channels.size(); c++) {
            if (Recording.normalizeLabel(channels.get(c)).equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + label + "'; channels are " + channels);
    }

    /** The index of the bin at {@code hz} (within a hundredth of the resolution); fails naming the range. */
    public int frequencyIndex(double hz) {
        double res = frequencies.length > 1 ? frequencies[1] - frequencies[0] : 1;
        for (int k = 0; k < frequencies.length; k++) {
            if (Math.abs(frequencies[k] - hz) <= 0.01 * res) {
                return k;
            }
        }
        throw new IllegalArgumentException("no frequency bin at " + hz + " Hz; bins run from " + frequencies[0]
                + " to " + frequencies[frequencies.length - 1] + " Hz in steps of " + res + " Hz");
    }

    /** Trial indices of one class, in trial order. */
    public int[] trialsOf(String label) {
        List<Integer> idx = new ArrayList<>();
        for (int t = 0; t < labels.size(); t++) {
            if (labels.get(t).equals(label)) {
                idx.add(t);
            }
        }
        if (idx.isEmpty()) {
            throw new IllegalArgumentException("no trial of class '" + label + "'; classes are "
                    + new java.util.TreeSet<>(labels));
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The values of one channel and bin across the given trials. */
    public double[] column(int[] trials, int channel, int bin) {
        double[] v = new double[trials.length];
        for (int i = 0; i < trials.length; i++) {
            v[i] = values[trials[i]][channel][bin];
        }
        return v;
    }

    /** The trials at the given indices (rows shared). */
    public FeatureTensor subset(int[] trials) {
        double[][][] v = new double[trials.length][][];
        List<String> l = new ArrayList<>();
        for (int i = 0; i < trials.length; i++) {
            v[i] = values[trials[i]];
            l.add(labels.get(trials[i]));
        }
        return new FeatureTensor(quantity, l, channels, frequencies, v);
    }
}
