package org.mistudio.acquisition.sim;

/** The imagined movements the simulator can cue, with the annotation label each writes. */
public enum MiClass {
    LEFT_HAND("left_hand"),
    RIGHT_HAND("right_hand"),
    FEET("feet");

    private final String label;

    MiClass(String label) {
        this.label = label;
    }

    /** The annotation text at the cue, as MOABB names the classes. */
    public String label() {
        return label;
    }

    public static MiClass fromLabel(String label) {
        for (MiClass c : values()) {
            if (c.label.equalsIgnoreCase(label) || c.name().equalsIgnoreCase(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown motor-imagery class '" + label
                + "': expected left_hand, right_hand or feet");
    }
}
