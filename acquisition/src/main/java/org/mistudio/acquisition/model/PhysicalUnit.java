package org.mistudio.acquisition.model;

import java.util.Locale;
import java.util.Optional;

/** Voltage units as EDF, BDF, GDF and LSL write them, and their factor to volts. */
public final class PhysicalUnit {

    private PhysicalUnit() {
    }

    /**
     * Volts per unit for a voltage unit ({@code uV}, {@code µV}, {@code mV}, {@code nV}, {@code V}, any case), empty
     * for anything else (a stim channel's unitless counts, degC, ...).
     */
    public static Optional<Double> voltsPer(String unit) {
        String u = unit.trim().replace('\u00b5', 'u').replace('\u03bc', 'u');
        switch (u.toLowerCase(Locale.ROOT)) {
            case "v":
                return Optional.of(1.0);
            case "mv":
                return Optional.of(1e-3);
            case "uv":
                return Optional.of(1e-6);
            case "nv":
                return Optional.of(1e-9);
            default:
                return Optional.empty();
        }
    }
}
