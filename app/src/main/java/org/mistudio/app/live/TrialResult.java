package org.mistudio.app.live;

/**
 * A decoded trial: the class of the argmax of the probabilities averaged over every window that lies inside its
 * imagery period (from the cue to the end of the trial).
 *
 * @param index        trial number, from 0
 * @param cueTime      recording time of the cue, s
 * @param cue          the cue's label (e.g. left_hand)
 * @param trueClass    the model class the cue asks for
 * @param decoded      the decoded class (null if no window fitted the period)
 * @param probabilities mean probabilities over the period's windows
 * @param windows      how many windows were averaged
 */
public record TrialResult(int index, double cueTime, String cue, String trueClass, String decoded,
                          double[] probabilities, int windows) {

    public boolean correct() {
        return decoded != null && decoded.equals(trueClass);
    }
}
