package org.mistudio.dsp.spectrum;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.dsp.filter.Detrend;

/**
 * Sliding-window (short-time) power spectra of epoched data, averaged over trials: the power half of an ERD/ERS
 * time-frequency map (Pfurtscheller & Lopes da Silva 1999, Clin Neurophysiol 110:1842-1857). Each window of
 * {@code windowLength} samples, stepping by {@code step}, is mean-removed, tapered and turned into a one-sided
 * density (a single-segment {@link Welch} periodogram, unit^2/Hz, resolution fs / windowLength).
 *
 * @param windowLength samples per window, at least 2
 * @param step         samples between the starts of consecutive windows, at least 1
 * @param window       taper applied to each window
 */
public record ShortTimeSpectra(int windowLength, int step, Window window) {

    public ShortTimeSpectra {
        if (windowLength < 2) {
            throw new IllegalArgumentException("short-time spectra: window length must be >= 2 samples, got "
                    + windowLength);
        }
        if (step < 1) {
            throw new IllegalArgumentException("short-time spectra: step must be >= 1 sample, got " + step);
        }
        if (window == null) {
            throw new IllegalArgumentException("short-time spectra: window must be one of boxcar, hann, hamming, "
                    + "blackman, got null");
        }
    }

    /** Hann windows of {@code windowLength} samples stepping by {@code step}. */
    public static ShortTimeSpectra hann(int windowLength, int step) {
        return new ShortTimeSpectra(windowLength, step, Window.HANN);
    }

    /**
     * Trial-averaged power per channel, window and frequency. A window's time is the midpoint of its first and last
     * sample, relative to the event ({@link Epochs#tmin()} is the first sample's time).
     */
    public TimeFrequencyPower power(Epochs epochs) {
        int samples = epochs.sampleCount();
        if (epochs.trialCount() == 0) {
            throw new IllegalArgumentException("short-time spectra: epochs must hold at least 1 trial, got 0");
        }
        if (samples < windowLength) {
            throw new IllegalArgumentException("short-time spectra: window length " + windowLength
                    + " exceeds the epoch length of " + samples + " samples");
        }
        double fs = epochs.samplingRate();
        int windows = (samples - windowLength) / step + 1;
        int bins = windowLength / 2 + 1;
        double[] times = new double[windows];
        for (int w = 0; w < windows; w++) {
            times[w] = epochs.tmin() + (w * step + (windowLength - 1) / 2.0) / fs;
        }
        Welch periodogram = new Welch(windowLength, 0, window, Detrend.CONSTANT, Welch.Scaling.DENSITY);
        int channels = epochs.channelCount();
        double[][][] power = new double[channels][windows][bins];
        double[] freqs = null;
        for (float[][] trial : epochs.data()) {
            for (int c = 0; c < channels; c++) {
                for (int w = 0; w < windows; w++) {
                    Spectrum s = periodogram.estimate(trial[c], w * step, windowLength, fs);
                    freqs = s.frequencies();
                    double[] row = power[c][w];
                    for (int k = 0; k < bins; k++) {
                        row[k] += s.power()[k];
                    }
                }
            }
        }
        int trials = epochs.trialCount();
        for (double[][] channel : power) {
            for (double[] row : channel) {
                for (int k = 0; k < bins; k++) {
                    row[k] /= trials;
                }
            }
        }
        List<String> names = new ArrayList<>(channels);
        for (ChannelInfo ch : epochs.channels()) {
            names.add(ch.label());
        }
        return new TimeFrequencyPower(names, times, freqs, power);
    }

    /** ERD/ERS in percent of the mean power of the windows centred in [baselineStart, baselineEnd] s. */
    public ErdsMap erds(Epochs epochs, double baselineStart, double baselineEnd) {
        return power(epochs).relativeTo(baselineStart, baselineEnd);
    }
}
