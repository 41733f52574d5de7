package org.mistudio.app.live;

import org.mistudio.acquisition.model.Recording;

/** Checks that a live session's recording holds what a simulated patient streamed. */
public final class RecordingChecks {

    /** Half a digital step of the recording (a physical range of 6553.5 over 65535 levels), plus float rounding. */
    private static final double HALF_STEP = 6553.5 / 65535 / 2 + 1e-4;

    private RecordingChecks() {
    }

    /**
     * The recording's 64 channels equal a contiguous run of the pushed samples (within half a digital step), in
     * order, with nothing missing: every ninth channel is compared sample by sample.
     */
    public static void assertHoldsPushed(Recording r, float[][] pushed) {
        int k = firstMatch(r, pushed);
        if (k < 0) {
            throw new AssertionError("the recording's first samples are none of the pushed ones");
        }
        for (int c = 0; c < 64; c += 9) {
            for (int j = 0; j < r.sampleCount(); j++) {
                if (Math.abs(r.samples()[c][j] - pushed[c][k + j]) > HALF_STEP) {
                    throw new AssertionError("channel " + c + " sample " + j + ": " + r.samples()[c][j]
                            + " != pushed " + pushed[c][k + j]);
                }
            }
        }
    }

    /** Where the recording starts in the pushed samples: its first 3 samples on every 7th channel match. */
    private static int firstMatch(Recording r, float[][] pushed) {
        double tol = 0.06;
        for (int k = 0; k + r.sampleCount() <= pushed[0].length; k++) {
            boolean ok = true;
            for (int j = 0; j < 3 && ok; j++) {
                for (int c = 0; c < 64 && ok; c += 7) {
                    ok = Math.abs(r.samples()[c][j] - pushed[c][k + j]) <= tol;
                }
            }
            if (ok) {
                return k;
            }
        }
        return -1;
    }
}
