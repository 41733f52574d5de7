package org.mistudio.dsp.features;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.dsp.connectivity.ConnectivityMatrix;
import org.mistudio.dsp.connectivity.CrossSpectra;
import org.mistudio.dsp.connectivity.WelchCrossSpectra;

/**
 * Per-trial node strength (HappyFeat's connectivity feature, Desbois et al. 2023; Rubinov &amp; Sporns 2010): in the
 * epoch of interest, Welch cross-spectra ({@link WelchCrossSpectra}, Hann, half overlap, {@code segment} s), then
 * coherence or |imaginary coherence| (Nolte et al. 2004), then each channel's mean over the other channels
 * ({@link ConnectivityMatrix#nodeStrength}).
 *
 * @param imaginary |imaginary coherence| (true) or magnitude-squared coherence (false)
 */
public record ConnectivityFeatures(boolean imaginary, double start, double length, double segment, double fmin,
                                   double fmax) {

    public ConnectivityFeatures {
        if (!(length > 0 && segment > 0 && segment <= length && fmax > fmin)) {
            throw new IllegalArgumentException("node strength: need 0 < segment <= length and fmin < fmax, got segment "
                    + segment + " s, length " + length + " s, band " + fmin + "-" + fmax + " Hz");
        }
    }

    /** 3 s from 1 s after the cue, 1 s segments (1 Hz bins), 1-40 Hz. */
    public static ConnectivityFeatures defaults(boolean imaginary) {
        return new ConnectivityFeatures(imaginary, 1, 3, 1, 1, 40);
    }

    public FeatureTensor extract(Epochs epochs) {
        double fs = epochs.samplingRate();
        int first = (int) Math.round((start - epochs.tmin()) * fs);
        int n = (int) Math.round(length * fs);
        if (first < 0 || first + n > epochs.sampleCount()) {
            throw new IllegalArgumentException("node strength: the epoch of interest " + start + "-" + (start + length)
                    + " s is not inside the epochs");
        }
        List<String> names = new ArrayList<>();
        for (ChannelInfo ch : epochs.channels()) {
            names.add(ch.label());
        }
        WelchCrossSpectra csd = WelchCrossSpectra.of((int) Math.round(segment * fs));
        double[] freqs = null;
        int[] keep = null;
        double[][][] out = new double[epochs.trialCount()][][];
        for (int t = 0; t < out.length; t++) {
            float[][] cut = new float[epochs.channelCount()][];
            for (int c = 0; c < cut.length; c++) {
                cut[c] = java.util.Arrays.copyOfRange(epochs.data()[t][c], first, first + n);
            }
            CrossSpectra s = csd.estimate(cut, names, fs);
            ConnectivityMatrix m = imaginary ? s.imaginaryCoherence().absolute() : s.coherence();
            double[][] strength = m.nodeStrength();
            if (keep == null) {
                List<Integer> k = new ArrayList<>();
                for (int i = 0; i < s.frequencies().length; i++) {
                    if (s.frequencies()[i] >= fmin - 1e-9 && s.frequencies()[i] <= fmax + 1e-9) {
                        k.add(i);
                    }
                }
                keep = k.stream().mapToInt(Integer::intValue).toArray();
                freqs = new double[keep.length];
                for (int i = 0; i < keep.length; i++) {
                    freqs[i] = s.frequencies()[keep[i]];
                }
            }
            out[t] = new double[names.size()][keep.length];
            for (int c = 0; c < names.size(); c++) {
                for (int i = 0; i < keep.length; i++) {
                    out[t][c][i] = strength[c][keep[i]];
                }
            }
        }
        return new FeatureTensor("node strength (" + (imaginary ? "|imaginary coherence|" : "coherence") + ")",
                epochs.labels(), names, freqs, out);
    }
}
