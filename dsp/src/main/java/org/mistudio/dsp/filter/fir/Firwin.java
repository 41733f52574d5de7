package org.mistudio.dsp.filter.fir;

/**
 * Window-method FIR design: the ideal low-pass impulse response (a sinc) truncated by a symmetric window and
 * normalized to unit gain at DC, the procedure SciPy's {@code scipy.signal.firwin(numtaps, cutoff, window,
 * pass_zero=True, scale=True)} implements. Windows are in their symmetric form ({@code get_window(...,
 * fftbins=False)}), as filter design needs, unlike the periodic ones of {@link org.mistudio.dsp.spectrum.Window}.
 *
 * <p>References: R. W. Hamming, <i>Digital Filters</i> (1977), for the Hamming window; J. F. Kaiser,
 * "Nonrecursive digital filter design using the I0-sinh window function", Proc. IEEE ISCAS 1974, pp. 20-23,
 * for the Kaiser window; A. V. Oppenheim and R. W. Schafer, <i>Discrete-Time Signal Processing</i>, ch. 7, for
 * the window method.
 */
public final class Firwin {

    private Firwin() {
    }

    /** The symmetric Hamming window {@code 0.54 - 0.46 cos(2 pi n / (N - 1))}, n = 0..N-1. */
    public static double[] hamming(int n) {
        requirePositive(n);
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        for (int i = 0; i < n; i++) {
            w[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return w;
    }

    /**
     * The symmetric Kaiser window {@code I0(beta sqrt(1 - (2n/(N-1) - 1)^2)) / I0(beta)} (Kaiser 1974), n = 0..N-1.
     */
    public static double[] kaiser(int n, double beta) {
        requirePositive(n);
        if (!Double.isFinite(beta) || beta < 0) {
            throw new IllegalArgumentException("Kaiser beta must be finite and >= 0, got " + beta);
        }
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        double denominator = besselI0(beta);
        for (int i = 0; i < n; i++) {
            double r = 2.0 * i / (n - 1) - 1;
            w[i] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / denominator;
        }
        return w;
    }

    /**
     * The modified Bessel function of the first kind, order zero, by its power series
     * {@code sum_k ((x/2)^k / k!)^2}; every term is positive, so the sum is accurate to rounding for the window
     * arguments used here (|x| up to a few tens).
     */
    public static double besselI0(double x) {
        double q = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 1000; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    /**
     * A linear-phase low-pass filter of {@code window.length} taps with its cutoff at {@code cutoff} (a fraction
     * of the Nyquist frequency, 0 &lt; cutoff &lt; 1): {@code h[m] = cutoff sinc(cutoff (m - (N-1)/2)) w[m]}, then
     * scaled so the taps sum to one (unit gain at DC), as {@code firwin(N, cutoff, window)} with its defaults.
     */
    public static double[] lowPass(double cutoff, double[] window) {
        if (!(cutoff > 0 && cutoff < 1)) {
            throw new IllegalArgumentException("low-pass cutoff must lie in (0, 1) times Nyquist, got " + cutoff);
        }
        int n = window.length;
        requirePositive(n);
        double alpha = 0.5 * (n - 1);
        double[] h = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double m = i - alpha;
            h[i] = cutoff * sinc(cutoff * m) * window[i];
            sum += h[i];
        }
        for (int i = 0; i < n; i++) {
            h[i] /= sum;
        }
        return h;
    }

    /** The normalized sinc, {@code sin(pi x) / (pi x)}, 1 at 0. */
    static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of taps must be >= 1, got " + n);
        }
    }
}
