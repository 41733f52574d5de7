package org.mistudio.models.classical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.decode.CspLda;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.evaluation.Evaluation;
import org.mistudio.dsp.evaluation.StratifiedKFold;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.dsp.online.CausalEpoching;
import org.mistudio.dsp.online.CspLdaWindowClassifier;
import org.mistudio.dsp.online.PsdLdaWindowClassifier;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.persist.ModelMetadata;

/**
 * Trains the classical kinds for live use: trials cut by {@link CausalEpoching} (causal Butterworth band-pass,
 * one window per cue), cross-validated for the report, then fitted on every trial.
 * <ul>
 *   <li>csp-lda: MNE's default CSP (4 components, log power) + LDA (svd), as {@code classify --pipeline csp-lda}
 *       but on causally filtered windows;</li>
 *   <li>psd-lda: HappyFeat PSD features of the whole window (0.25 s Hann windows every 0.161 s, 1 Hz bins) at the
 *       given features or the {@code auto} cells of largest |r²| inside the band (ranked within each training fold
 *       for the cross-validation), into shrinkage LDA (Ledoit-Wolf).</li>
 * </ul>
 */
public final class ClassicalTrainer {

    private ClassicalTrainer() {
    }

    /**
     * What to train.
     *
     * @param kind      {@link CspLdaKind#NAME} or {@link PsdLdaKind#NAME}
     * @param cueLabels annotation label to class name
     * @param lowHz     band-pass lower edge
     * @param highHz    band-pass upper edge
     * @param order     Butterworth order
     * @param tmin      window start after the cue, s
     * @param tmax      window end after the cue, s
     * @param features  psd-lda: the features to use (empty: automatic)
     * @param auto      psd-lda: how many features to pick by |r²| when none are given
     * @param folds     cross-validation folds (stratified, no shuffling)
     * @param alpha     significance of the chance threshold
     */
    public record Spec(String kind, Map<String, String> cueLabels, double lowHz, double highHz, int order, double tmin,
                       double tmax, List<Feature> features, int auto, int folds, double alpha) {
        public Spec {
            cueLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cueLabels));
            features = List.copyOf(features);
            if (!kind.equals(CspLdaKind.NAME) && !kind.equals(PsdLdaKind.NAME)) {
                throw new IllegalArgumentException("classical model kind must be csp-lda or psd-lda, got '" + kind + "'");
            }
            if (folds < 2) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
            }
        }

        /** Defaults: 8-30 Hz Butterworth order 4, window 0.5-2.5 s after the cue, 5 folds, 3 automatic features. */
        public static Spec defaults(String kind, Map<String, String> cueLabels) {
            return new Spec(kind, cueLabels, 8, 30, 4, 0.5, 2.5, List.of(), 3, 5, 0.05);
        }

        public Spec withBand(double low, double high) {
            return new Spec(kind, cueLabels, low, high, order, tmin, tmax, features, auto, folds, alpha);
        }

        public Spec withWindow(double from, double to) {
            return new Spec(kind, cueLabels, lowHz, highHz, order, from, to, features, auto, folds, alpha);
        }

        public Spec withFeatures(List<Feature> chosen, int automatic) {
            return new Spec(kind, cueLabels, lowHz, highHz, order, tmin, tmax, chosen, automatic, folds, alpha);
        }
    }

    /** A trained model: what goes into the file, the decoder itself and the cross-validation report. */
    public record Trained(ModelMetadata metadata, Map<String, byte[]> entries, WindowClassifier classifier,
                          Evaluation.Report crossValidation, int trials, int dropped) {
    }

    /**
     * Trains on {@code runs} (their EEG channels; every run must have them at one rate).
     *
     * @param names   the runs' file names, recorded in the metadata
     * @param version the MI Studio version to record
     */
    public static Trained train(List<Recording> runs, List<String> names, Spec spec, String version) {
        CausalEpoching cut = new CausalEpoching(spec.cueLabels(), spec.lowHz(), spec.highHz(), spec.order(),
                spec.tmin(), spec.tmax());
        CausalEpoching.Result res = cut.apply(runs, null);
        Epochs e = res.epochs();
        List<String> classNames = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(e.labels(), classNames);
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("training needs trials of at least 2 classes, got " + classNames);
        }
        int[] counts = ClassLabels.of(y).counts();
        int minCount = java.util.Arrays.stream(counts).min().orElse(0);
        if (minCount < spec.folds()) {
            throw new IllegalArgumentException("training: class '" + classNames.get(argmin(counts)) + "' has "
                    + minCount + " trial(s); " + spec.folds() + "-fold cross-validation needs at least " + spec.folds()
                    + " per class");
        }
        double fs = e.samplingRate();
        int n = e.sampleCount();
        StratifiedKFold cv = new StratifiedKFold(spec.folds());
        Map<String, byte[]> entries;
        WindowClassifier clf;
        Evaluation.Report report;
        Map<String, Object> settings = new LinkedHashMap<>();
        if (spec.kind().equals(CspLdaKind.NAME)) {
            report = Evaluation.run(CspLda.defaults(), e.data(), y, cv, ClassicalTrainer::subset, spec.alpha());
            CspLda.Model m = CspLda.defaults().fit(e.data(), y);
            entries = CspLdaKind.entries(m.csp(), m.lda());
            clf = new CspLdaWindowClassifier(m.csp(), m.lda(), classNames, n);
            settings.put("csp_components", m.csp().config().nComponents());
            settings.put("lda", "svd");
        } else {
            PsdFeatures psd = PsdFeatures.happyFeat(PsdFeatures.Method.WELCH).withEpoch(spec.tmin(), spec.tmax() - spec.tmin())
                    .withBand(1, 40);
            FeatureTensor t = psd.extract(e);
            FeatureSelection.validate(t, spec.features());
            FeatureSelection.Selected sel = new FeatureSelection.Selected(spec.features(),
                    spec.features().isEmpty() ? spec.auto() : 0, spec.lowHz(), spec.highHz(), Lda.lsqrAuto());
            report = Evaluation.run(sel, t, y, cv, FeatureTensor::subset, spec.alpha());
            FeatureSelection.Selected.Model m = sel.fit(t, y);
            entries = PsdLdaKind.entries(psd, m.features(), m.lda());
            clf = new PsdLdaWindowClassifier(e.channels().stream().map(ChannelInfo::label).toList(), fs, n, psd,
                    m.features(), m.lda(), classNames);
            settings.put("features", m.features().stream().map(Feature::toString).toList());
            settings.put("feature_selection", spec.features().isEmpty() ? "top " + spec.auto() + " |r2|" : "given");
            settings.put("lda", "lsqr, Ledoit-Wolf shrinkage");
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("cv", String.format(Locale.ROOT, "stratified %d-fold, no shuffling", spec.folds()));
        metrics.put("accuracy", report.accuracy());
        metrics.put("accuracy_std", report.accuracyStd());
        metrics.put("fold_accuracy", report.foldAccuracy());
        metrics.put("kappa", report.kappa());
        metrics.put("confusion_matrix", report.confusion().counts());
        metrics.put("chance_level", report.chance());
        metrics.put("chance_threshold", report.chanceThreshold());
        metrics.put("trials", e.trialCount());
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (int k = 0; k < classNames.size(); k++) {
            perClass.put(classNames.get(k), counts[k]);
        }
        metrics.put("trials_per_class", perClass);
        metrics.put("dropped", res.dropped());
        ModelMetadata md = new ModelMetadata(spec.kind(), null, settings,
                e.channels().stream().map(ChannelInfo::label).toList(),
                e.channels().stream().map(ChannelInfo::unit).toList(), fs,
                new ModelMetadata.Filter(spec.lowHz(), spec.highHz(), spec.order()), spec.tmin(), spec.tmax(),
                classNames, spec.cueLabels(), names, metrics, Instant.now(), version);
        return new Trained(md, entries, clf, report, e.trialCount(), res.dropped());
    }

    private static float[][][] subset(float[][][] d, int[] idx) {
        float[][][] s = new float[idx.length][][];
        for (int i = 0; i < idx.length; i++) {
            s[i] = d[idx[i]];
        }
        return s;
    }

    private static int argmin(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }
}
