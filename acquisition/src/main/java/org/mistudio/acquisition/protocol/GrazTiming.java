package org.mistudio.acquisition.protocol;

/**
 * Timing of the Graz motor-imagery protocol, in seconds. The defaults ({@link #openVibe()}) are those of OpenViBE's
 * motor-imagery scenario: the settings of the "Graz Motor Imagery BCI Stimulator" box in
 * {@code motor-imagery-bci-1-acquisition.xml} (20 trials per class, baseline 20 s, wait for beep 2 s, wait for cue
 * 1 s, display cue 1.25 s, feedback 3.75 s, end of trial 1.5-3.5 s) and the fixed delays of its script
 * {@code motor-imagery-bci-graz-stimulator.lua} (5 s from experiment start to the baseline, 5 s from the baseline's
 * end to the first trial).
 *
 * <p>A trial: fixation cross (768 start of trial, 786 cross on screen), after {@code waitForBeep} a beep, after
 * {@code waitForCue} the arrow cue (769 left / 770 right), after {@code displayCue} continuous feedback (781), after
 * {@code feedback} the end of trial (800), then a rest drawn uniformly from [{@code endOfTrialMin},
 * {@code endOfTrialMax}] (OpenViBE's Lua {@code math.random(min, max)} truncates both to whole seconds; we draw
 * from the stated interval).
 */
public record GrazTiming(double experimentLead, double baseline, double postBaseline, double waitForBeep,
                         double waitForCue, double displayCue, double feedback, double endOfTrialMin,
                         double endOfTrialMax) {

    public GrazTiming {
        double[] all = {experimentLead, baseline, postBaseline, waitForBeep, waitForCue, displayCue, feedback,
            endOfTrialMin, endOfTrialMax};
        for (double v : all) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("Graz timing: every duration must be finite and >= 0 s, got " + this);
            }
        }
        if (!(displayCue + feedback > 0) || endOfTrialMax < endOfTrialMin) {
            throw new IllegalArgumentException("Graz timing: need cue + feedback > 0 s and end-of-trial min <= max, got "
                    + this);
        }
    }

    /** OpenViBE's motor-imagery scenario defaults. */
    public static GrazTiming openVibe() {
        return new GrazTiming(5, 20, 5, 2, 1, 1.25, 3.75, 1.5, 3.5);
    }

    /** Seconds of imagery per trial: from the cue to the end of the trial. */
    public double imagerySeconds() {
        return displayCue + feedback;
    }

    /** Every duration multiplied by {@code factor} (a shortened protocol for demonstrations and tests). */
    public GrazTiming scaled(double factor) {
        return new GrazTiming(experimentLead * factor, baseline * factor, postBaseline * factor, waitForBeep * factor,
                waitForCue * factor, displayCue * factor, feedback * factor, endOfTrialMin * factor,
                endOfTrialMax * factor);
    }

    /** This timing without the baseline block (lead, baseline and post-baseline 0). */
    public GrazTiming withoutBaseline() {
        return new GrazTiming(0, 0, 0, waitForBeep, waitForCue, displayCue, feedback, endOfTrialMin, endOfTrialMax);
    }
}
