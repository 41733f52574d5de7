package org.mistudio.dsp.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.decode.CspLda;
import org.mistudio.dsp.epoch.Concatenation;
import org.mistudio.dsp.epoch.EpochingResult;
import org.mistudio.dsp.epoch.TrialProtocol;
import org.mistudio.dsp.evaluation.CrossValidation;
import org.mistudio.dsp.evaluation.KFold;
import org.mistudio.dsp.evaluation.Scoring;
import org.mistudio.dsp.evaluation.ShuffleSplit;
import org.mistudio.dsp.evaluation.Split;

/**
 * The correctness bar: MNE's motor-imagery CSP+LDA example on EEGMMIDB imagined left/right fist (runs
 * 4, 8, 12) of 9 subjects; per-subject accuracy equal to MNE 1.3 + scikit-learn 1.2 within one trial.
 * Reference numbers: eegmmidb_csp_lda.json, written by eegmmidb_csp_lda.py beside it.
 */
class EegmmidbCspLdaTest {

    private static JsonNode reference;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = EegmmidbCspLdaTest.class.getResourceAsStream(
                "/org/mistudio/dsp/validation/eegmmidb_csp_lda.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    static Path data() {
        return Paths.get(System.getProperty("mistudio.shared", "../../shared")).resolve("data/eegmmidb");
    }

    static List<Recording> runs(int subject) throws Exception {
        List<Recording> runs = new ArrayList<>();
        for (int r : new int[] {4, 8, 12}) {
            runs.add(RecordingFiles.read(data().resolve(String.format(Locale.ROOT, "S%03d/S%03dR%02d.edf", subject,
                    subject, r))));
        }
        return runs;
    }

    static int[] encode(Epochs e) {
        int[] y = new int[e.trialCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = e.labels().get(i).equals("T1") ? 0 : 1;
        }
        return y;
    }

    @Test
    void perSubjectAccuracyMatchesMneWithinOneTrial() throws Exception {
        StringBuilder table = new StringBuilder(
                "subject  n  KFold5: MNE   ours | Shuffle10 (sklearn splits): MNE   ours | ours, own seed 42\n");
        int identicalKFold = 0;
        for (JsonNode s : reference.get("subjects")) {
            int subject = s.get("subject").asInt();
            List<Recording> runs = runs(subject);
            assertEquals(s.get("n_times").asInt(), Concatenation.concatenate(runs).sampleCount());
            EpochingResult cut = TrialProtocol.mneCspExample(List.of("T1", "T2")).apply(runs);
            Epochs e = cut.epochs();
            int[] y = encode(e);
            // same trials, labels and samples as MNE
            assertArrayEquals(ints(s.get("labels")), y, "subject " + subject);
            assertEquals(s.get("samples_per_epoch").asInt(), e.sampleCount());
            int c3 = indexOf(e, "C3..");
            for (int i = 0; i < 5; i++) {
                double mne = s.get("first_epoch_c3_first5_volts").get(i).asDouble();
                assertEquals(mne, e.data()[0][c3][i] * 1e-6, Math.abs(mne) * 1e-4 + 1e-12, "subject " + subject);
            }
            CrossValidation.Result kfold = CrossValidation.score(CspLda.defaults(), e.data(), y, new KFold(5),
                    Scoring.ACCURACY);
            double mneKFold = s.get("kfold5_accuracy").asDouble();
            assertEquals(mneKFold, kfold.mean(), 1.0 / y.length + 1e-9, "subject " + subject + " KFold(5)");
            if (Math.abs(mneKFold - kfold.mean()) < 1e-9) {
                identicalKFold++;
            }
            List<Split> sk = new ArrayList<>();
            for (JsonNode t : s.get("shuffle10_test_indices")) {
                sk.add(complement(ints(t), y.length));
            }
            CrossValidation.Result shuffle = CrossValidation.score(CspLda.defaults(), e.data(), y, labels -> sk,
                    Scoring.ACCURACY);
            double mneShuffle = s.get("shuffle10_accuracy").asDouble();
            int testTrials = sk.size() * sk.get(0).test().length;
            assertEquals(mneShuffle, shuffle.mean(), 1.0 / testTrials + 1e-9,
                    "subject " + subject + " ShuffleSplit");
            CrossValidation.Result own = CrossValidation.score(CspLda.defaults(), e.data(), y,
                    new ShuffleSplit(10, 0.2, 42), Scoring.ACCURACY);
            table.append(String.format(Locale.ROOT, "S%03d   %3d      %.4f %.4f |  %.4f %.4f | %.4f%n", subject,
                    y.length, mneKFold, kfold.mean(), mneShuffle, shuffle.mean(), own.mean()));
        }
        System.out.print(table);
        assertTrue(identicalKFold >= 8, "KFold accuracies identical for only " + identicalKFold + " of 9 subjects");
    }

    @Test
    void epochsAcrossAJointAreDropped() throws Exception {
        List<Recording> runs = runs(1);
        Recording first = runs.get(0);
        // a cue 0.5 s before the end of run 4: its [-1, 4] s window runs into run 8 and must be rejected
        double end = first.duration();
        List<org.mistudio.acquisition.model.Annotation> a = new ArrayList<>(first.annotations());
        a.add(new org.mistudio.acquisition.model.Annotation(end - 0.5, 0, "T1"));
        List<Recording> edited = List.of(first.withAnnotations(a), runs.get(1));
        EpochingResult cut = TrialProtocol.mneCspExample(List.of("T1", "T2")).apply(edited);
        assertEquals(30, cut.epochs().trialCount());
        assertEquals(1, cut.dropped().size());
        assertTrue(cut.dropped().get(0).reason().contains("BAD boundary"), cut.dropped().get(0).reason());
    }

    private static Split complement(int[] test, int n) {
        boolean[] inTest = new boolean[n];
        for (int i : test) {
            inTest[i] = true;
        }
        int[] train = new int[n - test.length];
        for (int i = 0, j = 0; i < n; i++) {
            if (!inTest[i]) {
                train[j++] = i;
            }
        }
        return new Split(train, test);
    }

    private static int indexOf(Epochs e, String label) {
        for (int c = 0; c < e.channelCount(); c++) {
            if (e.channels().get(c).label().equals(label)) {
                return c;
            }
        }
        throw new AssertionError("no channel " + label + " in " + e.channels());
    }

    private static int[] ints(JsonNode n) {
        int[] v = new int[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asInt();
        }
        return v;
    }
}
