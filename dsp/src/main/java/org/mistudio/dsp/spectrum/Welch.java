package org.mistudio.dsp.spectrum;

import org.jtransforms.fft.DoubleFFT_1D;
import org.mistudio.dsp.filter.Detrend;

/**
 * Welch's averaged modified periodogram (Welch 1967, IEEE Trans Audio Electroacoust 15:70-73), with SciPy's
 * conventions ({@code scipy.signal.welch}): segments of {@code segmentLength} samples stepping by
 * {@code segmentLength - overlap}, the last partial segment dropped, per-segment detrending, one-sided output with
 * the non-DC, non-Nyquist bins doubled, mean over segments.
 *
 * @param segmentLength samples per segment
 * @param overlap       samples shared by consecutive segments, less than {@code segmentLength}
 * @param window        taper applied to each segment
 * @param detrend       what to remove from each segment before tapering
 * @param scaling       density (unit^2/Hz) or spectrum (unit^2)
 */
public record Welch(int segmentLength, int overlap, Window window, Detrend detrend, Scaling scaling) {

    /** Output scaling. */
    public enum Scaling { DENSITY, SPECTRUM }

    public Welch {
        if (segmentLength < 2) {
            throw new IllegalArgumentException("Welch: segment length must be >= 2 samples, got " + segmentLength);
        }
        if (overlap < 0 || overlap >= segmentLength) {
            throw new IllegalArgumentException("Welch: overlap must be in [0, " + segmentLength + "), got " + overlap);
        }
    }

    /** Hann window, half overlap, constant detrend, density: SciPy's defaults for a given segment length. */
    public static Welch of(int segmentLength) {
        return new Welch(segmentLength, segmentLength / 2, Window.HANN, Detrend.CONSTANT, Scaling.DENSITY);
    }

    /** The spectrum of {@code x} sampled at {@code fs} Hz. */
    public Spectrum estimate(float[] x, double fs) {
        return estimate(x, 0, x.length, fs);
    }

    /** The spectrum of {@code x[from, from + length)}. */
    public Spectrum estimate(float[] x, int from, int length, double fs) {
        if (length < segmentLength) {
            throw new IllegalArgumentException("Welch: " + length + " samples are fewer than one segment of "
                    + segmentLength);
        }
        int step = segmentLength - overlap;
        int segments = (length - overlap) / step;
        double[] w = FftPlans.window(window, segmentLength);
        double scale;
        if (scaling == Scaling.DENSITY) {
            double ss = 0;
            for (double v : w) {
                ss += v * v;
            }
            scale = 1.0 / (fs * ss);
        } else {
            double s = 0;
            for (double v : w) {
                s += v;
            }
            scale = 1.0 / (s * s);
        }
        int bins = segmentLength / 2 + 1;
        double[] power = new double[bins];
        double[] buffer = new double[segmentLength];
        DoubleFFT_1D fft = FftPlans.fft(segmentLength);
        for (int s = 0; s < segments; s++) {
            int start = from + s * step;
            for (int i = 0; i < segmentLength; i++) {
                buffer[i] = x[start + i];
            }
            detrend.apply(buffer, 0, segmentLength);
            for (int i = 0; i < segmentLength; i++) {
                buffer[i] *= w[i];
            }
            fft.realForward(buffer);
            accumulate(buffer, power);
        }
        double[] freqs = new double[bins];
        boolean even = segmentLength % 2 == 0;
        for (int k = 0; k < bins; k++) {
            freqs[k] = k * fs / segmentLength;
            boolean single = k == 0 || (even && k == bins - 1);
            power[k] *= scale / segments * (single ? 1 : 2);
        }
        return new Spectrum(freqs, power);
    }

    /** Adds |X_k|^2 from JTransforms' packed real-FFT layout. */
    private void accumulate(double[] packed, double[] power) {
        int n = segmentLength;
        power[0] += packed[0] * packed[0];
        if (n % 2 == 0) {
            power[n / 2] += packed[1] * packed[1];
            for (int k = 1; k < n / 2; k++) {
                double re = packed[2 * k];
                double im = packed[2 * k + 1];
                power[k] += re * re + im * im;
            }
        } else {
            for (int k = 1; k <= (n - 1) / 2; k++) {
                double re = packed[2 * k];
                double im = (k == (n - 1) / 2) ? packed[1] : packed[2 * k + 1];
                power[k] += re * re + im * im;
            }
        }
    }
}
