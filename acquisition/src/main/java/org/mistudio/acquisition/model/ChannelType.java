package org.mistudio.acquisition.model;

import java.util.Locale;

/** What a channel measures. Decoders use EEG; FASTER uses EOG; events come from stim channels. */
public enum ChannelType {
    EEG, EOG, EMG, STIM, MISC;

    /** Parses a type name case-insensitively ("eeg", "EOG", "stim"). */
    public static ChannelType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown channel type '" + name + "': expected one of EEG, EOG, EMG, STIM, MISC");
        }
    }
}
