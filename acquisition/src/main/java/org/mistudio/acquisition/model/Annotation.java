package org.mistudio.acquisition.model;

import java.util.Objects;

/**
 * A labelled interval of a recording: a cue, a trial, an artifact, a note.
 *
 * @param onset    seconds from the start of the recording (may be negative for events before it)
 * @param duration seconds, zero for an instantaneous event
 * @param label    free text, e.g. {@code left_hand}, {@code T1}
 */
public record Annotation(double onset, double duration, String label) {

    public Annotation {
        Objects.requireNonNull(label, "annotation label");
        if (!Double.isFinite(onset)) {
            throw new IllegalArgumentException("annotation '" + label + "': onset must be finite, got " + onset);
        }
        if (!Double.isFinite(duration) || duration < 0) {
            throw new IllegalArgumentException("annotation '" + label + "' at " + onset
                    + " s: duration must be finite and >= 0, got " + duration);
        }
    }

    public double end() {
        return onset + duration;
    }
}
