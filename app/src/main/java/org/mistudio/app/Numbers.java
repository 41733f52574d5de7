package org.mistudio.app;

import java.math.BigDecimal;

/** Number formatting for people: no trailing zeros, no exponent. */
public final class Numbers {

    private Numbers() {
    }

    /** {@code 250.0} as "250", {@code 0.5} as "0.5". */
    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
