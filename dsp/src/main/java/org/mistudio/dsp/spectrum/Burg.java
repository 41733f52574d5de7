package org.mistudio.dsp.spectrum;


/**
 * Burg's maximum-entropy autoregressive spectral estimate (Burg 1967, 37th SEG meeting; Marple 1987, "Digital
 * Spectral Analysis with Applications", ch. 8). The model is
 * {@code x[n] + a_1 x[n-1] + ... + a_p x[n-p] = e[n]} with white innovations of variance sigma^2; Burg's recursion
 * picks each reflection coefficient to minimise the sum of forward and backward prediction error powers, which keeps
 * the model stable. The signal's mean is removed first.
 *
 * <p>The one-sided density is {@code P(f) = 2 sigma^2 / (fs |A(e^{i 2 pi f / fs})|^2)} with
 * {@code A(z) = 1 + sum_k a_k z^-k}, not doubled at 0 Hz and Nyquist, so that it integrates to the process variance.
 *
 * @param order   model order p, at least 1
 * @param fftSize points at which A is evaluated (bins {@code k fs / fftSize}, k = 0 .. fftSize/2); more than order
 */
public record Burg(int order, int fftSize) {

    /**
     * A fitted autoregressive model.
     *
     * @param coefficients  a_1 .. a_p of {@code x[n] + sum_k a_k x[n-k] = e[n]}
     * @param noiseVariance sigma^2, the variance of the innovations e[n]
     */
    public record ArModel(double[] coefficients, double noiseVariance) {
        public ArModel {
            if (coefficients.length < 1) {
                throw new IllegalArgumentException("AR model: order must be >= 1, got " + coefficients.length);
            }
            if (!(noiseVariance >= 0) || Double.isInfinite(noiseVariance)) {
                throw new IllegalArgumentException("AR model: noise variance must be finite and >= 0, got "
                        + noiseVariance);
            }
        }

        public int order() {
            return coefficients.length;
        }

        /** The model's one-sided power spectral density (unit^2/Hz) at {@code fftSize / 2 + 1} bins. */
        public Spectrum spectrum(int fftSize, double fs) {
            if (fftSize <= coefficients.length || fftSize < 2) {
                throw new IllegalArgumentException("AR spectrum: FFT size must be >= 2 and > order "
                        + coefficients.length + ", got " + fftSize);
            }
            if (!Double.isFinite(fs) || fs <= 0) {
                throw new IllegalArgumentException("AR spectrum: sampling rate must be a finite positive number of Hz, "
                        + "got " + fs);
            }
            double[] a = new double[fftSize];
            a[0] = 1;
            System.arraycopy(coefficients, 0, a, 1, coefficients.length);
            FftPlans.fft(fftSize).realForward(a);
            double[] mag = FftUtil.magnitudeSquared(a, fftSize);
            double[] freqs = new double[mag.length];
            double[] psd = new double[mag.length];
            for (int k = 0; k < mag.length; k++) {
                boolean single = k == 0 || (fftSize % 2 == 0 && k == fftSize / 2);
                freqs[k] = k * fs / fftSize;
                psd[k] = (single ? 1 : 2) * noiseVariance / (fs * mag[k]);
            }
            return new Spectrum(freqs, psd);
        }
    }

    public Burg {
        if (order < 1) {
            throw new IllegalArgumentException("Burg: order must be >= 1, got " + order);
        }
        if (fftSize < 2 || fftSize <= order) {
            throw new IllegalArgumentException("Burg: FFT size must be >= 2 and > order " + order + ", got " + fftSize);
        }
    }

    /** The AR model of {@code x}; needs more samples than the order. */
    public ArModel fit(float[] x) {
        int n = x.length;
        if (n <= order) {
            throw new IllegalArgumentException("Burg: " + n + " samples are too few for order " + order
                    + "; need more than the order");
        }
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= n;
        double[] f = new double[n]; // forward prediction errors
        double[] b = new double[n]; // backward prediction errors
        double energy = 0;
        for (int i = 0; i < n; i++) {
            f[i] = x[i] - mean;
            b[i] = f[i];
            energy += f[i] * f[i];
        }
        double variance = energy / n;
        double[] a = new double[order + 1];
        double[] prev = new double[order + 1];
        a[0] = 1;
        for (int m = 1; m <= order; m++) {
            // Reflection coefficient: k = -2 sum f[i] b[i-1] / sum (f[i]^2 + b[i-1]^2), i = m .. n-1 (Marple eq. 8.14).
            double num = 0;
            double den = 0;
            for (int i = m; i < n; i++) {
                num += f[i] * b[i - 1];
                den += f[i] * f[i] + b[i - 1] * b[i - 1];
            }
            double k = den == 0 ? 0 : -2 * num / den;
            // Levinson update of the prediction-error filter.
            System.arraycopy(a, 0, prev, 0, m);
            for (int j = 1; j < m; j++) {
                a[j] = prev[j] + k * prev[m - j];
            }
            a[m] = k;
            variance *= 1 - k * k;
            // Error updates, descending so b[i - 1] is still the previous stage's value.
            for (int i = n - 1; i >= m; i--) {
                double fi = f[i];
                f[i] = fi + k * b[i - 1];
                b[i] = b[i - 1] + k * fi;
            }
        }
        return new ArModel(java.util.Arrays.copyOfRange(a, 1, order + 1), variance);
    }

    /** The AR power spectral density of {@code x} sampled at {@code fs} Hz, one-sided, unit^2/Hz. */
    public Spectrum estimate(float[] x, double fs) {
        return fit(x).spectrum(fftSize, fs);
    }
}
