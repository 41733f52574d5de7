package org.mistudio.dsp.online;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.filter.Butterworth;
import org.mistudio.dsp.filter.Sos;
import org.mistudio.dsp.filter.SosFiltering;

/**
 * Training trials cut the way a live session sees the signal: each run band-passed causally (Butterworth, the
 * filter a {@link SlidingWindowDecoder} runs, from a zero state at the run's start), then one window of
 * {@link #windowSamples} samples starting {@code tmin} s after every cue. A trial equals the window the live
 * decoder would classify when its last sample is {@code tmax} s after the cue, so the offline and online features
 * come from the same filter and the same length.
 *
 * @param classes    annotation label to class name (e.g. T1 to left)
 * @param lowHz      band-pass lower edge (NaN: no filter)
 * @param highHz     band-pass upper edge
 * @param order      Butterworth order (each band edge; SciPy's convention)
 * @param tmin       window start after the cue, s
 * @param tmax       window end after the cue, s
 */
public record CausalEpoching(Map<String, String> classes, double lowHz, double highHz, int order, double tmin,
                             double tmax) {

    /** What was cut: the trials and how many cues gave none (too close to an edge of the run). */
    public record Result(Epochs epochs, int dropped) {
    }

    public CausalEpoching {
        classes = Map.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("epoching: no class given");
        }
        if (!(tmax > tmin) || !Double.isFinite(tmin) || !Double.isFinite(tmax)) {
            throw new IllegalArgumentException("epoching: need tmin < tmax, got " + tmin + " to " + tmax + " s");
        }
        if (!Double.isNaN(lowHz) && !(lowHz > 0 && highHz > lowHz)) {
            throw new IllegalArgumentException("epoching: band must satisfy 0 < low < high, got " + lowHz + "-"
                    + highHz + " Hz");
        }
        if (order < 1) {
            throw new IllegalArgumentException("epoching: filter order must be at least 1, got " + order);
        }
    }

    /** Samples per window at {@code fs}: round((tmax - tmin) fs). */
    public int windowSamples(double fs) {
        return (int) Math.round((tmax - tmin) * fs);
    }

    /** The causal band-pass for {@code fs}, or null without a band. */
    public Sos filter(double fs) {
        return Double.isNaN(lowHz) ? null : Butterworth.bandpass(order, lowHz, highHz, fs);
    }

    /**
     * Cuts every run. {@code channels}: the labels to keep, in order (matched as {@link Recording#indexOf}), or null
     * for the first run's EEG channels. Every run must hold them at the same rate.
     */
    public Result apply(List<Recording> runs, List<String> channels) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("epoching: no recording");
        }
        List<String> keep = channels != null ? channels : runs.get(0).selectType(ChannelType.EEG).labels();
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("epoching: the recording has no EEG channels; channels are "
                    + runs.get(0).labels());
        }
        double fs = Double.NaN;
        List<ChannelInfo> infos = null;
        List<float[][]> data = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int dropped = 0;
        for (int r = 0; r < runs.size(); r++) {
            Recording run = runs.get(r).select(keep);
            double rate = run.samplingRate();
            if (infos == null) {
                fs = rate;
                infos = run.channels();
            } else if (rate != fs) {
                throw new IllegalArgumentException("epoching: run " + (r + 1) + " is at " + rate + " Hz, run 1 at "
                        + fs + " Hz");
            }
            Sos sos = filter(fs);
            float[][] x = sos == null ? run.samples() : SosFiltering.sosfilt(sos, run.samples());
            int n = windowSamples(fs);
            int total = run.sampleCount();
            for (Annotation a : run.annotations()) {
                String cls = classes.get(a.label());
                if (cls == null) {
                    continue;
                }
                long first = Math.round((a.onset() + tmin) * fs);
                if (first < 0 || first + n > total) {
                    dropped++;
                    continue;
                }
                float[][] trial = new float[x.length][n];
                for (int c = 0; c < x.length; c++) {
                    System.arraycopy(x[c], (int) first, trial[c], 0, n);
                }
                data.add(trial);
                labels.add(cls);
            }
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("epoching: no trial of the classes " + classes.keySet()
                    + " in the recording" + (dropped > 0 ? " (" + dropped + " too close to an edge)" : ""));
        }
        return new Result(new Epochs(data.toArray(new float[0][][]), labels, fs, infos, tmin), dropped);
    }
}
