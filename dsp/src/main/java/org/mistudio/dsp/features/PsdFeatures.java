package org.mistudio.dsp.features;

import java.util.ArrayList;
import java.util.List;

import org.jtransforms.fft.DoubleFFT_1D;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.dsp.spectrum.Burg;
import org.mistudio.dsp.spectrum.Window;

/**
 * Per-trial power spectral density features as HappyFeat computes them (Desbois, Kurzawski, Chavez, De Vico
 * Fallani 2023, "HappyFeat - An interactive and efficient BCI framework for clinical applications",
 * arXiv 2310.02948; its defaults): in the epoch of interest ({@code length} s starting {@code start} s after the
 * cue), short windows of {@code window} s shifted by {@code shift} s, the PSD of each window, averaged over
 * windows, with bins every {@code resolution} Hz (the window zero-padded / the AR model evaluated on
 * {@code fs / resolution} points). Welch: Hann-tapered, mean-removed periodogram per window, one-sided density
 * (SciPy's {@code periodogram} scaling), averaged = Welch's method with zero padding. Burg: AR({@code order})
 * spectrum per window ({@link Burg}). Values in the epochs' unit squared per Hz.
 */
public record PsdFeatures(Method method, double start, double length, double window, double shift,
                          double resolution, int order, double fmin, double fmax) {

    public enum Method { WELCH, BURG }

    public PsdFeatures {
        if (method == null) {
            throw new IllegalArgumentException("PSD features: method must be welch or burg");
        }
        if (!(length > 0 && window > 0 && window <= length && shift > 0 && resolution > 0)) {
            throw new IllegalArgumentException("PSD features: need 0 < window <= length, shift > 0, resolution > 0; got"
                    + " length " + length + " s, window " + window + " s, shift " + shift + " s, resolution "
                    + resolution + " Hz");
        }
        if (!(fmin >= 0 && fmax > fmin)) {
            throw new IllegalArgumentException("PSD features: need 0 <= fmin < fmax, got " + fmin + "-" + fmax + " Hz");
        }
    }

    /** HappyFeat's defaults: 3 s from 1 s after the cue, 0.25 s windows every 0.161 s, 1 Hz bins, 1-40 Hz. */
    public static PsdFeatures happyFeat(Method method) {
        return new PsdFeatures(method, 1.0, 3.0, 0.25, 0.161, 1.0, 19, 1, 40);
    }

    public PsdFeatures withBand(double low, double high) {
        return new PsdFeatures(method, start, length, window, shift, resolution, order, low, high);
    }

    public PsdFeatures withEpoch(double from, double seconds) {
        return new PsdFeatures(method, from, seconds, window, shift, resolution, order, fmin, fmax);
    }

    /** The features of every trial; the epochs must cover the epoch of interest. */
    public FeatureTensor extract(Epochs epochs) {
        double fs = epochs.samplingRate();
        int first = (int) Math.round((start - epochs.tmin()) * fs);
        int n = (int) Math.round(length * fs);
        if (first < 0 || first + n > epochs.sampleCount()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "PSD features: the epoch of interest %.3f-%.3f s is not inside the epochs (%.3f-%.3f s)",
                    start, start + length, epochs.tmin(), epochs.time(epochs.sampleCount() - 1)));
        }
        int win = (int) Math.round(window * fs);
        int step = Math.max(1, (int) Math.round(shift * fs));
        int nfft = (int) Math.round(fs / resolution);
        if (nfft < win && method == Method.WELCH) {
            throw new IllegalArgumentException("PSD features: " + resolution + " Hz bins need windows of at most "
                    + nfft + " samples; the window has " + win);
        }
        if (method == Method.BURG && win <= order) {
            throw new IllegalArgumentException("PSD features: a " + win + "-sample window is too short for Burg order "
                    + order);
        }
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k <= nfft / 2; k++) {
            double f = k * fs / nfft;
            if (f >= fmin - 1e-9 && f <= fmax + 1e-9) {
                keep.add(k);
            }
        }
        double[] freqs = new double[keep.size()];
        for (int i = 0; i < freqs.length; i++) {
            freqs[i] = keep.get(i) * fs / nfft;
        }
        int windows = (n - win) / step + 1;
        double[] taper = Window.HANN.coefficients(win);
        double ss = 0;
        for (double v : taper) {
            ss += v * v;
        }
        Burg burg = method == Method.BURG ? new Burg(order, nfft) : null;
        DoubleFFT_1D fft = new DoubleFFT_1D(nfft);
        double[] buffer = new double[nfft];
        float[] segment = new float[win];
        float[][][] x = epochs.data();
        double[][][] out = new double[x.length][epochs.channelCount()][freqs.length];
        for (int t = 0; t < x.length; t++) {
            for (int c = 0; c < x[t].length; c++) {
                double[] acc = new double[nfft / 2 + 1];
                for (int w = 0; w < windows; w++) {
                    int from = first + w * step;
                    if (burg != null) {
                        System.arraycopy(x[t][c], from, segment, 0, win);
                        double[] p = burg.estimate(segment, fs).power();
                        for (int k = 0; k < acc.length; k++) {
                            acc[k] += p[k];
                        }
                    } else {
                        double mean = 0;
                        for (int i = 0; i < win; i++) {
                            mean += x[t][c][from + i];
                        }
                        mean /= win;
                        java.util.Arrays.fill(buffer, 0);
                        for (int i = 0; i < win; i++) {
                            buffer[i] = (x[t][c][from + i] - mean) * taper[i];
                        }
                        fft.realForward(buffer);
                        addPower(buffer, nfft, acc, 1.0 / (fs * ss));
                    }
                }
                for (int i = 0; i < freqs.length; i++) {
                    out[t][c][i] = acc[keep.get(i)] / windows;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (ChannelInfo ch : epochs.channels()) {
            names.add(ch.label());
        }
        String unit = epochs.channels().isEmpty() ? "" : epochs.channels().get(0).unit();
        return new FeatureTensor("psd " + method.name().toLowerCase(java.util.Locale.ROOT) + " (" + unit + "^2/Hz)",
                epochs.labels(), names, freqs, out);
    }

    /** Adds the one-sided density of JTransforms' packed real FFT to {@code acc}. */
    private static void addPower(double[] packed, int n, double[] acc, double scale) {
        acc[0] += packed[0] * packed[0] * scale;
        for (int k = 1; k < acc.length; k++) {
            double re;
            double im;
            if (n % 2 == 0 && k == n / 2) {
                re = packed[1];
                im = 0;
                acc[k] += (re * re) * scale;
                continue;
            }
            re = packed[2 * k];
            im = (n % 2 == 1 && k == (n - 1) / 2) ? packed[1] : packed[2 * k + 1];
            acc[k] += 2 * (re * re + im * im) * scale;
        }
    }
}
