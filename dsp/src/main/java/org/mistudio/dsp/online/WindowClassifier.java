package org.mistudio.dsp.online;

import java.util.List;

/**
 * A trained decoder applied to one window of causally filtered EEG, as a live session slides it over the stream.
 * Implementations are immutable after construction and safe to call from one thread at a time; the classical ones
 * are here ({@link CspLdaWindowClassifier}, {@link PsdLdaWindowClassifier}), networks plug in from the models
 * module.
 */
public interface WindowClassifier {

    /** The classes, in the order of {@link #predictProba}'s columns. */
    List<String> classNames();

    /** Channels expected in a window, in the model's order. */
    int channelCount();

    /** Samples expected per channel in a window. */
    int windowSamples();

    /**
     * Class probabilities (summing to 1) for one window {@code [channel][sample]} of {@link #channelCount()} rows of
     * {@link #windowSamples()} samples each, filtered as the model was trained. The window is not modified.
     */
    double[] predictProba(float[][] window);

    /** Checks a window's shape; a clear error otherwise. */
    default void checkWindow(float[][] window) {
        if (window == null || window.length != channelCount()) {
            throw new IllegalArgumentException("window: " + (window == null ? 0 : window.length) + " channels, the model "
                    + "expects " + channelCount());
        }
        for (int c = 0; c < window.length; c++) {
            if (window[c] == null || window[c].length != windowSamples()) {
                throw new IllegalArgumentException("window: channel " + c + " has "
                        + (window[c] == null ? 0 : window[c].length) + " samples, the model expects " + windowSamples());
            }
        }
    }
}
