package org.mistudio.models.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mistudio.dsp.decode.CspLda;
import org.mistudio.dsp.evaluation.Metrics;
import org.mistudio.dsp.evaluation.Split;
import org.mistudio.dsp.evaluation.StratifiedKFold;
import org.mistudio.models.net.Networks;
import org.mistudio.models.train.EegTrainer;
import org.mistudio.models.train.ProgressListener;
import org.mistudio.models.train.TrainedNetwork;
import org.mistudio.models.train.TrainingSettings;

/**
 * The comparison paper's evaluation on EEGMMIDB left- versus right-fist imagery (Köllőd et al. 2023), resumable.
 *
 * <ul>
 *   <li>within: per subject, stratified 5-fold cross-validation over trials (seeded shuffle); each network trains
 *       on four folds (20 % of them held out for early stopping) and is tested on the fifth;</li>
 *   <li>transfer: the selected subjects are split into consecutive groups of {@code holdout}; per subject, the
 *       network is pre-trained on the trials of every subject outside its group, then fine-tuned on the same four
 *       folds and tested on the same fifth (the paper holds out groups of 10 subjects; holdout 1 is
 *       leave-one-subject-out);</li>
 *   <li>csp-lda (classical): CSP (4 components, log-variance) + LDA on the 8-30 Hz copy of the same trials and
 *       folds.</li>
 * </ul>
 * One 4 s window (512 samples at 128 Hz) per trial; the paper slides 2 s windows with a 0.1 s step, which multiplies
 * the training cost by 21.
 */
public final class PaperBenchmark {

    public static final List<String> NETWORKS = Networks.NAMES;
    public static final String CSP_LDA = "csp-lda";
    public static final int FOLDS = 5;

    /** Progress: called before and after each unit. */
    public interface Listener {
        void unitStarted(int index, int total, String key);

        void unitFinished(int index, int total, BenchResult result, boolean resumed);

        default void note(String message) {
        }
    }

    /**
     * @param root     EEGMMIDB root (S001/S001R04.edf ...)
     * @param subjects subject numbers
     * @param models   network names and/or "csp-lda"
     * @param protocols "within" and/or "transfer"
     * @param settings training settings (the seed also shuffles the folds)
     * @param store    finished units (skipped)
     * @param work     where pre-trained parameters are cached
     * @param faster   clean the networks' epochs with FASTER ({@link SubjectData#load(Path, int, boolean)})
     * @param crops    sliding windows for the networks, or null for one window per trial
     * @param holdout  transfer: subjects per held-out group, consecutive in {@code subjects} order
     */
    public record Plan(Path root, List<Integer> subjects, List<String> models, List<String> protocols,
                       TrainingSettings settings, ResultStore store, Path work, boolean faster, Crops crops,
                       int holdout) {
        public Plan {
            if (protocols.contains("transfer") && (holdout < 1 || holdout >= subjects.size())) {
                throw new IllegalArgumentException("transfer: the held-out group must have 1 to "
                        + (subjects.size() - 1) + " of the " + subjects.size() + " subjects, so that some remain "
                        + "to pre-train on; got " + holdout);
            }
        }

        /** The subjects held out from pre-training together with {@code target} (target included). */
        List<Integer> group(int target) {
            int i = subjects.indexOf(target);
            int from = i / holdout * holdout;
            return subjects.subList(from, Math.min(subjects.size(), from + holdout));
        }
    }

    /**
     * The comparison paper's sliding windows (Köllőd et al. 2023, kolcs/bionic_apps defaults: 2 s windows every 0.1 s
     * of the 0-4 s epoch): networks train on every window of their training trials and label each test window; a
     * test trial's decision is the mean of its windows' class probabilities. Folds stay split by trial, so the
     * windows of one trial are never on both sides. CSP+LDA keeps the whole epoch.
     *
     * @param length window length in samples
     * @param step   samples between window starts
     */
    public record Crops(int length, int step) {
        public Crops {
            if (length < 1 || step < 1) {
                throw new IllegalArgumentException("windows: length and step must be at least one sample, got "
                        + length + " and " + step);
            }
        }

        /** The windows of one trial: starts 0, step, 2 step, ... while the window fits. */
        public float[][][] of(float[][] trial) {
            int n = trial[0].length;
            if (n < length) {
                throw new IllegalArgumentException("windows: a " + length + "-sample window does not fit a "
                        + n + "-sample trial");
            }
            int count = (n - length) / step + 1;
            float[][][] out = new float[count][trial.length][];
            for (int k = 0; k < count; k++) {
                for (int c = 0; c < trial.length; c++) {
                    out[k][c] = java.util.Arrays.copyOfRange(trial[c], k * step, k * step + length);
                }
            }
            return out;
        }

        /** Every window of every trial, in trial order, with the trial's label. */
        Windows expand(float[][][] trials, int[] y) {
            List<float[][]> x = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int i = 0; i < trials.length; i++) {
                for (float[][] w : of(trials[i])) {
                    x.add(w);
                    labels.add(y[i]);
                }
            }
            return new Windows(x.toArray(new float[0][][]), labels.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Training windows and their labels. */
    record Windows(float[][][] x, int[] y) {
    }

    private PaperBenchmark() {
    }

    public static List<BenchResult> run(Plan plan, Listener listener) throws IOException {
        Map<Integer, SubjectData> data = new LinkedHashMap<>();
        for (int s : plan.subjects()) {
            listener.note("loading S" + String.format("%03d", s));
            data.put(s, SubjectData.load(plan.root(), s, plan.faster()));
        }
        List<String> units = new ArrayList<>();
        for (String protocol : plan.protocols()) {
            for (String model : plan.models()) {
                if (protocol.equals("transfer") && model.equals(CSP_LDA)) {
                    continue;
                }
                for (int s : plan.subjects()) {
                    for (int f = 0; f < FOLDS; f++) {
                        units.add(data.get(s).subject() + "/" + model + "/" + protocol + "/" + f);
                    }
                }
            }
        }
        int index = 0;
        for (String protocol : plan.protocols()) {
            for (String model : plan.models()) {
                if (protocol.equals("transfer") && model.equals(CSP_LDA)) {
                    continue;
                }
                for (int s : plan.subjects()) {
                    SubjectData d = data.get(s);
                    List<Split> folds = folds(d.y(), plan.settings().seed());
                    byte[] pretrained = null;
                    for (int f = 0; f < FOLDS; f++) {
                        String key = d.subject() + "/" + model + "/" + protocol + "/" + f;
                        index++;
                        if (plan.store().has(key)) {
                            listener.unitFinished(index, units.size(), null, true);
                            continue;
                        }
                        listener.unitStarted(index, units.size(), key);
                        if (protocol.equals("transfer") && pretrained == null) {
                            try {
                                pretrained = pretrain(plan, data, s, model, listener);
                            } catch (IllegalStateException e) {
                                listener.note(key + " FAILED in pre-training: " + e.getMessage());
                                continue;
                            }
                        }
                        BenchResult r;
                        try {
                            r = unit(d, model, protocol, f, folds.get(f), plan.settings(), pretrained, plan.crops());
                        } catch (IllegalStateException e) {
                            // A failed training (e.g. a non-finite loss) is reported and not stored, so a rerun
                            // tries the unit again; the table counts only finished units.
                            listener.note(key + " FAILED: " + e.getMessage());
                            continue;
                        }
                        plan.store().add(r);
                        listener.unitFinished(index, units.size(), r, false);
                    }
                }
            }
        }
        return plan.store().all();
    }

    /** Stratified folds over a seeded permutation of the trials (StratifiedKFold itself does not shuffle). */
    static List<Split> folds(int[] y, long seed) {
        int[] perm = new int[y.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = perm.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] yp = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            yp[i] = y[perm[i]];
        }
        List<Split> out = new ArrayList<>();
        for (Split s : new StratifiedKFold(FOLDS).split(yp)) {
            out.add(new Split(map(s.train(), perm), map(s.test(), perm)));
        }
        return out;
    }

    private static int[] map(int[] idx, int[] perm) {
        int[] o = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            o[i] = perm[idx[i]];
        }
        return o;
    }

    private static BenchResult unit(SubjectData d, String model, String protocol, int fold, Split split,
                                    TrainingSettings settings, byte[] pretrained, Crops crops) {
        int[] tr = split.train();
        int[] te = split.test();
        int[] yTest = pick(d.y(), te);
        long t0 = System.nanoTime();
        int[] pred;
        int epochs = 0;
        int windowCorrect = 0;
        int windowTested = 0;
        if (model.equals(CSP_LDA)) {
            CspLda.Model m = CspLda.defaults().fit(pick(d.csp(), tr), pick(d.y(), tr));
            pred = m.predict(pick(d.csp(), te));
        } else {
            float[][][] x = pick(d.networks(), tr);
            int[] y = pick(d.y(), tr);
            if (crops != null) {
                Windows w = crops.expand(x, y);
                x = w.x();
                y = w.y();
            }
            try (TrainedNetwork t = EegTrainer.fit(Networks.create(model, x[0].length, x[0][0].length, 2),
                    x, y, settings, ProgressListener.none(), pretrained)) {
                epochs = t.history().size();
                if (crops == null) {
                    pred = t.predict(pick(d.networks(), te));
                } else {
                    pred = new int[te.length];
                    for (int i = 0; i < te.length; i++) {
                        float[][] p = t.predictProbabilities(crops.of(d.networks()[te[i]]));
                        double[] mean = new double[p[0].length];
                        for (float[] row : p) {
                            int best = 0;
                            for (int c = 0; c < row.length; c++) {
                                mean[c] += row[c] / p.length;
                                best = row[c] > row[best] ? c : best;
                            }
                            windowCorrect += best == yTest[i] ? 1 : 0;
                            windowTested++;
                        }
                        for (int c = 1; c < mean.length; c++) {
                            pred[i] = mean[c] > mean[pred[i]] ? c : pred[i];
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int correct = 0;
        for (int i = 0; i < pred.length; i++) {
            correct += pred[i] == yTest[i] ? 1 : 0;
        }
        return new BenchResult(d.subject(), model, protocol, fold, correct, yTest.length,
                Metrics.cohenKappa(yTest, pred), seconds, epochs, windowCorrect, windowTested);
    }

    /**
     * The network pre-trained on every selected subject outside {@code target}'s held-out group; cached on disk for
     * reruns and for the group's other subjects.
     */
    private static byte[] pretrain(Plan plan, Map<Integer, SubjectData> data, int target, String model,
                                   Listener listener) throws IOException {
        List<Integer> group = plan.group(target);
        StringBuilder without = new StringBuilder();
        for (int g : group) {
            without.append(without.length() == 0 ? "" : "-").append(data.get(g).subject());
        }
        Path cache = plan.work().resolve("pretrained").resolve(model + "-without-" + without + "-seed"
                + plan.settings().seed() + ".params");
        if (Files.exists(cache)) {
            return Files.readAllBytes(cache);
        }
        List<float[][]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Map.Entry<Integer, SubjectData> e : data.entrySet()) {
            if (group.contains(e.getKey())) {
                continue;
            }
            for (int i = 0; i < e.getValue().y().length; i++) {
                x.add(e.getValue().networks()[i]);
                y.add(e.getValue().y()[i]);
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("transfer learning needs at least two subjects");
        }
        listener.note("pre-training " + model + " on " + x.size() + " trials of the subjects outside " + without);
        float[][][] xa = x.toArray(new float[0][][]);
        int[] ya = y.stream().mapToInt(Integer::intValue).toArray();
        if (plan.crops() != null) {
            Windows w = plan.crops().expand(xa, ya);
            xa = w.x();
            ya = w.y();
        }
        try (TrainedNetwork t = EegTrainer.fit(Networks.create(model, xa[0].length, xa[0][0].length, 2), xa, ya,
                plan.settings(), ProgressListener.none())) {
            byte[] p = t.parameterBytes();
            Files.createDirectories(cache.getParent());
            Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp");
            Files.write(tmp, p);
            Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return p;
        }
    }

    static int[] pick(int[] v, int[] idx) {
        int[] o = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            o[i] = v[idx[i]];
        }
        return o;
    }

    static float[][][] pick(float[][][] v, int[] idx) {
        float[][][] o = new float[idx.length][][];
        for (int i = 0; i < idx.length; i++) {
            o[i] = v[idx[i]];
        }
        return o;
    }
}
