package org.mistudio.app.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.ConnectivityFeatures;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.models.classical.NodeStrengthLdaKind;
import org.mistudio.models.classical.PsdLdaKind;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelMetadata;

/**
 * The model file of a training attempt: {@code models/<attempt id>.mimodel} inside the workspace folder, written with
 * {@link ModelFile} so that {@code mistudio predict} and {@code mistudio live} load it like any other model.
 *
 * <p>What is saved is what was scored. For LDA on an extraction's PSD features it is the psd-lda kind with the
 * extraction's PSD settings, the selected features and the shrinkage LDA that the cross-validation fitted in each
 * fold, here fitted once on all of the extraction's trials. Offline steps that a live decoder does not replay (a
 * zero-phase filter, a notch, a re-reference, FASTER) are listed by {@link #liveDifferences}, and the attempt's
 * settings say so. For LDA on node-strength (connectivity) features it is the node-strength-lda kind with the
 * extraction's connectivity settings. For a network it is the network kind, with its transfer source (if it was
 * fine-tuned) in its settings.
 */
public final class AttemptModels {

    /** The folder of the model files, relative to the workspace folder. */
    public static final String FOLDER = "models";
    /** Band-pass order recorded for the live decoder when the extraction used MNE's FIR filter. */
    static final int LIVE_ORDER_FOR_FIR = 4;

    private AttemptModels() {
    }

    /** {@code models/<id>.mimodel}. */
    public static String relativePath(String attemptId) {
        return FOLDER + "/" + attemptId + ModelFile.EXTENSION;
    }

    /** Writes an attempt's model into the workspace folder; returns its path relative to the folder. */
    public static String write(OpenWorkspace workspace, String attemptId, ModelMetadata metadata,
                               Map<String, byte[]> entries) throws IOException {
        String rel = relativePath(attemptId);
        ModelFile.write(workspace.folder().resolve(rel), metadata, entries);
        return rel;
    }

    /** The file of a recorded attempt's model, or null when it has none. */
    public static Path file(OpenWorkspace workspace, TrainingAttempt attempt) {
        return attempt.modelFile() == null ? null : workspace.folder().resolve(attempt.modelFile()).normalize();
    }

    /** The version written into models, as the command line writes it. */
    public static String version() {
        String v = AttemptModels.class.getPackage().getImplementationVersion();
        return "MI Studio " + (v == null ? "development build" : v);
    }

    /**
     * An LDA attempt's model (psd-lda or node-strength-lda) and the LDA it holds.
     *
     * @param model the fitted features and LDA (in memory; the file holds the same)
     */
    public record PsdLda(ModelMetadata metadata, Map<String, byte[]> entries, FeatureSelection.Selected.Model model) {
    }

    /**
     * The psd-lda model of an LDA attempt: the extraction's PSD settings, {@code chosen}, and shrinkage LDA fitted on
     * every trial of {@code psd}, with the classes in the order the cross-validation encoded them.
     *
     * @param psd          the extraction's PSD features (all its trials)
     * @param samplingRate the recordings' rate, Hz
     * @param units        the unit of each of {@code psd}'s channels
     * @param scores       what the cross-validation measured, recorded as the model's metrics
     * @param validation   how it was measured, in words
     */
    public static PsdLda psdLda(Extraction extraction, FeatureTensor psd, List<Feature> chosen, double samplingRate,
                                List<String> units, Scores scores, String validation) {
        PsdFeatures settings = extraction.parameters().toExtraction().psd();
        return ldaModel(PsdLdaKind.NAME, extraction, psd, chosen, samplingRate, units, scores, validation,
                m -> PsdLdaKind.entries(settings, m.features(), m.lda()));
    }

    /**
     * The node-strength-lda model of an LDA attempt on connectivity features: the extraction's connectivity
     * settings (coherence or imaginary coherence, Welch segment, band), {@code chosen}, and shrinkage LDA fitted on
     * every trial of {@code nodeStrength}.
     *
     * @param nodeStrength the extraction's node-strength features (all its trials, all its channels)
     * @param units        the unit of each of {@code nodeStrength}'s channels
     */
    public static PsdLda nodeStrengthLda(Extraction extraction, FeatureTensor nodeStrength, List<Feature> chosen,
                                         double samplingRate, List<String> units, Scores scores, String validation) {
        ConnectivityFeatures settings = extraction.parameters().toExtraction().connectivity().orElseThrow(
                () -> new IllegalArgumentException("extraction " + extraction.id() + " computed no connectivity"));
        return ldaModel(NodeStrengthLdaKind.NAME, extraction, nodeStrength, chosen, samplingRate, units, scores,
                validation, m -> NodeStrengthLdaKind.entries(settings, m.features(), m.lda()));
    }

    private static PsdLda ldaModel(String kind, Extraction extraction, FeatureTensor t, List<Feature> chosen,
                                   double samplingRate, List<String> units, Scores scores, String validation,
                                   java.util.function.Function<FeatureSelection.Selected.Model, Map<String, byte[]>>
                                           entries) {
        ExtractionParameters p = extraction.parameters();
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(t.labels(), names);
        // The classifier each fold fitted (TrainingView), now on every trial.
        FeatureSelection.Selected.Model m = new FeatureSelection.Selected(chosen, 0, p.fmin(), p.fmax(),
                Lda.lsqrAuto()).fit(t, y);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("features", m.features().stream().map(Feature::toString).toList());
        s.put("feature_selection", "given");
        if (kind.equals(NodeStrengthLdaKind.NAME)) {
            s.put("connectivity", p.connectivity());
        }
        s.put("lda", "lsqr, Ledoit-Wolf shrinkage");
        s.put("extraction", extraction.id());
        s.put("live_differences", liveDifferences(p));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("cv", validation);
        metrics.put("accuracy", scores.accuracy());
        metrics.put("accuracy_std", scores.accuracyStd());
        metrics.put("fold_accuracy", scores.foldAccuracy());
        metrics.put("kappa", scores.kappa());
        metrics.put("confusion_matrix", scores.confusion());
        metrics.put("chance_level", scores.chanceLevel());
        metrics.put("chance_threshold", scores.chanceThreshold());
        metrics.put("trials", t.trialCount());
        int[] counts = ClassLabels.of(y).counts();
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            perClass.put(names.get(k), counts[k]);
        }
        metrics.put("trials_per_class", perClass);
        ModelMetadata md = new ModelMetadata(kind, null, s, t.channels(), units, samplingRate,
                liveFilter(p.preprocessing()), p.epochStart(), p.epochStart() + p.epochLength(), names, p.classes(),
                fileNames(extraction.recordings()), metrics, Instant.now(), version());
        return new PsdLda(md, entries.apply(m), m);
    }

    /** The causal band-pass a live decoder runs for this preprocessing: its edges, or none without a band-pass. */
    static ModelMetadata.Filter liveFilter(PreprocessingSettings p) {
        if (p.bandpassLow() == null) {
            return null;
        }
        return new ModelMetadata.Filter(p.bandpassLow(), p.bandpassHigh(),
                p.filterOrder() > 0 ? p.filterOrder() : LIVE_ORDER_FOR_FIR);
    }

    /**
     * What a live decoder does differently from the extraction that was scored; empty when it computes the very same
     * features from the raw window.
     */
    public static List<String> liveDifferences(ExtractionParameters p) {
        List<String> out = new ArrayList<>();
        PreprocessingSettings pre = p.preprocessing();
        if (pre.reference() != null) {
            out.add("re-reference to " + pre.reference() + " offline only");
        }
        if (pre.notch() != null) {
            out.add(String.format(Locale.ROOT, "%s Hz notch offline only", plain(pre.notch())));
        }
        if (pre.bandpassLow() != null) {
            ModelMetadata.Filter f = liveFilter(pre);
            out.add(String.format(Locale.ROOT, "band-pass %s-%s Hz zero-phase (%s) offline, causal Butterworth "
                            + "order %d live", plain(pre.bandpassLow()), plain(pre.bandpassHigh()),
                    pre.filterOrder() > 0 ? "Butterworth order " + pre.filterOrder() : "FIR", f.order()));
        }
        if (p.faster()) {
            out.add("FASTER cleaning offline only");
        }
        return out;
    }

    /** The model's scores as the workspace records them (network: the validation split at the kept epoch). */
    public static Scores networkScores(ModelMetadata md) {
        Map<String, Object> m = md.metrics();
        double accuracy = number(m, "accuracy");
        int[][] confusion = (int[][]) m.get("confusion_matrix");
        int trials = ((Number) m.get("validation_trials")).intValue();
        return new Scores(accuracy, 0, new double[] {accuracy}, number(m, "kappa"), md.classNames(), confusion,
                number(m, "chance_level"), number(m, "chance_threshold"), trials);
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("model metrics lack '" + key + "'");
        }
        return n.doubleValue();
    }

    private static List<String> fileNames(List<String> paths) {
        return paths.stream().map(s -> Path.of(s).getFileName().toString()).toList();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
