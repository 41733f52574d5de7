package org.mistudio.acquisition.io.gdf;

/**
 * Names of the GDF event codes used in motor-imagery recordings (BioSig's eventcodes.txt, as in BCI Competition IV
 * data sets 2a/2b and OpenViBE's stimulation codes). Other codes keep their decimal number as text, as MNE-Python
 * labels every GDF event.
 */
public final class GdfEvents {

    private GdfEvents() {
    }

    public static final int TRIAL_START = 0x0300;
    public static final int LEFT_HAND = 0x0301;
    public static final int RIGHT_HAND = 0x0302;
    public static final int FEET = 0x0303;
    public static final int TONGUE = 0x0304;
    public static final int UNKNOWN_CUE = 0x030f;
    public static final int REJECTED_TRIAL = 0x03ff;

    /** The annotation label of an event type. */
    public static String label(int code) {
        switch (code) {
            case TRIAL_START:
                return "trial_start";
            case LEFT_HAND:
                return "left_hand";
            case RIGHT_HAND:
                return "right_hand";
            case FEET:
                return "feet";
            case TONGUE:
                return "tongue";
            case UNKNOWN_CUE:
                return "unknown_cue";
            case REJECTED_TRIAL:
                return "rejected_trial";
            default:
                return Integer.toString(code);
        }
    }
}
