package org.mistudio.acquisition.sim;

/** The artifacts the simulator can inject, each recorded as ground truth. */
public enum ArtifactType {
    /** An eye blink: a 200-400 ms positive deflection of 80-200 uV, largest at the frontal poles and on EOG. */
    BLINK,
    /** A burst of broadband high-frequency EMG over temporal sites, 0.5-1.5 s. */
    MUSCLE,
    /** A channel that records nothing for the whole recording (a disconnected electrode). */
    FLAT_CHANNEL,
    /** A channel with large broadband noise for the whole recording (a poor contact). */
    NOISY_CHANNEL,
    /** An electrode pop: a sudden step on one channel decaying over about a second. */
    POP
}
