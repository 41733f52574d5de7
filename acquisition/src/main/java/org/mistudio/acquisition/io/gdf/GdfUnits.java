package org.mistudio.acquisition.io.gdf;

/**
 * GDF 2 physical dimension codes (GDF specification section "physical units", after ISO/IEEE 11073-10101; BioSig's
 * units.csv and DecimalFactors.txt): the low 5 bits select a decimal prefix, the rest the unit.
 */
final class GdfUnits {

    private GdfUnits() {
    }

    private static final String[] PREFIX = new String[32];

    static {
        String[] up = {"", "da", "h", "k", "M", "G", "T", "P", "E", "Z", "Y"};
        System.arraycopy(up, 0, PREFIX, 0, up.length);
        String[] down = {"d", "c", "m", "u", "n", "p", "f", "a", "z", "y"};
        System.arraycopy(down, 0, PREFIX, 16, down.length);
    }

    /** The unit text of a code, or null when the code is not one we know (then the ASCII field is used). */
    static String text(int code) {
        int base = code & 0xffe0;
        String prefix = PREFIX[code & 0x1f];
        if (prefix == null) {
            return null;
        }
        String unit;
        switch (base) {
            case 0:
                return code == 0 ? "" : null;
            case 512:
                return prefix.isEmpty() ? "" : null; // dimensionless
            case 544:
                unit = "%";
                break;
            case 4256:
                unit = "V";
                break;
            case 4288:
                unit = "Ohm";
                break;
            case 6048:
                unit = "degC";
                break;
            default:
                return null;
        }
        return prefix + unit;
    }
}
