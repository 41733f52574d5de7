package org.mistudio.dsp.filter;

/**
 * Second-order IIR notch, as {@code scipy.signal.iirnotch(w0, Q, fs)}: S. J. Orfanidis, Introduction to Signal
 * Processing (Prentice-Hall 1996), eqs. 11.3.4-11.3.7. Zeros on the unit circle at +-f0, -3 dB bandwidth f0 / Q,
 * unit gain at DC and Nyquist.
 */
public final class Notch {

    private Notch() {
    }

    /**
     * The notch's coefficients b, a (a0 = 1).
     *
     * @param f0 the rejected frequency in Hz, in (0, fs/2)
     * @param q  quality factor f0 / bandwidth, &gt; 0
     * @param fs sampling rate in Hz, &gt; 0
     */
    public static TransferFunction iirnotch(double f0, double q, double fs) {
        if (!(fs > 0) || !Double.isFinite(fs)) {
            throw new IllegalArgumentException("fs must be a finite sampling rate > 0 Hz, got " + fs);
        }
        if (!(f0 > 0 && f0 < fs / 2)) {
            throw new IllegalArgumentException("f0 must be in (0, fs/2) = (0, " + fs / 2 + ") Hz, got " + f0);
        }
        if (!(q > 0) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("q must be a finite quality factor > 0, got " + q);
        }
        double w0 = 2 * f0 / fs;                      // normalised to Nyquist
        double bw = Math.PI * w0 / q;                 // -3 dB bandwidth in rad/sample
        double beta = Math.tan(bw / 2);               // 11.3.4 with G_B^2 = 1/2, so sqrt(1 - G_B^2)/G_B = 1
        double gain = 1 / (1 + beta);                 // 11.3.6
        double cos = Math.cos(Math.PI * w0);
        return new TransferFunction(
                new double[] {gain, -2 * cos * gain, gain},               // 11.3.7
                new double[] {1, -2 * gain * cos, 2 * gain - 1});
    }

    /** The same notch as one second-order section, for {@link SosFiltering} and {@link StreamingSosFilter}. */
    public static Sos sos(double f0, double q, double fs) {
        return iirnotch(f0, q, fs).toSos();
    }
}
