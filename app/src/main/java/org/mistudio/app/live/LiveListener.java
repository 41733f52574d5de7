package org.mistudio.app.live;

import java.util.List;

import org.mistudio.acquisition.protocol.Stimulation;

/**
 * What a live session reports as it runs (on its decoding thread: keep handlers short; a GUI hands them to its
 * own thread). Times are seconds on the recording's axis: 0 at the first sample the session kept.
 */
public interface LiveListener {

    /** Connected: the stream, its rate and the warnings of the channel check. */
    default void connected(String stream, int channels, double rate, List<String> warnings) {
    }

    /** A stimulation of the session's protocol (or a recognised external cue), when it is due. */
    default void stimulation(double time, Stimulation stimulation, int trial) {
    }

    /** A prediction. */
    default void prediction(LivePrediction p) {
    }

    /** A trial's decoding is complete. */
    default void trialEnded(TrialResult r) {
    }
}
