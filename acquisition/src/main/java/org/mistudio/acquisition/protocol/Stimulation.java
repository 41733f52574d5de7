package org.mistudio.acquisition.protocol;

import java.util.Locale;
import java.util.Optional;

import org.mistudio.acquisition.sim.MiClass;

/**
 * The stimulation codes of a Graz motor-imagery session, as OpenViBE sends them (its toolkit's stimulation
 * identifiers, {@code lua-stimulator-stim-codes.lua}: the {@code OVTK_GDF_*} codes are GDF event types from BioSig's
 * eventcodes.txt, 0x300 + ..., the {@code OVTK_StimulationId_*} ones OpenViBE's own 0x8000 + ...). The label is
 * what the recording's annotation says (cue labels as the GDF reader names 769-771).
 */
public enum Stimulation {
    EXPERIMENT_START(0x8001, "experiment_start"),
    EXPERIMENT_STOP(0x8002, "experiment_stop"),
    BASELINE_START(0x8007, "baseline_start"),
    BASELINE_STOP(0x8008, "baseline_stop"),
    BEEP(0x8202, "beep"),
    TRIAL_START(0x300, "trial_start"),
    LEFT_HAND(0x301, "left_hand"),
    RIGHT_HAND(0x302, "right_hand"),
    FEET(0x303, "feet"),
    TONGUE(0x304, "tongue"),
    FEEDBACK_CONTINUOUS(0x30D, "feedback_continuous"),
    CROSS_ON_SCREEN(0x312, "cross_on_screen"),
    END_OF_TRIAL(0x320, "end_of_trial");

    private final int code;
    private final String label;

    Stimulation(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The numeric code (e.g. 769 for the left-hand cue). */
    public int code() {
        return code;
    }

    /** The annotation text. */
    public String label() {
        return label;
    }

    /** Whether this is a class cue. */
    public boolean isCue() {
        return code >= 0x301 && code <= 0x304;
    }

    /** The cue of a simulator class. */
    public static Stimulation cueOf(MiClass c) {
        return switch (c) {
            case LEFT_HAND -> LEFT_HAND;
            case RIGHT_HAND -> RIGHT_HAND;
            case FEET -> FEET;
        };
    }

    /** The simulator class of a cue, empty for other stimulations (and tongue, which the simulator lacks). */
    public Optional<MiClass> miClass() {
        return switch (this) {
            case LEFT_HAND -> Optional.of(MiClass.LEFT_HAND);
            case RIGHT_HAND -> Optional.of(MiClass.RIGHT_HAND);
            case FEET -> Optional.of(MiClass.FEET);
            default -> Optional.empty();
        };
    }

    public static Optional<Stimulation> ofCode(int code) {
        for (Stimulation s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * A marker's text as a stimulation: its decimal code ("769", as integer marker streams and our recorder write
     * them) or its label ("left_hand"); empty for anything else.
     */
    public static Optional<Stimulation> parse(String marker) {
        String m = marker.trim();
        try {
            return ofCode(Integer.parseInt(m));
        } catch (NumberFormatException e) {
            String l = m.toLowerCase(Locale.ROOT);
            for (Stimulation s : values()) {
                if (s.label.equals(l)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }
}
