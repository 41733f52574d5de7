package org.mistudio.dsp.analysis;

/**
 * Whether mu power drops over the hemisphere contralateral to the imagined hand.
 *
 * @param c3RightMinusLeftDb mu power at C3 during right-hand minus during left-hand imagery, dB (expected < 0)
 * @param c4RightMinusLeftDb mu power at C4 during right-hand minus during left-hand imagery, dB (expected > 0)
 */
public record Lateralization(double c3RightMinusLeftDb, double c4RightMinusLeftDb) {

    /** True when both hemispheres show the contralateral drop. */
    public boolean contralateral() {
        return c3RightMinusLeftDb < 0 && c4RightMinusLeftDb > 0;
    }

    /** A sentence for a clinician. */
    public String verdict() {
        String numbers = String.format(java.util.Locale.ROOT,
                "C3 mu %+.2f dB and C4 mu %+.2f dB for right- versus left-hand imagery", c3RightMinusLeftDb,
                c4RightMinusLeftDb);
        return contralateral()
                ? "Contralateral ERD present: " + numbers + "."
                : "No clear contralateral ERD: " + numbers + " (expected C3 negative and C4 positive).";
    }
}
