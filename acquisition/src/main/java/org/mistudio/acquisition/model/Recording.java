package org.mistudio.acquisition.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A continuous multichannel recording in physical units.
 *
 * <p>{@code samples[c]} holds channel {@code c}; channels may have different sampling rates (EDF allows it), but
 * all cover the same duration. The sample arrays are handed over, not copied: a recording of an hour of
 * 64-channel EEG is hundreds of megabytes, so producers must not modify arrays after construction and consumers
 * must treat {@link #samples()} as read-only.
 *
 * @param channels    one entry per row of {@code samples}, labels unique
 * @param samples     {@code float[channel][sample]} in each channel's physical unit
 * @param start       the wall-clock time of the first sample (local time, as EDF stores it)
 * @param annotations events and intervals, onsets relative to {@code start}
 */
public record Recording(List<ChannelInfo> channels, float[][] samples, LocalDateTime start,
                        List<Annotation> annotations) {

    public Recording {
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(start, "start time");
        annotations = List.copyOf(Objects.requireNonNull(annotations, "annotations"));
        if (samples.length != channels.size()) {
            throw new IllegalArgumentException("recording has " + channels.size() + " channel infos but "
                    + samples.length + " sample rows");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            Integer previous = seen.put(channels.get(c).label(), c);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate channel label '" + channels.get(c).label()
                        + "' at channels " + previous + " and " + c);
            }
            if (samples[c] == null) {
                throw new IllegalArgumentException("channel '" + channels.get(c).label() + "' has no sample array");
            }
        }
        // Every channel must span the same time; allow one sample of the slowest channel for rounding.
        if (!channels.isEmpty()) {
            double reference = samples[0].length / channels.get(0).samplingRate();
            double slack = 0;
            for (ChannelInfo ch : channels) {
                slack = Math.max(slack, 1.0 / ch.samplingRate());
            }
            for (int c = 1; c < channels.size(); c++) {
                double span = samples[c].length / channels.get(c).samplingRate();
                if (Math.abs(span - reference) > slack + 1e-9) {
                    throw new IllegalArgumentException("channel '" + channels.get(c).label() + "' spans " + span
                            + " s but channel '" + channels.get(0).label() + "' spans " + reference + " s");
                }
            }
        }
    }

    public int channelCount() {
        return channels.size();
    }

    /** True when every channel has the same sampling rate, as epoching and decoding require. */
    public boolean isUniformRate() {
        for (ChannelInfo ch : channels) {
            if (ch.samplingRate() != channels.get(0).samplingRate()) {
                return false;
            }
        }
        return true;
    }

    /** The common sampling rate; fails when channels differ (resample or select channels first). */
    public double samplingRate() {
        if (channels.isEmpty()) {
            throw new IllegalStateException("recording has no channels");
        }
        if (!isUniformRate()) {
            throw new IllegalStateException("channels have different sampling rates; select channels of one rate "
                    + "or resample first");
        }
        return channels.get(0).samplingRate();
    }

    /** Samples per channel at the common rate. */
    public int sampleCount() {
        samplingRate();
        return samples[0].length;
    }

    /** Duration in seconds. */
    public double duration() {
        return channels.isEmpty() ? 0 : samples[0].length / channels.get(0).samplingRate();
    }

    /**
     * The index of a channel by label: exact match first, then case-insensitive ignoring EEGMMIDB-style padding
     * dots ({@code C3..} matches {@code c3}); -1 when absent.
     */
    public int indexOf(String label) {
        for (int c = 0; c < channels.size(); c++) {
            if (channels.get(c).label().equals(label)) {
                return c;
            }
        }
        String wanted = normalizeLabel(label);
        for (int c = 0; c < channels.size(); c++) {
            if (normalizeLabel(channels.get(c).label()).equals(wanted)) {
                return c;
            }
        }
        return -1;
    }

    /** The samples of one channel by label; fails with the available labels when absent. */
    public float[] channel(String label) {
        int index = indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("no channel '" + label + "' in recording; channels are "
                    + labels());
        }
        return samples[index];
    }

    public List<String> labels() {
        List<String> labels = new ArrayList<>(channels.size());
        for (ChannelInfo ch : channels) {
            labels.add(ch.label());
        }
        return labels;
    }

    /** A recording of the given channels only, in the given order (arrays shared, not copied). */
    public Recording select(List<String> labels) {
        List<ChannelInfo> chosen = new ArrayList<>();
        float[][] rows = new float[labels.size()][];
        for (int i = 0; i < labels.size(); i++) {
            int index = indexOf(labels.get(i));
            if (index < 0) {
                throw new IllegalArgumentException("no channel '" + labels.get(i) + "' in recording; channels are "
                        + labels());
            }
            chosen.add(channels.get(index));
            rows[i] = samples[index];
        }
        return new Recording(chosen, rows, start, annotations);
    }

    /** The channels of one type (e.g. EEG only). */
    public Recording selectType(ChannelType type) {
        List<String> chosen = new ArrayList<>();
        for (ChannelInfo ch : channels) {
            if (ch.type() == type) {
                chosen.add(ch.label());
            }
        }
        return select(chosen);
    }

    public Recording withAnnotations(List<Annotation> newAnnotations) {
        return new Recording(channels, samples, start, newAnnotations);
    }

    /**
     * The canonical form of a label for matching: trimmed, trailing and inner padding dots removed, lower case.
     * EEGMMIDB pads labels to four characters with dots ({@code Fc5.}, {@code C3..}, {@code Fcz.}).
     */
    public static String normalizeLabel(String label) {
        return label.trim().replace(".", "").toLowerCase(Locale.ROOT);
    }
}
