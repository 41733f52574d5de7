package org.mistudio.app.live;

import java.util.List;

/**
 * One prediction of the live decoder.
 *
 * @param time          recording time of the newest sample in its window, s
 * @param classNames    the model's classes
 * @param probabilities this window's probabilities
 * @param smoothed      the feedback: mean probabilities of the last N windows
 * @param latencyMillis from the arrival of the window's newest sample to this prediction
 * @param trial         the trial whose imagery period holds the window, or -1
 */
public record LivePrediction(double time, List<String> classNames, double[] probabilities, double[] smoothed,
                             double latencyMillis, int trial) {

    /** The class the feedback points to. */
    public String decoded() {
        int best = 0;
        for (int k = 1; k < smoothed.length; k++) {
            if (smoothed[k] > smoothed[best]) {
                best = k;
            }
        }
        return classNames.get(best);
    }
}
