package org.mistudio.acquisition.model;

import java.util.Objects;

/**
 * One channel of a recording.
 *
 * @param label        the channel's name as the file or stream gives it (e.g. {@code C3}, {@code C3..})
 * @param type         what the channel measures
 * @param unit         the physical unit of its samples (e.g. {@code uV}, {@code V}); empty when unitless
 * @param samplingRate samples per second, finite and positive
 */
public record ChannelInfo(String label, ChannelType type, String unit, double samplingRate) {

    public ChannelInfo {
        Objects.requireNonNull(label, "channel label");
        Objects.requireNonNull(type, "channel type");
        Objects.requireNonNull(unit, "channel unit");
        if (label.isBlank()) {
            throw new IllegalArgumentException("channel label is blank");
        }
        if (!Double.isFinite(samplingRate) || samplingRate <= 0) {
            throw new IllegalArgumentException("channel '" + label + "': sampling rate must be a finite positive "
                    + "number of Hz, got " + samplingRate);
        }
    }

    /** An EEG channel in microvolts, the unit every module of MI Studio computes in. */
    public static ChannelInfo eeg(String label, double samplingRate) {
        return new ChannelInfo(label, ChannelType.EEG, "uV", samplingRate);
    }

    public ChannelInfo withLabel(String newLabel) {
        return new ChannelInfo(newLabel, type, unit, samplingRate);
    }

    public ChannelInfo withType(ChannelType newType) {
        return new ChannelInfo(label, newType, unit, samplingRate);
    }
}
