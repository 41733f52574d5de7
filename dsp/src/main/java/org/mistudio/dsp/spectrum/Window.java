package org.mistudio.dsp.spectrum;

import java.util.Locale;

/**
 * Tapering windows for spectral estimation, in their periodic ("DFT-even") form, as SciPy's
 * {@code get_window(name, n)} returns them for spectral analysis (Harris 1978, Proc IEEE 66:51-83).
 */
public enum Window {
    BOXCAR, HANN, HAMMING, BLACKMAN;

    /** The window's {@code n} coefficients. */
    public double[] coefficients(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 2 * Math.PI * i / n;
            switch (this) {
                case BOXCAR:
                    w[i] = 1;
                    break;
                case HANN:
                    w[i] = 0.5 - 0.5 * Math.cos(x);
                    break;
                case HAMMING:
                    w[i] = 0.54 - 0.46 * Math.cos(x);
                    break;
                case BLACKMAN:
                    w[i] = 0.42 - 0.5 * Math.cos(x) + 0.08 * Math.cos(2 * x);
                    break;
                default:
                    throw new AssertionError(this);
            }
        }
        return w;
    }

    public static Window parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace("HANNING", "HANN"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown window '" + name
                    + "': expected boxcar, hann, hamming or blackman");
        }
    }
}
