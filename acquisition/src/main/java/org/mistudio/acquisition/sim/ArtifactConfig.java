package org.mistudio.acquisition.sim;

import java.util.Optional;

/**
 * Which artifacts to inject.
 *
 * @param blinksPerMinute eye blinks (resting adults blink about 15-20 times a minute; fewer when attending)
 * @param musclePerMinute EMG bursts over temporal sites
 * @param popsPerMinute   electrode pops on random EEG channels
 * @param flatChannel     a channel to disconnect for the whole recording, or empty
 * @param noisyChannel    a channel with a poor contact for the whole recording, or empty
 */
public record ArtifactConfig(double blinksPerMinute, double musclePerMinute, double popsPerMinute,
                             Optional<String> flatChannel, Optional<String> noisyChannel) {

    public ArtifactConfig {
        check("blinks per minute", blinksPerMinute);
        check("muscle bursts per minute", musclePerMinute);
        check("pops per minute", popsPerMinute);
        if (flatChannel.isPresent() && noisyChannel.isPresent() && flatChannel.get().equals(noisyChannel.get())) {
            throw new IllegalArgumentException("channel '" + flatChannel.get() + "' cannot be both flat and noisy");
        }
    }

    private static void check(String what, double rate) {
        if (!Double.isFinite(rate) || rate < 0) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + rate);
        }
    }

    /** Clean data. */
    public static ArtifactConfig none() {
        return new ArtifactConfig(0, 0, 0, Optional.empty(), Optional.empty());
    }

    /** A cooperative subject in a decent cap: blinks, some muscle, an occasional pop; no bad channel. */
    public static ArtifactConfig typical() {
        return new ArtifactConfig(12, 2, 1, Optional.empty(), Optional.empty());
    }

    public boolean any() {
        return blinksPerMinute > 0 || musclePerMinute > 0 || popsPerMinute > 0 || flatChannel.isPresent()
                || noisyChannel.isPresent();
    }
}
