package org.mistudio.dsp.filter.fir;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Zero-phase application of an odd-length symmetric FIR filter, as MNE's {@code _overlap_add_filter} with
 * {@code phase='zero'} and {@code pad='reflect_limited'}: the signal is extended at each end by
 * {@code n_edge = min(len(h), len(x)) - 1} samples of its odd (point) reflection about the end sample,
 * {@code 2 x[0] - x[k]} on the left and {@code 2 x[n-1] - x[n-1-k]} on the right (zeros beyond the signal's own
 * length), linearly convolved with the taps, and read out centred: {@code y[i] = sum_k h[k] xe[i + c - k]}
 * with {@code c = (len(h) - 1) / 2}, so the output has the input's length and no delay. The odd reflection makes
 * a band-pass output start and end near zero instead of ringing on a step.
 *
 * <p>How: short filters ({@value #DIRECT_MAX_TAPS} taps or fewer) use direct convolution, which is then cheaper
 * than transforms. Longer ones use FFT overlap-add (JTransforms real FFTs): blocks of {@code N - L + 1} padded
 * samples are convolved with the taps' precomputed spectrum in {@code N}-point transforms ({@code N} a power of
 * two at least {@code 2L - 1}, so no circular wrap-around) and the block results added, which is an exact linear
 * convolution up to rounding (about 1e-15 of the signal's scale) at O(log N) instead of O(L) work per sample:
 * MNE's default high-passes reach thousands of taps (0.5 Hz at 1 kHz: 6601). The block length minimizes MNE's
 * cost estimate {@code ceil(n/(N-L+1)) N (log2 N + 1) + 4e-5 N n}.
 */
final class ZeroPhaseConvolution {

    static final int DIRECT_MAX_TAPS = 64;

    private ZeroPhaseConvolution() {
    }

    static double[] filter(double[] x, double[] h) {
        return h.length <= DIRECT_MAX_TAPS ? direct(x, h) : overlapAdd(x, h);
    }

    /** The reflect_limited extension of {@code x} by {@code nEdge} samples on each side. */
    static double[] pad(double[] x, int nEdge) {
        int n = x.length;
        double[] xe = new double[n + 2 * nEdge];
        System.arraycopy(x, 0, xe, nEdge, n);
        for (int k = 1; k <= nEdge; k++) {
            xe[nEdge - k] = k < n ? 2 * x[0] - x[k] : 0;
            xe[nEdge + n - 1 + k] = k < n ? 2 * x[n - 1] - x[n - 1 - k] : 0;
        }
        return xe;
    }

    static int edge(double[] x, double[] h) {
        return Math.max(Math.min(h.length, x.length) - 1, 0);
    }

    static double[] direct(double[] x, double[] h) {
        int n = x.length;
        int taps = h.length;
        int nEdge = edge(x, h);
        double[] xe = pad(x, nEdge);
        int c = (taps - 1) / 2;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int centre = i + nEdge + c; // index into the full convolution
            double sum = 0;
            int kFrom = Math.max(0, centre - (xe.length - 1));
            int kTo = Math.min(taps - 1, centre);
            for (int k = kFrom; k <= kTo; k++) {
                sum += h[k] * xe[centre - k];
            }
            y[i] = sum;
        }
        return y;
    }

    static double[] overlapAdd(double[] x, double[] h) {
        int n = x.length;
        int taps = h.length;
        int nEdge = edge(x, h);
        double[] xe = pad(x, nEdge);
        int nx = xe.length;
        int nfft = fftLength(nx, taps);
        int block = nfft - taps + 1;
        int shift = (taps - 1) / 2 + nEdge; // full-convolution index of y[0]

        DoubleFFT_1D fft = new DoubleFFT_1D(nfft);
        double[] spectrum = new double[nfft];
        System.arraycopy(h, 0, spectrum, 0, taps);
        fft.realForward(spectrum);

        double[] y = new double[n];
        double[] buffer = new double[nfft];
        for (int start = 0; start < nx; start += block) {
            int len = Math.min(block, nx - start);
            // Only blocks whose convolution reaches the kept range [shift, shift + n) matter.
            if (start + len - 1 + taps - 1 < shift || start > shift + n - 1) {
                continue;
            }
            java.util.Arrays.fill(buffer, 0);
            System.arraycopy(xe, start, buffer, 0, len);
            fft.realForward(buffer);
            multiplyPacked(buffer, spectrum, nfft);
            fft.realInverse(buffer, true);
            int from = Math.max(start, shift);
            int to = Math.min(start + len + taps - 1, shift + n); // exclusive, full-convolution indices
            for (int m = from; m < to; m++) {
                y[m - shift] += buffer[m - start];
            }
        }
        return y;
    }

    /** In-place product of two spectra in JTransforms' packed real layout (n even). */
    private static void multiplyPacked(double[] a, double[] b, int n) {
        a[0] *= b[0];
        a[1] *= b[1]; // the Nyquist bin, real for even n
        for (int k = 1; k < n / 2; k++) {
            double re = a[2 * k] * b[2 * k] - a[2 * k + 1] * b[2 * k + 1];
            double im = a[2 * k] * b[2 * k + 1] + a[2 * k + 1] * b[2 * k];
            a[2 * k] = re;
            a[2 * k + 1] = im;
        }
    }

    /** A power of two at least {@code 2 taps - 1}, chosen by MNE's cost heuristic for overlap-add. */
    static int fftLength(int nx, int taps) {
        int minFft = 2 * taps - 1;
        int lo = 32 - Integer.numberOfLeadingZeros(minFft - 1); // ceil(log2(minFft))
        int best = 1 << lo;
        if (nx < minFft) {
            return best;
        }
        int hi = Math.max(lo, 32 - Integer.numberOfLeadingZeros(nx - 1));
        double bestCost = Double.POSITIVE_INFINITY;
        for (int p = lo; p <= Math.min(hi, 30); p++) {
            double size = 1 << p;
            double cost = Math.ceil(nx / (size - taps + 1)) * size * (p + 1) + 4e-5 * size * nx;
            if (cost < bestCost) {
                bestCost = cost;
                best = 1 << p;
            }
        }
        return best;
    }
}
