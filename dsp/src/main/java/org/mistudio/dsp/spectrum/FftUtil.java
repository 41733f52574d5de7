package org.mistudio.dsp.spectrum;

/** Unpacking of JTransforms' in-place real-FFT layout ({@code DoubleFFT_1D.realForward}). */
public final class FftUtil {

    private FftUtil() {
    }

    /** The number of one-sided bins, 0 .. floor(n/2), of an {@code n}-point real FFT. */
    public static int bins(int n) {
        return n / 2 + 1;
    }

    /**
     * Splits the packed output of {@code realForward} on {@code n} points into the real and imaginary parts of
     * bins 0 .. floor(n/2).
     */
    public static void unpack(double[] packed, int n, double[] re, double[] im) {
        re[0] = packed[0];
        im[0] = 0;
        if (n % 2 == 0) {
            re[n / 2] = packed[1];
            im[n / 2] = 0;
            for (int k = 1; k < n / 2; k++) {
                re[k] = packed[2 * k];
                im[k] = packed[2 * k + 1];
            }
        } else {
            int last = (n - 1) / 2;
            for (int k = 1; k <= last; k++) {
                re[k] = packed[2 * k];
                im[k] = k == last ? packed[1] : packed[2 * k + 1];
            }
        }
    }

    /** |X_k|^2 for bins 0 .. floor(n/2) of a packed {@code n}-point real FFT. */
    public static double[] magnitudeSquared(double[] packed, int n) {
        double[] re = new double[bins(n)];
        double[] im = new double[bins(n)];
        unpack(packed, n, re, im);
        for (int k = 0; k < re.length; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
        }
        return re;
    }
}
