package org.mistudio.acquisition.lsl;

/**
 * {@code lsl_clock()}: the monotonic clock in seconds (liblsl src/common.cpp uses std::chrono::steady_clock;
 * on Linux both it and {@link System#nanoTime()} read CLOCK_MONOTONIC, so timestamps agree across processes
 * on one machine).
 */
public final class LslClock {
    private LslClock() {
    }

    /** Seconds on the local LSL clock. */
    public static double now() {
        return System.nanoTime() / 1e9;
    }
}
