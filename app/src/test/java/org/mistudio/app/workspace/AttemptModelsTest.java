package org.mistudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.app.Root;
import org.mistudio.dsp.analysis.FeatureExtraction;
import org.mistudio.dsp.analysis.Progress;
import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.evaluation.Evaluation;
import org.mistudio.dsp.evaluation.KFold;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.connectivity.CrossSpectra;
import org.mistudio.dsp.connectivity.WelchCrossSpectra;
import org.mistudio.dsp.online.CausalEpoching;
import org.mistudio.dsp.online.NodeStrengthLdaWindowClassifier;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.classical.PsdLdaKind;
import org.mistudio.models.network.NetworkKind;
import org.mistudio.models.network.NetworkModelTrainer;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelKinds;
import org.mistudio.models.persist.ModelMetadata;
import org.mistudio.models.train.TrainingSettings;

/**
 * The model files of training attempts, written into a workspace and loaded back through the model-kind registry as
 * {@code mistudio live} loads them: they decode the training trials as the in-memory models do.
 */
class AttemptModelsTest {

    private static final Map<String, String> CLASSES = new LinkedHashMap<>();
    private static Recording sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws Exception {
        CLASSES.put("left_hand", "left_hand");
        CLASSES.put("right_hand", "right_hand");
        sample = RecordingFiles.read(Root.path().resolve("sample-data").resolve("mi-sample.edf"));
    }

    private OpenWorkspace workspace() throws Exception {
        OpenWorkspace ws = OpenWorkspace.create(dir.resolve("ws"), "models");
        Path copy = ws.folder().resolve("mi-sample.edf");
        Files.copy(Root.path().resolve("sample-data").resolve("mi-sample.edf"), copy);
        ws.update(w -> w.withRecording(new RecordingEntry("mi-sample.edf", "EDF+C", w.created())));
        return ws;
    }

    @Test
    void ldaOnPsdFeaturesSavesWhatWasScored() throws Exception {
        OpenWorkspace ws = workspace();
        ExtractionParameters p = ExtractionParameters.happyFeat(CLASSES);
        Extraction e = ws.update(w -> w.extraction(p, List.of("mi-sample.edf"), java.time.Instant.now()).workspace())
                .extractions().get(0);
        FeatureExtraction.Result r = p.toExtraction().run(List.of(sample), Progress.NONE);
        FeatureTensor t = r.psd();
        List<Feature> chosen = Feature.parseList("C3;12,C4;12,C3;22");
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(t.labels(), names);
        Evaluation.Report cv = Evaluation.run(new FeatureSelection.Selected(chosen, 0, p.fmin(), p.fmax(),
                Lda.lsqrAuto()), t, y, new KFold(5), FeatureTensor::subset, 0.05);
        Scores s = new Scores(cv.accuracy(), cv.accuracyStd(), cv.foldAccuracy(), cv.kappa(), names,
                cv.confusion().counts(), cv.chance(), cv.chanceThreshold(), cv.distinctTestTrials());
        List<String> units = sample.select(t.channels()).channels().stream().map(c -> c.unit()).toList();
        AttemptModels.PsdLda m = AttemptModels.psdLda(e, t, chosen, sample.samplingRate(), units, s, "5-fold");
        String rel = AttemptModels.write(ws, "a1", m.metadata(), m.entries());
        assertEquals("models/a1.mimodel", rel);

        ModelFile.Contents back = ModelFile.read(ws.folder().resolve(rel));
        ModelMetadata md = back.metadata();
        assertEquals(PsdLdaKind.NAME, md.kind());
        assertEquals(List.of("C3;12", "C4;12", "C3;22"), md.settings().get("features"));
        assertEquals(s.accuracy(), ((Number) md.metrics().get("accuracy")).doubleValue(), 0);
        assertEquals(1.0, md.tmin(), 0);
        assertEquals(4.0, md.tmax(), 0);
        assertNull(md.filter(), "no offline band-pass, so no live filter");
        assertEquals(List.of(), AttemptModels.liveDifferences(p));
        WindowClassifier loaded = ModelKinds.load(back);

        // The raw EEG windows of the epoch of interest, cut by hand: what a live decoder would hand the model.
        Epochs trials = new Epocher(CLASSES, 0, 4, null).apply(sample.selectType(ChannelType.EEG)).epochs();
        assertEquals(t.trialCount(), trials.trialCount());
        int first = (int) Math.round(1.0 * sample.samplingRate());
        int n = md.windowSamples();
        int[] inMemory = m.model().predict(t);
        double[][] proba = m.model().predictProba(t);
        int differentFromTruth = 0;
        for (int i = 0; i < trials.trialCount(); i++) {
            float[][] w = new float[trials.channelCount()][];
            for (int c = 0; c < w.length; c++) {
                w[c] = java.util.Arrays.copyOfRange(trials.data()[i][c], first, first + n);
            }
            double[] pr = loaded.predictProba(w);
            assertArrayEquals(proba[i], pr, 1e-9, "trial " + i);
            assertEquals(names.get(inMemory[i]), loaded.classNames().get(argmax(pr)), "trial " + i);
            differentFromTruth += inMemory[i] == y[i] ? 0 : 1;
        }
        // The model learnt something: most training trials come out as their true class.
        assertTrue(differentFromTruth < trials.trialCount() / 2, "fits its training trials: " + differentFromTruth);
    }

    @Test
    void ldaOnNodeStrengthSavesAModelThatComputesTheConnectivityFeaturesLive() throws Exception {
        OpenWorkspace ws = workspace();
        ExtractionParameters h = ExtractionParameters.happyFeat(CLASSES);
        ExtractionParameters p = new ExtractionParameters(h.classes(), h.epochStart(), h.epochLength(), h.window(),
                h.shift(), h.method(), h.burgOrder(), h.resolution(), h.fmin(), h.fmax(), "imaginary-coherence",
                h.preprocessing(), false);
        Extraction e = ws.update(w -> w.extraction(p, List.of("mi-sample.edf"), java.time.Instant.now()).workspace())
                .extractions().get(0);
        FeatureTensor t = p.toExtraction().run(List.of(sample), Progress.NONE).connectivity().orElseThrow();
        List<Feature> chosen = Feature.parseList("C3;12,C4;12,Cz;23");
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(t.labels(), names);
        Evaluation.Report cv = Evaluation.run(new FeatureSelection.Selected(chosen, 0, p.fmin(), p.fmax(),
                Lda.lsqrAuto()), t, y, new KFold(5), FeatureTensor::subset, 0.05);
        Scores s = new Scores(cv.accuracy(), cv.accuracyStd(), cv.foldAccuracy(), cv.kappa(), names,
                cv.confusion().counts(), cv.chance(), cv.chanceThreshold(), cv.distinctTestTrials());
        List<String> units = sample.select(t.channels()).channels().stream().map(c -> c.unit()).toList();
        AttemptModels.PsdLda m = AttemptModels.nodeStrengthLda(e, t, chosen, sample.samplingRate(), units, s,
                "5-fold");
        String rel = AttemptModels.write(ws, "a1", m.metadata(), m.entries());
        ModelFile.Contents back = ModelFile.read(ws.folder().resolve(rel));
        assertEquals("node-strength-lda", back.metadata().kind());
        assertEquals(List.of("C3;12", "C4;12", "Cz;23"), back.metadata().settings().get("features"));
        assertEquals(t.channels(), back.metadata().channels(), "every channel enters the node strength");
        WindowClassifier loaded = ModelKinds.load(back);
        assertTrue(loaded instanceof NodeStrengthLdaWindowClassifier, loaded.getClass().getName());
        NodeStrengthLdaWindowClassifier ns = (NodeStrengthLdaWindowClassifier) loaded;

        Epochs trials = new Epocher(CLASSES, 0, 4, null).apply(sample.selectType(ChannelType.EEG)).epochs();
        assertEquals(t.channels(), trials.channels().stream().map(c -> c.label()).toList());
        double fs = sample.samplingRate();
        int first = (int) Math.round(1.0 * fs);
        int n = back.metadata().windowSamples();
        assertEquals(750, n);
        double[][] proba = m.model().predictProba(t);
        int right = 0;
        for (int i = 0; i < trials.trialCount(); i++) {
            float[][] w = new float[trials.channelCount()][];
            for (int c = 0; c < w.length; c++) {
                w[c] = java.util.Arrays.copyOfRange(trials.data()[i][c], first, first + n);
            }
            // The features by hand from the cross-spectra: |Im S_ij| / sqrt(S_ii S_jj), averaged over j != i.
            CrossSpectra cs = WelchCrossSpectra.of((int) Math.round(fs)).estimate(w, t.channels(), fs);
            double[] expected = new double[chosen.size()];
            for (int f = 0; f < chosen.size(); f++) {
                int ci = t.channels().indexOf(chosen.get(f).channel());
                int k = bin(cs.frequencies(), chosen.get(f).low());
                double sum = 0;
                for (int j = 0; j < w.length; j++) {
                    if (j != ci) {
                        sum += Math.abs(cs.imag()[ci][j][k]) / Math.sqrt(cs.real()[ci][ci][k] * cs.real()[j][j][k]);
                    }
                }
                expected[f] = sum / (w.length - 1);
            }
            assertArrayEquals(expected, ns.features(w), 1e-9, "trial " + i);
            double[] pr = loaded.predictProba(w);
            assertArrayEquals(proba[i], pr, 1e-9, "trial " + i);
            right += argmax(pr) == y[i] ? 1 : 0;
        }

        // mistudio predict on the sample recording with the model: the same windows, the same decisions.
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status = org.mistudio.app.cli.MiStudioCommand.execute(new String[] {"predict",
                ws.folder().resolve(rel).toString(), Root.path().resolve("sample-data/mi-sample.edf").toString(),
                "--json"}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString());
        assertEquals(trials.trialCount(), doc.get("trials").size());
        assertEquals((double) right / trials.trialCount(), doc.get("accuracy").asDouble(), 1e-12);
    }

    private static int bin(double[] frequencies, double hz) {
        for (int k = 0; k < frequencies.length; k++) {
            if (Math.abs(frequencies[k] - hz) < 1e-9) {
                return k;
            }
        }
        throw new AssertionError("no " + hz + " Hz bin in " + java.util.Arrays.toString(frequencies));
    }

    @Test
    void offlineStepsALiveDecoderDoesNotReplayAreNamed() {
        ExtractionParameters p = ExtractionParameters.happyFeat(CLASSES).withPreprocessing(
                new PreprocessingSettings(8.0, 30.0, 0, 50.0, "average"), true);
        List<String> d = AttemptModels.liveDifferences(p);
        assertEquals(List.of("re-reference to average offline only", "50 Hz notch offline only",
                "band-pass 8-30 Hz zero-phase (FIR) offline, causal Butterworth order 4 live",
                "FASTER cleaning offline only"), d);
        ModelMetadata.Filter f = AttemptModels.liveFilter(p.preprocessing());
        assertEquals(new ModelMetadata.Filter(8, 30, 4), f);
    }

    @Test
    void networkModelDecodesItsTrainingTrialsAsInMemory() throws Exception {
        OpenWorkspace ws = workspace();
        CausalEpoching ep = new CausalEpoching(CLASSES, 8, 30, 4, 1, 4);
        TrainingSettings ts = TrainingSettings.defaults().withEpochs(3).withPatience(0).withSeed(3);
        int[] inMemory;
        float[][][] x;
        ModelMetadata md;
        try (NetworkModelTrainer.Trained t = NetworkModelTrainer.train(List.of(sample), List.of("mi-sample.edf"),
                new NetworkModelTrainer.Spec("eegnet", ep, ts), AttemptModels.version(), r -> { })) {
            md = t.metadata();
            String rel = AttemptModels.write(ws, "a2", md, t.entries());
            assertEquals("models/a2.mimodel", rel);
            x = ep.apply(List.of(sample), null).epochs().data();
            inMemory = t.network().predict(x);
        }
        Scores s = AttemptModels.networkScores(md);
        int diagonal = 0;
        int total = 0;
        for (int i = 0; i < s.confusion().length; i++) {
            diagonal += s.confusion()[i][i];
            for (int v : s.confusion()[i]) {
                total += v;
            }
        }
        assertEquals(s.testTrials(), total, "the confusion matrix counts the validation trials");
        assertEquals(s.accuracy(), diagonal / (double) total, 1e-12,
                "the kept weights score on the validation split what training reported");

        ModelFile.Contents back = ModelFile.read(ws.folder().resolve("models/a2.mimodel"));
        assertEquals(NetworkKind.NAME, back.metadata().kind());
        assertEquals("eegnet", back.metadata().architecture());
        WindowClassifier loaded = ModelKinds.load(back);
        for (int i = 0; i < x.length; i++) {
            assertEquals(md.classNames().get(inMemory[i]), loaded.classNames().get(argmax(loaded.predictProba(x[i]))),
                    "trial " + i);
        }
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
