package org.mistudio.dsp.artifact.faster;

import java.util.Arrays;

import org.mistudio.dsp.spectrum.Spectrum;
import org.mistudio.dsp.spectrum.Welch;

/**
 * The per-item measures of FASTER (Nolan, Whelan and Reilly 2010, J Neurosci Methods 192:152-162), defined as
 * mne-faster (wmvanvliet/mne-faster, {@code faster.py}) defines them, except the Hurst exponent, which follows
 * the paper's EEGLAB implementation (dispersional analysis, see {@link #hurst}).
 */
public final class FasterMetrics {

    private FasterMetrics() {
    }

    public static double mean(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Population variance (divides by n, as numpy's {@code var}). */
    public static double variance(float[] x) {
        double m = mean(x);
        double s = 0;
        for (float v : x) {
            double d = v - m;
            s += d * d;
        }
        return s / x.length;
    }

    /** Peak-to-peak amplitude, max - min. */
    public static double amplitudeRange(float[] x) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return (double) hi - lo;
    }

    /** Median of |x[i+1] - x[i]|. */
    public static double medianGradient(float[] x) {
        if (x.length < 2) {
            throw new IllegalArgumentException("median gradient needs at least 2 samples, got " + x.length);
        }
        double[] d = new double[x.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs((double) x[i + 1] - x[i]);
        }
        return median(d);
    }

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /**
     * The Hurst exponent by dispersional analysis, as the FASTER EEGLAB plugin's {@code hurst_exponent} (B.
     * Davidson 2003, after H. J. Blok's 2000 thesis): at bin sizes b = 1, 2, 4, ... (while more than 4 points
     * remain), the standard deviation (n - 1) of the series averaged in bins of b, times b; H is the slope of
     * log(b * sd) against log(b). White noise gives about 0.5, a random walk about 1. (mne-faster instead uses
     * second differences of the series at lags 1 and 2, which places white noise at 0 and a random walk at 0.5.)
     */
    public static double hurst(float[] x) {
        int n = x.length;
        if (n < 8) {
            throw new IllegalArgumentException("Hurst exponent needs at least 8 samples, got " + n);
        }
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = x[i];
        }
        double[] lx = new double[40];
        double[] ly = new double[40];
        int levels = 0;
        int points = n;
        double bin = 1;
        while (points > 4) {
            double sd = sampleStd(data, points);
            lx[levels] = Math.log(bin);
            ly[levels] = Math.log(bin * Math.max(sd, Double.MIN_NORMAL));
            levels++;
            points /= 2;
            bin *= 2;
            for (int i = 0; i < points; i++) {
                data[i] = 0.5 * (data[2 * i] + data[2 * i + 1]);
            }
        }
        return slope(lx, ly, levels);
    }

    private static double sampleStd(double[] d, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += d[i];
        }
        m /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (d[i] - m) * (d[i] - m);
        }
        return Math.sqrt(s / (n - 1));
    }

    private static double slope(double[] x, double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /**
     * For each row, the mean Pearson correlation with every other row (mne-faster: {@code nanmean} of the
     * correlation matrix with the diagonal masked). A constant row has no correlation; it scores 0.
     */
    public static double[] meanCorrelation(float[][] rows) {
        int c = rows.length;
        int n = rows[0].length;
        double[][] z = new double[c][n];
        boolean[] flat = new boolean[c];
        for (int i = 0; i < c; i++) {
            double m = mean(rows[i]);
            double ss = 0;
            for (int t = 0; t < n; t++) {
                z[i][t] = rows[i][t] - m;
                ss += z[i][t] * z[i][t];
            }
            flat[i] = !(ss > 0);
            double inv = flat[i] ? 0 : 1 / Math.sqrt(ss);
            for (int t = 0; t < n; t++) {
                z[i][t] *= inv;
            }
        }
        double[] out = new double[c];
        int[] count = new int[c];
        for (int i = 0; i < c; i++) {
            for (int j = i + 1; j < c; j++) {
                if (flat[i] || flat[j]) {
                    continue;
                }
                double s = 0;
                double[] a = z[i];
                double[] b = z[j];
                for (int t = 0; t < n; t++) {
                    s += a[t] * b[t];
                }
                out[i] += s;
                out[j] += s;
                count[i]++;
                count[j]++;
            }
        }
        for (int i = 0; i < c; i++) {
            out[i] = count[i] == 0 ? 0 : out[i] / count[i];
        }
        return out;
    }

    /** Excess (Fisher) kurtosis, biased, as {@code scipy.stats.kurtosis} by default. */
    public static double kurtosis(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - m) * (v - m);
            m2 += d;
            m4 += d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
    }

    /**
     * The mean slope of the power spectrum in decibels between {@code low} and {@code high} Hz: the mean of the
     * differences of 10 log10(PSD) at successive frequency bins, as FASTER's EEGLAB {@code component_properties}
     * ("mean slope around the LPF band"). In decibels the measure is the spectrum's tilt: strongly negative for the
     * 1/f spectrum of brain activity, near zero or positive for broadband EMG. (mne-faster's {@code _power_gradient}
     * takes the differences of the linear PSD, whose mean is only (P(high) - P(low)) / bins, i.e. minus the power at
     * the band's lowest frequency, so it scores slow drifts rather than spectral shape.) The PSD is Welch's with Hann
     * segments of the next power of two above 10 s, without overlap, as mne-faster's {@code _efficient_welch}.
     */
    public static double powerGradient(float[] x, double fs, double low, double high) {
        int seg = Math.min(x.length, 1 << ((int) (Math.log(10 * fs) / Math.log(2)) + 1));
        Spectrum s = new Welch(seg, 0, org.mistudio.dsp.spectrum.Window.HANN,
                org.mistudio.dsp.filter.Detrend.CONSTANT, Welch.Scaling.DENSITY).estimate(x, fs);
        double[] f = s.frequencies();
        double[] p = s.power();
        int start = 0;
        while (start < f.length && f[start] < low) {
            start++;
        }
        int stop = start;
        while (stop < f.length && f[stop] < high) {
            stop++;
        }
        if (stop - start < 2) {
            throw new IllegalArgumentException("power gradient: fewer than 2 spectral bins between " + low + " and "
                    + high + " Hz at " + fs + " Hz sampling");
        }
        // The mean of successive differences telescopes to (last - first) / (bins - 1).
        double floor = Double.MIN_NORMAL;
        return (10 * Math.log10(Math.max(p[stop - 1], floor)) - 10 * Math.log10(Math.max(p[start], floor)))
                / (stop - start - 1);
    }

    /**
     * Removes the effect of distance to a single reference electrode: fits a quadratic in the angle to the
     * reference by least squares and returns the residuals (FASTER's correction for channels near the reference,
     * as the paper and mne-faster's {@code _distance_correction}).
     */
    public static double[] distanceCorrected(double[] values, double[] angles) {
        if (values.length != angles.length) {
            throw new IllegalArgumentException("distance correction: " + values.length + " values but "
                    + angles.length + " angles");
        }
        if (values.length < 3) {
            throw new IllegalArgumentException("distance correction needs at least 3 channels, got " + values.length);
        }
        double[][] a = new double[values.length][];
        for (int i = 0; i < a.length; i++) {
            a[i] = new double[] {angles[i] * angles[i], angles[i], 1};
        }
        double[] coef = new org.apache.commons.math3.linear.QRDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(values)).toArray();
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] - (coef[0] * angles[i] * angles[i] + coef[1] * angles[i] + coef[2]);
        }
        return out;
    }
}
