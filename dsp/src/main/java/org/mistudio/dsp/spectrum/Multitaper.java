package org.mistudio.dsp.spectrum;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Thomson's multitaper power spectral density (Thomson 1982, Proc IEEE 70:1055-1096) with discrete prolate
 * spheroidal (Slepian) sequences as tapers, following the conventions of MNE-Python 1.3's
 * {@code mne.time_frequency.psd_array_multitaper(x, sfreq, fmin, fmax, bandwidth, adaptive=False, low_bias=True)}:
 * <ul>
 *   <li>half-bandwidth {@code NW = bandwidth * n / (2 fs)}; {@code floor(2 NW)} tapers are computed and, with
 *       {@code lowBias}, only those whose concentration ratio exceeds 0.9 are kept;</li>
 *   <li>the tapers are SciPy's periodic DPSS ({@code scipy.signal.windows.dpss(n, NW, K, sym=False)}): computed for
 *       {@code n + 1} samples with unit energy, the last sample dropped;</li>
 *   <li>the signal's mean is removed, each tapered copy is transformed with an FFT of length {@code n};</li>
 *   <li>the tapered spectra are combined with the concentration ratios as weights (non-adaptive):
 *       {@code S(f) = 2 sum_k lambda_k |X_k(f)|^2 / sum_k lambda_k}, the DC and Nyquist bins not doubled;</li>
 *   <li>{@link Normalization#LENGTH} (MNE's default) stops there; {@link Normalization#FULL} also divides by the
 *       sampling rate, giving a density in unit^2/Hz (MNE's {@code normalization='full'}).</li>
 * </ul>
 * Adaptive weighting (Thomson 1982, eq. 5.3) is not implemented.
 *
 * @param bandwidth     full frequency bandwidth of the tapers in Hz (MNE's {@code bandwidth}): frequencies within
 *                      +-bandwidth/2 are smoothed together
 * @param lowBias       keep only tapers with concentration ratio > 0.9
 * @param normalization scaling of the result
 */
public record Multitaper(double bandwidth, boolean lowBias, Normalization normalization) {

    /** Output scaling, as MNE's {@code normalization} argument. */
    public enum Normalization {
        /** Normalised by the signal length only (MNE's default 'length'): a density per unit of normalised frequency. */
        LENGTH,
        /** Also divided by the sampling rate (MNE's 'full'): a density in unit^2/Hz, comparable with {@link Welch}. */
        FULL
    }

    /**
     * Slepian tapers with their concentration ratios.
     *
     * @param tapers         {@code [taper][sample]}, ordered by decreasing concentration
     * @param concentrations the fraction of each taper's energy inside [-W, W] (its eigenvalue lambda_k)
     */
    public record Dpss(double[][] tapers, double[] concentrations) {
        public Dpss {
            if (tapers.length != concentrations.length) {
                throw new IllegalArgumentException("dpss: " + tapers.length + " tapers but " + concentrations.length
                        + " concentration ratios");
            }
        }

        public int count() {
            return tapers.length;
        }
    }

    public Multitaper {
        if (!Double.isFinite(bandwidth) || bandwidth <= 0) {
            throw new IllegalArgumentException("multitaper: bandwidth must be a finite positive number of Hz, got "
                    + bandwidth);
        }
        if (normalization == null) {
            throw new IllegalArgumentException("multitaper: normalization must be LENGTH or FULL, got null");
        }
    }

    /** A density in unit^2/Hz ({@link Normalization#FULL}) with the low-bias taper selection. */
    public static Multitaper of(double bandwidth) {
        return new Multitaper(bandwidth, true, Normalization.FULL);
    }

    /** The spectrum of {@code x} at every FFT bin from 0 Hz to Nyquist. */
    public Spectrum estimate(float[] x, double fs) {
        return estimate(x, fs, 0, Double.POSITIVE_INFINITY);
    }

    /** The spectrum of {@code x} at the FFT bins (spacing {@code fs / x.length}) within [fmin, fmax] Hz. */
    public Spectrum estimate(float[] x, double fs, double fmin, double fmax) {
        int n = x.length;
        if (!Double.isFinite(fs) || fs <= 0) {
            throw new IllegalArgumentException("multitaper: sampling rate must be a finite positive number of Hz, got "
                    + fs);
        }
        if (n < 2) {
            throw new IllegalArgumentException("multitaper: signal must have >= 2 samples, got " + n);
        }
        if (!(fmax >= fmin)) {
            throw new IllegalArgumentException("multitaper: fmax must be >= fmin, got [" + fmin + ", " + fmax + "]");
        }
        double halfBandwidth = bandwidth * n / (2 * fs);
        if (halfBandwidth < 0.5) {
            throw new IllegalArgumentException("multitaper: bandwidth " + bandwidth + " Hz gives a half-bandwidth NW of "
                    + halfBandwidth + " < 0.5 for " + n + " samples at " + fs + " Hz; use at least " + fs / n + " Hz");
        }
        Dpss dpss = dpss(n, halfBandwidth, (int) (2 * halfBandwidth), true);
        double[][] tapers = dpss.tapers();
        double[] lambda = dpss.concentrations();
        if (lowBias) {
            int kept = 0;
            int best = 0;
            for (int k = 0; k < lambda.length; k++) {
                if (lambda[k] > 0.9) {
                    kept++;
                }
                if (lambda[k] > lambda[best]) {
                    best = k;
                }
            }
            double[][] t = new double[Math.max(kept, 1)][];
            double[] l = new double[t.length];
            if (kept == 0) { // as MNE: keep the lowest-bias taper when none passes
                t[0] = tapers[best];
                l[0] = lambda[best];
            } else {
                for (int k = 0, j = 0; k < lambda.length; k++) {
                    if (lambda[k] > 0.9) {
                        t[j] = tapers[k];
                        l[j++] = lambda[k];
                    }
                }
            }
            tapers = t;
            lambda = l;
        }

        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= n;
        int bins = n / 2 + 1;
        double[] power = new double[bins];
        double[] buffer = new double[n];
        DoubleFFT_1D fft = FftPlans.fft(n);
        double lambdaSum = 0;
        for (int k = 0; k < tapers.length; k++) {
            double[] v = tapers[k];
            for (int i = 0; i < n; i++) {
                buffer[i] = (x[i] - mean) * v[i];
            }
            fft.realForward(buffer);
            double[] mag = FftUtil.magnitudeSquared(buffer, n);
            for (int b = 0; b < bins; b++) {
                power[b] += lambda[k] * mag[b];
            }
            lambdaSum += lambda[k];
        }
        double scale = 2 / lambdaSum / (normalization == Normalization.FULL ? fs : 1);
        int first = -1;
        int last = -1;
        for (int b = 0; b < bins; b++) {
            double f = b * fs / n;
            if (f >= fmin && f <= fmax) {
                if (first < 0) {
                    first = b;
                }
                last = b;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException("multitaper: no FFT bin (spacing " + fs / n + " Hz, up to " + fs / 2
                    + " Hz) lies in [" + fmin + ", " + fmax + "] Hz");
        }
        double[] freqs = new double[last - first + 1];
        double[] psd = new double[freqs.length];
        for (int b = first; b <= last; b++) {
            // MNE divides the DC and (even n) Nyquist coefficients by sqrt(2): those bins are not doubled.
            boolean single = b == 0 || (n % 2 == 0 && b == n / 2);
            freqs[b - first] = b * fs / n;
            psd[b - first] = power[b] * scale * (single ? 0.5 : 1);
        }
        return new Spectrum(freqs, psd);
    }

    /**
     * The {@code count} most concentrated discrete prolate spheroidal sequences of length {@code n} with
     * half-bandwidth {@code NW} (W = NW / n cycles per sample), as {@code scipy.signal.windows.dpss(n, NW, count,
     * sym=symmetric, norm=2, return_ratios=True)}.
     *
     * <p>The sequences are the eigenvectors of the symmetric tridiagonal matrix that commutes with the concentration
     * problem (Slepian 1978, Bell Syst Tech J 57:1371-1430; Percival & Walden 1993, "Spectral Analysis for Physical
     * Applications", sec. 8.3): diagonal {@code ((n-1-2t)/2)^2 cos(2 pi W)}, off-diagonal {@code t(n-t)/2}. Its
     * largest eigenvalues are found by Sturm-sequence bisection and their eigenvectors by inverse iteration. Tapers
     * have unit energy; even tapers have a positive sum, odd ones start with a positive lobe (Percival & Walden
     * p. 379). The concentration ratios come from each taper's autocorrelation (Percival & Walden p. 390).
     *
     * @param periodic if true, computed for {@code n + 1} samples and the last dropped (SciPy's {@code sym=False}),
     *                 as spectral estimation uses them; the truncated tapers are not renormalised
     */
    public static Dpss dpss(int n, double halfBandwidth, int count, boolean periodic) {
        if (n < 2) {
            throw new IllegalArgumentException("dpss: length must be >= 2 samples, got " + n);
        }
        if (!(halfBandwidth > 0) || halfBandwidth >= n / 2.0) {
            throw new IllegalArgumentException("dpss: half-bandwidth NW must be in (0, " + n / 2.0 + "), got "
                    + halfBandwidth);
        }
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("dpss: taper count must be in [1, " + n + "], got " + count);
        }
        int m = periodic ? n + 1 : n;
        double w = halfBandwidth / m;
        double[] diag = new double[m];
        double[] off = new double[m]; // off[t] couples t-1 and t, t >= 1
        double c = Math.cos(2 * Math.PI * w);
        for (int t = 0; t < m; t++) {
            double h = (m - 1 - 2.0 * t) / 2;
            diag[t] = h * h * c;
            if (t > 0) {
                off[t] = t * (double) (m - t) / 2;
            }
        }
        double[][] full = new double[count][];
        for (int k = 0; k < count; k++) {
            double eigenvalue = Tridiagonal.eigenvalue(diag, off, m - 1 - k);
            double[] v = Tridiagonal.eigenvector(diag, off, eigenvalue, k);
            for (int j = 0; j < k; j++) { // re-orthogonalise against the earlier tapers
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += v[i] * full[j][i];
                }
                for (int i = 0; i < m; i++) {
                    v[i] -= dot * full[j][i];
                }
            }
            Tridiagonal.normalize(v);
            fixSign(v, k);
            full[k] = v;
        }
        double[] ratios = concentrations(full, w);
        double[][] tapers = new double[count][];
        for (int k = 0; k < count; k++) {
            tapers[k] = periodic ? java.util.Arrays.copyOf(full[k], n) : full[k];
        }
        return new Dpss(tapers, ratios);
    }

    private static void fixSign(double[] v, int k) {
        if (k % 2 == 0) {
            double sum = 0;
            for (double d : v) {
                sum += d;
            }
            if (sum < 0) {
                negate(v);
            }
        } else {
            double threshold = Math.max(1e-7, 1.0 / v.length);
            for (double d : v) {
                if (d * d > threshold) {
                    if (d < 0) {
                        negate(v);
                    }
                    break;
                }
            }
        }
    }

    private static void negate(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
    }

    /** lambda = sum_l r_vv(l) sin(2 pi W l) / (pi l) over all lags, with r_vv the taper's autocorrelation. */
    private static double[] concentrations(double[][] tapers, double w) {
        int m = tapers[0].length;
        int size = Integer.highestOneBit(2 * m - 1) << 1;
        DoubleFFT_1D fft = FftPlans.fft(size);
        double[] ratios = new double[tapers.length];
        double[] buffer = new double[size];
        for (int k = 0; k < tapers.length; k++) {
            java.util.Arrays.fill(buffer, 0);
            System.arraycopy(tapers[k], 0, buffer, 0, m);
            fft.realForward(buffer);
            // |V|^2 in JTransforms' packed layout (size is even): [0] DC, [1] Nyquist, then re/im pairs.
            buffer[0] *= buffer[0];
            buffer[1] *= buffer[1];
            for (int b = 1; b < size / 2; b++) {
                double re = buffer[2 * b];
                double im = buffer[2 * b + 1];
                buffer[2 * b] = re * re + im * im;
                buffer[2 * b + 1] = 0;
            }
            fft.realInverse(buffer, true);
            double lambda = 2 * w * buffer[0];
            for (int lag = 1; lag < m; lag++) {
                lambda += 2 * buffer[lag] * Math.sin(2 * Math.PI * w * lag) / (Math.PI * lag);
            }
            ratios[k] = lambda;
        }
        return ratios;
    }
}
