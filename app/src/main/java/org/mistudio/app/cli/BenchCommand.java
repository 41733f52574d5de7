package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mistudio.models.benchmark.BenchResult;
import org.mistudio.models.benchmark.BenchSummary;
import org.mistudio.models.benchmark.PaperBenchmark;
import org.mistudio.models.benchmark.ResultStore;
import org.mistudio.models.benchmark.SubjectData;
import org.mistudio.models.train.EarlyStopping;
import org.mistudio.models.train.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"The EEGNet-family comparison (Köllőd et al. 2023) on EEGMMIDB left vs right imagined fist: "
                + "per network (and CSP+LDA) the mean and per-subject accuracy, improvement from chance, the effect "
                + "of transfer learning and the training time.",
                "Resumable: every finished subject x model x protocol x fold is appended to RESULTS/results.jsonl "
                        + "and skipped when the command is run again."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, paramLabel = "eegmmidb:DIR",
            description = "EEGMMIDB root holding S001/S001R04.edf ...")
    String dataset;

    @Option(names = "--subjects", defaultValue = "1-9", description = "subject numbers, e.g. 1-9 or 1,3,5 (default ${DEFAULT-VALUE})")
    String subjects;

    @Option(names = "--models", defaultValue = "all", description = "networks: all or a list of eegnet, shallow, deep, "
            + "eegnet-fusion, mi-eegnet (default ${DEFAULT-VALUE})")
    String models;

    @Option(names = "--classical", defaultValue = "csp-lda", description = "classical pipelines: csp-lda or none "
            + "(default ${DEFAULT-VALUE})")
    String classical;

    @Option(names = "--protocol", defaultValue = "within,transfer", description = "within and/or transfer "
            + "(default ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--epochs", defaultValue = "500", description = "epoch limit per training (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--patience", defaultValue = "15", description = "early-stopping patience (default ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--stopping", defaultValue = "paper", description = "early stopping: paper (the paper code's "
            + "rule: patience counts only once the validation loss is back below its first-epoch value, giving up "
            + "after 100 epochs; keeps the epoch of best validation accuracy, then of lower loss at no lower "
            + "accuracy) or best-loss (patience from the start, lowest validation loss kept) (default ${DEFAULT-VALUE})")
    String stopping;

    @Option(names = "--holdout", defaultValue = "1", description = "transfer: subjects held out of pre-training "
            + "together, consecutive in --subjects order (default ${DEFAULT-VALUE}: leave-one-subject-out; the "
            + "paper held out 10)")
    int holdout;

    @Option(names = "--seed", defaultValue = "42", description = "seed of folds, initialisation and batches (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--results", defaultValue = "mistudio-bench", paramLabel = "DIR",
            description = "where finished units and pre-trained networks are kept (default ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the table and every unit as JSON")
    Path json;

    @Option(names = "--faster", description = "clean the networks' epochs with FASTER (the paper's pipeline; "
            + "stage 2's rejected trials are dropped for every model)")
    boolean faster;

    @Option(names = "--windows", paramLabel = "SECONDS:STEP", description = "train and test the networks on "
            + "sliding windows of each 0-4 s epoch, e.g. 2:0.1 (the paper's); a trial's decision is the mean of its "
            + "windows' probabilities (default: one 4 s window)")
    String windows;

    @Option(names = "--report", description = "print the table of the units already finished in RESULTS; train nothing")
    boolean report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (!dataset.startsWith("eegmmidb:")) {
            throw new CommandLine.ParameterException(cl, "--dataset: expected eegmmidb:DIR, got '" + dataset + "'");
        }
        Path root = Path.of(dataset.substring("eegmmidb:".length()));
        if (!Files.isDirectory(root)) {
            throw new CommandLine.ParameterException(cl, "--dataset: " + root + " is not a directory");
        }
        List<Integer> subs = parseSubjects(cl, subjects);
        List<String> modelList = new ArrayList<>();
        if (models.equalsIgnoreCase("all")) {
            modelList.addAll(PaperBenchmark.NETWORKS);
        } else if (!models.equalsIgnoreCase("none")) {
            for (String m : models.split(",")) {
                String n = m.strip().toLowerCase(Locale.ROOT);
                if (!PaperBenchmark.NETWORKS.contains(n)) {
                    throw new CommandLine.ParameterException(cl, "--models: unknown network '" + m + "', expected "
                            + String.join(", ", PaperBenchmark.NETWORKS));
                }
                modelList.add(n);
            }
        }
        if (classical.equalsIgnoreCase(PaperBenchmark.CSP_LDA)) {
            modelList.add(PaperBenchmark.CSP_LDA);
        } else if (!classical.equalsIgnoreCase("none")) {
            throw new CommandLine.ParameterException(cl, "--classical: expected csp-lda or none, got '" + classical + "'");
        }
        List<String> protocols = new ArrayList<>();
        for (String p : protocol.split(",")) {
            String n = p.strip().toLowerCase(Locale.ROOT);
            if (!n.equals("within") && !n.equals("transfer")) {
                throw new CommandLine.ParameterException(cl, "--protocol: expected within and/or transfer, got '" + p + "'");
            }
            protocols.add(n);
        }
        if (protocols.contains("transfer") && subs.size() < 2) {
            throw new CommandLine.ParameterException(cl, "--protocol transfer needs at least two subjects");
        }
        if (protocols.contains("transfer") && (holdout < 1 || holdout >= subs.size())) {
            throw new CommandLine.ParameterException(cl, "--holdout: with " + subs.size() + " subjects the held-out "
                    + "group must have 1 to " + (subs.size() - 1) + " of them, got " + holdout);
        }
        EarlyStopping.Rule rule = parseStopping(cl, stopping);
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(epochs).withPatience(patience).withSeed(seed)
                .withStopping(rule);
        PaperBenchmark.Crops crops = windows == null ? null : parseWindows(cl, windows);
        // Folders of earlier versions hold best-loss results without a holdout: their name stays "band-pass".
        String pipeline = ResultStore.DEFAULT_PIPELINE + (faster ? "+faster" : "")
                + (crops == null ? "" : "+windows" + crops.length() + ":" + crops.step())
                + (rule == EarlyStopping.Rule.PAPER ? "+paper-stopping" : "")
                + (holdout == 1 ? "" : "+holdout" + holdout);
        ResultStore store;
        try {
            store = new ResultStore(results, pipeline);
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(cl, "--results: " + e.getMessage());
        }
        PrintWriter err = cl.getErr();
        long started = System.nanoTime();
        PaperBenchmark.Listener progress = new PaperBenchmark.Listener() {
            @Override
            public void unitStarted(int index, int total, String key) {
                err.printf(Locale.ROOT, "%s %s ...%n", bar(index - 1, total), key);
                err.flush();
            }

            @Override
            public void unitFinished(int index, int total, BenchResult r, boolean resumed) {
                if (r != null) {
                    err.printf(Locale.ROOT, "%s %s: accuracy %.3f (%d/%d), %.1f s, %d epochs, elapsed %.0f s%n",
                            bar(index, total), r.key(), r.accuracy(), r.correct(), r.tested(), r.seconds(), r.epochs(),
                            (System.nanoTime() - started) / 1e9);
                    err.flush();
                }
            }

            @Override
            public void note(String message) {
                err.println(message);
                err.flush();
            }
        };
        List<BenchResult> all = report ? store.all() : PaperBenchmark.run(new PaperBenchmark.Plan(root, subs,
                modelList, protocols, settings, store, results, faster, crops, holdout), progress);
        List<BenchResult> selected = new ArrayList<>();
        for (BenchResult r : all) {
            if (modelList.contains(r.model()) && protocols.contains(r.protocol())
                    && subs.contains(Integer.parseInt(r.subject().substring(1)))) {
                selected.add(r);
            }
        }
        List<BenchSummary> table = BenchSummary.of(selected, modelList);
        PrintWriter out = cl.getOut();
        out.println("pipeline: " + describe(faster, crops) + "; " + describeTraining(rule, patience, holdout));
        out.println(format(table, subs));
        if (crops != null) {
            out.println(windowAccuracy(selected));
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dataset", "EEGMMIDB runs 4, 8, 12, T1 = left fist, T2 = right fist");
            doc.put("pipeline", describe(faster, crops));
            doc.put("folds", PaperBenchmark.FOLDS);
            doc.put("training", describeTraining(rule, patience, holdout));
            doc.put("settings", Map.of("epochs", epochs, "patience", patience, "seed", seed,
                    "stopping", rule.cliName(), "holdout", holdout));
            doc.put("table", table);
            doc.put("units", selected);
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), doc);
        }
        return 0;
    }

    static String describe(boolean faster, PaperBenchmark.Crops crops) {
        return "1-45 Hz zero-phase Butterworth order 5 (CSP+LDA: 8-30 Hz), 128 Hz, epochs 0-4 s"
                + (faster ? "; FASTER (|z| > 3, 2 iterations, average reference) on the networks' epochs, its "
                + "rejected trials dropped for all models" : "; no artifact rejection")
                + (crops == null ? "" : String.format(Locale.ROOT, "; networks on %d-sample windows (%.3f s) every "
                + "%d samples (%.3f s), a trial decided by the mean of its windows' probabilities", crops.length(),
                crops.length() / SubjectData.RATE, crops.step(), crops.step() / SubjectData.RATE));
    }

    static String describeTraining(EarlyStopping.Rule rule, int patience, int holdout) {
        return "Adam 1e-3, batch 32, 20 % validation split, "
                + (rule == EarlyStopping.Rule.PAPER ? "the paper code's early stopping" : "early stopping on the "
                + "lowest validation loss") + " with patience " + patience + "; transfer: "
                + (holdout == 1 ? "leave-one-subject-out pre-training" : "pre-training without each group of "
                + holdout + " consecutive subjects");
    }

    /** {@code --stopping} of {@code bench} and {@code train}: best-loss or paper. */
    static EarlyStopping.Rule parseStopping(CommandLine cl, String s) {
        try {
            return EarlyStopping.Rule.parse(s);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--stopping: " + e.getMessage());
        }
    }

    /** Sliding windows of {@code s} = "SECONDS:STEP" at the benchmark's 128 Hz, rounded to whole samples. */
    static PaperBenchmark.Crops parseWindows(CommandLine cl, String s) {
        String[] p = s.split(":");
        try {
            if (p.length == 2) {
                double len = Double.parseDouble(p[0]);
                double step = Double.parseDouble(p[1]);
                int n = (int) Math.round(len * SubjectData.RATE);
                int k = (int) Math.round(step * SubjectData.RATE);
                int epoch = (int) Math.round(4 * SubjectData.RATE);
                if (n >= 1 && n <= epoch && k >= 1) {
                    return new PaperBenchmark.Crops(n, k);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(cl, "--windows: expected SECONDS:STEP with a window of at most 4 s "
                + "and a step of at least one sample (1/128 s), e.g. 2:0.1, got '" + s + "'");
    }

    /** Windows classified correctly, pooled over the finished units of each model and protocol. */
    static String windowAccuracy(List<BenchResult> units) {
        Map<String, int[]> pooled = new LinkedHashMap<>();
        for (BenchResult r : units) {
            if (r.windowTested() > 0) {
                int[] c = pooled.computeIfAbsent(r.model() + " " + r.protocol(), k -> new int[2]);
                c[0] += r.windowCorrect();
                c[1] += r.windowTested();
            }
        }
        StringBuilder b = new StringBuilder("window accuracy (each window on its own):");
        for (Map.Entry<String, int[]> e : pooled.entrySet()) {
            b.append(String.format(Locale.ROOT, "  %s %.1f %% of %d", e.getKey(), 100.0 * e.getValue()[0]
                    / e.getValue()[1], e.getValue()[1]));
        }
        return b.toString();
    }

    static String format(List<BenchSummary> table, List<Integer> subjects) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-14s %-9s %6s %8s %7s %9s %8s %9s %8s %7s %8s  %s%n", "model", "protocol",
                "folds", "mean %", "sd", "vs chance", "p", "transfer", "p", "kappa", "s/fold", "per subject %"));
        for (BenchSummary r : table) {
            StringBuilder per = new StringBuilder();
            for (Map.Entry<String, Double> e : r.subjectAccuracy().entrySet()) {
                per.append(String.format(Locale.ROOT, "%s %.1f  ", e.getKey(), 100 * e.getValue()));
            }
            b.append(String.format(Locale.ROOT, "%-14s %-9s %6d %8.1f %7.1f %+9.1f %8s %9s %8s %7.3f %8.1f  %s%n",
                    r.model(), r.protocol(), r.foldsDone(), 100 * r.mean(), 100 * r.sd(), r.improvementPp(),
                    pValue(r.pAboveChance()),
                    Double.isNaN(r.transferEffectPp()) ? "-" : String.format(Locale.ROOT, "%+.1f", r.transferEffectPp()),
                    pValue(r.pTransfer()), r.meanKappa(), r.secondsPerFold(), per.toString().strip()));
        }
        b.append("vs chance: mean accuracy minus 50 % in percentage points; transfer: transfer minus within-subject "
                + "accuracy (Köllőd et al. 2023's two metrics, as we read them); p: one-sided t-test of the subjects' "
                + "accuracies against 50 %, and two-sided paired t-test of transfer against within, over subjects");
        return b.toString();
    }

    private static String pValue(double p) {
        return Double.isNaN(p) ? "-" : p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String bar(int done, int total) {
        int width = 24;
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total;
    }

    static List<Integer> parseSubjects(CommandLine cl, String s) {
        List<Integer> out = new ArrayList<>();
        try {
            for (String part : s.split(",")) {
                String p = part.strip();
                int dash = p.indexOf('-');
                if (dash > 0) {
                    int a = Integer.parseInt(p.substring(0, dash));
                    int z = Integer.parseInt(p.substring(dash + 1));
                    for (int i = a; i <= z; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, "--subjects: expected numbers and ranges like 1-9 or 1,3,5, got '"
                    + s + "'");
        }
        for (int v : out) {
            if (v < 1 || v > 109) {
                throw new CommandLine.ParameterException(cl, "--subjects: EEGMMIDB subjects are 1 to 109, got " + v);
            }
        }
        return out;
    }
}
