package org.mistudio.dsp.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Digital Butterworth filters (S. Butterworth, "On the theory of filter amplifiers", Wireless Engineer 7, 1930) as
 * second-order sections, designed like {@code scipy.signal.butter(N, Wn, btype, fs=fs, output='sos')}: the analog
 * prototype ({@code buttap}: N poles equally spaced on the left unit half-circle, no zeros), a frequency
 * transformation to the pre-warped edges ({@code lp2lp_zpk}, {@code lp2hp_zpk}, {@code lp2bp_zpk},
 * {@code lp2bs_zpk}), the bilinear transform ({@code bilinear_zpk}) and {@code zpk2sos} with 'nearest' pairing.
 * The sections agree with SciPy's to rounding, in the same order and pairing.
 *
 * <p>Band-pass and band-stop filters of order N have 2N poles (N sections), as in SciPy. Pre-warping puts the
 * -3 dB points (|H| = 1/sqrt(2)) exactly at the requested cutoffs.
 */
public final class Butterworth {

    private Butterworth() {
    }

    public static Sos lowpass(int order, double cutoff, double fs) {
        return design(order, FilterType.LOWPASS, fs, cutoff);
    }

    public static Sos highpass(int order, double cutoff, double fs) {
        return design(order, FilterType.HIGHPASS, fs, cutoff);
    }

    public static Sos bandpass(int order, double low, double high, double fs) {
        return design(order, FilterType.BANDPASS, fs, low, high);
    }

    public static Sos bandstop(int order, double low, double high, double fs) {
        return design(order, FilterType.BANDSTOP, fs, low, high);
    }

    /**
     * A Butterworth filter as second-order sections.
     *
     * @param order   prototype order N &gt;= 1
     * @param type    band type
     * @param fs      sampling rate in Hz, &gt; 0
     * @param cutoffs the -3 dB frequencies in Hz, each in (0, fs/2); one for low/high-pass, two increasing for
     *                band-pass/stop
     */
    public static Sos design(int order, FilterType type, double fs, double... cutoffs) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        if (!(fs > 0) || !Double.isFinite(fs)) {
            throw new IllegalArgumentException("fs must be a finite sampling rate > 0 Hz, got " + fs);
        }
        if (cutoffs == null || cutoffs.length != type.cutoffCount()) {
            throw new IllegalArgumentException("a " + type + " filter needs " + type.cutoffCount() + " cutoff"
                    + (type.cutoffCount() == 1 ? "" : "s") + ", got "
                    + (cutoffs == null ? "none" : Arrays.toString(cutoffs)));
        }
        for (double f : cutoffs) {
            if (!(f > 0 && f < fs / 2)) {
                throw new IllegalArgumentException("cutoff must be in (0, fs/2) = (0, " + fs / 2 + ") Hz, got " + f);
            }
        }
        if (cutoffs.length == 2 && !(cutoffs[0] < cutoffs[1])) {
            throw new IllegalArgumentException("cutoffs must be increasing (low < high), got "
                    + Arrays.toString(cutoffs));
        }
        // As scipy.signal.iirfilter: normalise to Nyquist, then design at fs = 2 with edges pre-warped by
        // 2 fs tan(pi Wn / fs), so the bilinear transform maps them back onto the requested cutoffs.
        double designFs = 2.0;
        double[] warped = new double[cutoffs.length];
        for (int i = 0; i < cutoffs.length; i++) {
            double wn = 2 * cutoffs[i] / fs;
            warped[i] = 2 * designFs * Math.tan(Math.PI * wn / designFs);
        }
        Zpk analog = prototype(order);
        Zpk transformed = switch (type) {
            case LOWPASS -> analog.lowpassToLowpass(warped[0]);
            case HIGHPASS -> analog.lowpassToHighpass(warped[0]);
            case BANDPASS -> analog.lowpassToBandpass(Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
            case BANDSTOP -> analog.lowpassToBandstop(Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
        };
        return ZpkToSos.convert(transformed.bilinear(designFs));
    }

    /** The analog prototype ({@code scipy.signal.buttap}): poles -exp(i pi m / 2N), m = -N+1, -N+3, ..., N-1. */
    static Zpk prototype(int order) {
        List<Complex> poles = new ArrayList<>(order);
        for (int m = -order + 1; m < order; m += 2) {
            poles.add(Complex.expi(Math.PI * m / (2.0 * order)).negate());
        }
        return new Zpk(List.of(), poles, 1.0);
    }
}
