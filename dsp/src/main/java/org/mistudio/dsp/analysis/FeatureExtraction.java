package org.mistudio.dsp.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.dsp.artifact.faster.Faster;
import org.mistudio.dsp.artifact.faster.FasterConfig;
import org.mistudio.dsp.artifact.faster.FasterResult;
import org.mistudio.dsp.epoch.Concatenation;
import org.mistudio.dsp.epoch.DroppedEpoch;
import org.mistudio.dsp.epoch.EpochingResult;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.features.ConnectivityFeatures;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.dsp.preprocess.Preprocessing;

/**
 * HappyFeat's extraction step (Desbois et al. 2023) from runs to per-trial features: each run preprocessed on its
 * own, runs joined ({@link Concatenation}, joints marked bad), epochs from the cue (or the epoch of interest, if it
 * starts before the cue) to the end of the epoch of interest, dropped where they overlap a "bad" annotation (MNE's
 * {@code reject_by_annotation}), optionally cleaned by FASTER (EEG and EOG channels, 10-05 positions), then PSD
 * features of the EEG channels and, optionally, node-strength connectivity features.
 *
 * @param classes       annotation label to class name
 * @param preprocessing applied to each run before epoching
 * @param psd           PSD feature settings (its epoch of interest is relative to the cue)
 * @param connectivity  node-strength features to compute as well, or empty
 * @param faster        FASTER settings, or empty to skip it
 */
public record FeatureExtraction(Map<String, String> classes, Preprocessing preprocessing, PsdFeatures psd,
                                Optional<ConnectivityFeatures> connectivity, Optional<FasterConfig> faster) {

    /** Trials handed to {@link PsdFeatures#extract} at once: small enough for a smooth bar and a prompt cancel. */
    static final int CHUNK = 8;

    public FeatureExtraction {
        classes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(classes));
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("feature extraction: no classes (annotation labels) given");
        }
    }

    /**
     * @param psd          {@code [trial][channel][frequency]} PSD features of the EEG channels
     * @param connectivity node strength per trial, channel and frequency, when asked for
     * @param faster       FASTER's report, when it ran
     * @param dropped      events that gave no trial, with the reason
     */
    public record Result(FeatureTensor psd, Optional<FeatureTensor> connectivity, Optional<FasterResult> faster,
                         List<DroppedEpoch> dropped) {
        public Result {
            dropped = List.copyOf(dropped);
        }
    }

    /** The epoch window that covers every feature's epoch of interest, relative to the cue: [tmin, tmax] s. */
    public double[] window() {
        double from = Math.min(0, psd.start());
        double to = psd.start() + psd.length();
        if (connectivity.isPresent()) {
            from = Math.min(from, connectivity.get().start());
            to = Math.max(to, connectivity.get().start() + connectivity.get().length());
        }
        return new double[] {from, to};
    }

    /** The runs, each preprocessed, joined in order (joints marked bad). */
    public Recording prepared(List<Recording> runs, Progress progress) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("feature extraction: no recording given");
        }
        List<Recording> prepared = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            progress.update("preprocessing run " + (r + 1) + " of " + runs.size(), 0.3 * r / runs.size());
            prepared.add(preprocessing.apply(runs.get(r)));
        }
        return Concatenation.concatenate(prepared);
    }

    /** The trials of the prepared runs over {@link #window()}, all channels (FASTER's input); fails without any. */
    public EpochingResult epochs(List<Recording> runs, Progress progress) {
        Recording joined = prepared(runs, progress);
        progress.update("epoching", 0.3);
        double[] w = window();
        EpochingResult cut = new Epocher(classes, w[0], w[1], null).apply(joined, true);
        if (cut.epochs().trialCount() == 0) {
            throw new IllegalArgumentException("feature extraction: no trial of " + classes.keySet()
                    + " in the recordings" + (cut.dropped().isEmpty() ? "" : "; first dropped: "
                    + cut.dropped().get(0).reason()));
        }
        return cut;
    }

    public Result run(List<Recording> runs, Progress progress) {
        EpochingResult cut = epochs(runs, progress);
        Epochs epochs = cut.epochs();
        Optional<FasterResult> cleaned = Optional.empty();
        double start = 0.35;
        if (faster.isPresent()) {
            progress.update("FASTER", 0.35);
            FasterResult f = new Faster(faster.get(), Montage.standard1005()).run(epochs);
            cleaned = Optional.of(f);
            epochs = f.cleaned();
            start = 0.6;
        }
        Epochs eeg = eegOnly(epochs);
        double end = connectivity.isPresent() ? 0.8 : 1.0;
        List<FeatureTensor> parts = new ArrayList<>();
        int n = eeg.trialCount();
        for (int from = 0; from < n; from += CHUNK) {
            progress.update("PSD features", start + (end - start) * from / n);
            int to = Math.min(n, from + CHUNK);
            parts.add(psd.extract(trials(eeg, from, to)));
        }
        FeatureTensor psdFeatures = join(parts);
        Optional<FeatureTensor> conn = Optional.empty();
        if (connectivity.isPresent()) {
            progress.update("connectivity features", end);
            conn = Optional.of(connectivity.get().extract(eeg));
        }
        progress.update("done", 1);
        return new Result(psdFeatures, conn, cleaned, cut.dropped());
    }

    static Epochs eegOnly(Epochs e) {
        List<Integer> rows = new ArrayList<>();
        List<ChannelInfo> chs = new ArrayList<>();
        for (int c = 0; c < e.channelCount(); c++) {
            if (e.channels().get(c).type() == ChannelType.EEG) {
                rows.add(c);
                chs.add(e.channels().get(c));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("feature extraction: the recordings have no EEG channel");
        }
        float[][][] d = new float[e.trialCount()][rows.size()][];
        for (int t = 0; t < d.length; t++) {
            for (int i = 0; i < rows.size(); i++) {
                d[t][i] = e.data()[t][rows.get(i)];
            }
        }
        return new Epochs(d, e.labels(), e.samplingRate(), chs, e.tmin());
    }

    private static Epochs trials(Epochs e, int from, int to) {
        return new Epochs(java.util.Arrays.copyOfRange(e.data(), from, to), e.labels().subList(from, to),
                e.samplingRate(), e.channels(), e.tmin());
    }

    private static FeatureTensor join(List<FeatureTensor> parts) {
        FeatureTensor first = parts.get(0);
        List<String> labels = new ArrayList<>();
        List<double[][]> values = new ArrayList<>();
        for (FeatureTensor p : parts) {
            labels.addAll(p.labels());
            values.addAll(List.of(p.values()));
        }
        return new FeatureTensor(first.quantity(), labels, first.channels(), first.frequencies(),
                values.toArray(new double[0][][]));
    }
}
