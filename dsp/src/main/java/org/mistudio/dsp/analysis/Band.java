package org.mistudio.dsp.analysis;

/**
 * A named frequency band.
 *
 * @param name display name, e.g. {@code mu}
 * @param low  lower edge in Hz
 * @param high upper edge in Hz
 */
public record Band(String name, double low, double high) {

    /** The sensorimotor mu rhythm, 8-12 Hz (Pfurtscheller and Lopes da Silva 1999). */
    public static final Band MU = new Band("mu", 8, 12);
    /** The beta band where hand-imagery ERD is strongest, 18-26 Hz (as the simulator models it). */
    public static final Band BETA = new Band("beta", 18, 26);

    public Band {
        if (!(low >= 0 && high > low)) {
            throw new IllegalArgumentException("band '" + name + "': need 0 <= low < high, got " + low + "-" + high);
        }
    }

    @Override
    public String toString() {
        return name + " " + plain(low) + "-" + plain(high) + " Hz";
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
