package org.mistudio.acquisition.model;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Trials cut from a recording around events.
 *
 * <p>As with {@link Recording}, the array is handed over rather than copied; treat {@link #data()} as
 * read-only.
 *
 * @param data         {@code float[trial][channel][sample]} in physical units
 * @param labels       the class label of each trial
 * @param samplingRate samples per second
 * @param channels     one entry per channel, all at {@code samplingRate}
 * @param tmin         time of the first sample relative to the event, in seconds (e.g. -0.5)
 */
public record Epochs(float[][][] data, List<String> labels, double samplingRate, List<ChannelInfo> channels,
                     double tmin) {

    public Epochs {
        Objects.requireNonNull(data, "epoch data");
        labels = List.copyOf(Objects.requireNonNull(labels, "epoch labels"));
        channels = List.copyOf(Objects.requireNonNull(channels, "epoch channels"));
        if (!Double.isFinite(samplingRate) || samplingRate <= 0) {
            throw new IllegalArgumentException("epochs: sampling rate must be a finite positive number of Hz, got "
                    + samplingRate);
        }
        if (!Double.isFinite(tmin)) {
            throw new IllegalArgumentException("epochs: tmin must be finite, got " + tmin);
        }
        if (data.length != labels.size()) {
            throw new IllegalArgumentException("epochs: " + data.length + " trials but " + labels.size() + " labels");
        }
        TreeSet<String> unique = new TreeSet<>();
        for (ChannelInfo ch : channels) {
            if (!unique.add(ch.label())) {
                throw new IllegalArgumentException("epochs: duplicate channel label '" + ch.label() + "'");
            }
            if (ch.samplingRate() != samplingRate) {
                throw new IllegalArgumentException("epochs: channel '" + ch.label() + "' is at " + ch.samplingRate()
                        + " Hz but the epochs are at " + samplingRate + " Hz");
            }
        }
        int samples = -1;
        for (int t = 0; t < data.length; t++) {
            if (data[t] == null || data[t].length != channels.size()) {
                throw new IllegalArgumentException("epochs: trial " + t + " has "
                        + (data[t] == null ? 0 : data[t].length) + " channels, expected " + channels.size());
            }
            for (int c = 0; c < data[t].length; c++) {
                int n = data[t][c].length;
                if (samples < 0) {
                    samples = n;
                } else if (n != samples) {
                    throw new IllegalArgumentException("epochs: trial " + t + " channel '" + channels.get(c).label()
                            + "' has " + n + " samples, expected " + samples);
                }
            }
        }
    }

    public int trialCount() {
        return data.length;
    }

    public int channelCount() {
        return channels.size();
    }

    public int sampleCount() {
        return data.length == 0 ? 0 : data[0][0].length;
    }

    /** The distinct class labels, sorted. */
    public List<String> classes() {
        return List.copyOf(new TreeSet<>(labels));
    }

    /** The time in seconds of sample {@code i} relative to the event. */
    public double time(int i) {
        return tmin + i / samplingRate;
    }
}
