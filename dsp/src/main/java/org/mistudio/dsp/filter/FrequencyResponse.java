package org.mistudio.dsp.filter;

import java.util.Arrays;

/**
 * The complex frequency response of a filter, as {@code scipy.signal.sosfreqz(sos, worN=f, fs=fs)}:
 * {@code H(e^{iw}) = prod_s (b0 + b1 e^{-iw} + b2 e^{-2iw}) / (a0 + a1 e^{-iw} + a2 e^{-2iw})}, w = 2 pi f / fs.
 *
 * @param frequencies in Hz
 * @param real        Re H at each frequency
 * @param imag        Im H at each frequency
 */
public record FrequencyResponse(double[] frequencies, double[] real, double[] imag) {

    public FrequencyResponse {
        if (frequencies.length != real.length || real.length != imag.length) {
            throw new IllegalArgumentException("frequencies, real and imag must have one length, got "
                    + frequencies.length + ", " + real.length + ", " + imag.length);
        }
        frequencies = frequencies.clone();
        real = real.clone();
        imag = imag.clone();
    }

    /** Response at the given frequencies (Hz; any finite value, aliasing as the DTFT does). */
    public static FrequencyResponse of(Sos sos, double fs, double... frequencies) {
        if (!(fs > 0) || !Double.isFinite(fs)) {
            throw new IllegalArgumentException("fs must be a finite sampling rate > 0 Hz, got " + fs);
        }
        double[] re = new double[frequencies.length];
        double[] im = new double[frequencies.length];
        for (int k = 0; k < frequencies.length; k++) {
            if (!Double.isFinite(frequencies[k])) {
                throw new IllegalArgumentException("frequencies must be finite, got " + frequencies[k]);
            }
            double w = 2 * Math.PI * frequencies[k] / fs;
            Complex e1 = Complex.expi(-w);
            Complex e2 = Complex.expi(-2 * w);
            Complex h = Complex.real(1);
            for (double[] c : sos.rows()) {
                Complex num = Complex.real(c[0]).plus(e1.times(c[1])).plus(e2.times(c[2]));
                Complex den = Complex.real(c[3]).plus(e1.times(c[4])).plus(e2.times(c[5]));
                h = h.times(num.div(den));
            }
            re[k] = h.re();
            im[k] = h.im();
        }
        return new FrequencyResponse(frequencies, re, im);
    }

    /** Response at n frequencies evenly spaced over [0, fs/2) (like sosfreqz's worN = n, whole = False). */
    public static FrequencyResponse of(Sos sos, double fs, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        double[] f = new double[n];
        for (int k = 0; k < n; k++) {
            f[k] = fs / 2 * k / n;
        }
        return of(sos, fs, f);
    }

    public int size() {
        return frequencies.length;
    }

    @Override
    public double[] frequencies() {
        return frequencies.clone();
    }

    @Override
    public double[] real() {
        return real.clone();
    }

    @Override
    public double[] imag() {
        return imag.clone();
    }

    /** |H| at index k. */
    public double magnitude(int k) {
        return Math.hypot(real[k], imag[k]);
    }

    /** |H| at every frequency. */
    public double[] magnitude() {
        double[] m = new double[real.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = magnitude(k);
        }
        return m;
    }

    /** 20 log10 |H| (dB; -Infinity at an exact zero). */
    public double[] magnitudeDb() {
        double[] m = magnitude();
        for (int k = 0; k < m.length; k++) {
            m[k] = 20 * Math.log10(m[k]);
        }
        return m;
    }

    /** arg H in radians, in (-pi, pi]. */
    public double[] phase() {
        double[] p = new double[real.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.atan2(imag[k], real[k]);
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrequencyResponse r && Arrays.equals(frequencies, r.frequencies)
                && Arrays.equals(real, r.real) && Arrays.equals(imag, r.imag);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(frequencies) + Arrays.hashCode(real)) + Arrays.hashCode(imag);
    }

    @Override
    public String toString() {
        return "FrequencyResponse[" + frequencies.length + " frequencies]";
    }
}
