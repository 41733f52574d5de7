package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mistudio.acquisition.model.Epochs;
import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.decode.CspLda;
import org.mistudio.dsp.decode.FbCspLda;
import org.mistudio.dsp.decode.TangentSpaceLr;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.epoch.EpochingResult;
import org.mistudio.dsp.epoch.TrialProtocol;
import org.mistudio.dsp.evaluation.Evaluation;
import org.mistudio.dsp.evaluation.GroupHoldout;
import org.mistudio.dsp.evaluation.LeaveOneGroupOut;
import org.mistudio.dsp.evaluation.KFold;
import org.mistudio.dsp.evaluation.ShuffleSplit;
import org.mistudio.dsp.evaluation.Splitter;
import org.mistudio.dsp.evaluation.StratifiedKFold;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio classify}: cross-validated decoding with the full metric report. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Cross-validated classification of cued trials. Runs are joined in the order given "
                + "(as MNE's concatenate_raws).",
                "csp-lda: MNE's motor-imagery example (7-30 Hz FIR per run, 1-2 s after the cue, CSP 4 log-power "
                        + "components, LDA).",
                "psd-lda: HappyFeat-style PSD features (1-4 s, 0.25 s windows every 0.161 s, 1 Hz bins) into "
                        + "shrinkage LDA (Ledoit-Wolf); --features picks them, --auto N ranks by |r²| inside each "
                        + "training fold.",
                "fbcsp-lda: filter-bank CSP (Ang et al. 2008): Butterworth order 4 zero-phase bands 4-8, 8-12, ..., "
                        + "36-40 Hz on unfiltered 0-4 s epochs, CSP 2 pairs per band on 0.5-2.5 s after the cue, all "
                        + "36 log-variance features into shrinkage LDA (Ledoit-Wolf).",
                "ts-lr: Riemannian tangent space at the training mean + L2 logistic regression (Barachant et al. "
                        + "2012), two classes, on the csp-lda trials.",
                "--protocol cross-session: files grouped by run (R<nn> in the file name, else file order); with "
                        + "--test-runs the other runs train, without it each run is left out in turn. "
                        + "--protocol loso: files grouped by subject (S<nnn> in the file name, else the folder), "
                        + "each subject left out in turn. Grouped protocols epoch each file on its own."})
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "recordings (EDF/BDF/GDF), joined in order")
    List<Path> files;

    @Option(names = "--classes", required = true, paramLabel = "T1,T2",
            description = "annotation labels (LABEL or LABEL=NAME)")
    String classes;

    @Option(names = "--pipeline", defaultValue = "csp-lda", description = "csp-lda, psd-lda, fbcsp-lda or ts-lr (default ${DEFAULT-VALUE})")
    String pipeline;

    @Option(names = "--features", paramLabel = "C4;13,C3;11:13", description = "psd-lda: channel;Hz or channel;low:high")
    String features;

    @Option(names = "--auto", paramLabel = "N", description = "psd-lda: the N features of largest |r²| (default 3)")
    Integer auto;

    @Option(names = "--method", defaultValue = "welch", description = "psd-lda: welch or burg (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--cv", defaultValue = "kfold:5",
            description = "kfold:N (contiguous, no shuffling, as sklearn KFold), stratified:N or shuffle:N "
                    + "(20 %% test) (default ${DEFAULT-VALUE})")
    String cv;

    @Option(names = "--protocol", defaultValue = "within",
            description = "within (--cv on all trials), cross-session or loso (default ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--test-runs", paramLabel = "R12,...", split = ",",
            description = "cross-session: the runs to test on (R12 or 12); the others train")
    List<String> testRuns;

    @Option(names = "--seed", defaultValue = "42", description = "shuffle-split seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--alpha", defaultValue = "0.05", description = "significance of the chance threshold")
    double alpha;

    @Option(names = "--json", description = "one JSON document; 'accuracy' is the mean over splits")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Test-group names per split, for grouped protocols. */
    private List<String> testGroupNames = List.of();

    private static final Pattern RUN = Pattern.compile("R(\\d+)");
    private static final Pattern SUBJECT = Pattern.compile("^S(\\d+)");

    /** The run number in a file name such as S001R04.edf, or -1. */
    static int runOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Matcher m = RUN.matcher(dot > 0 ? name.substring(0, dot) : name);
        int run = -1;
        while (m.find()) {
            run = Integer.parseInt(m.group(1));
        }
        return run;
    }

    /** The subject of a file: S&lt;digits&gt; at the start of its name, else its folder's name. */
    static String subjectOf(Path file) {
        Matcher m = SUBJECT.matcher(file.getFileName().toString());
        if (m.find()) {
            return "S" + Integer.parseInt(m.group(1));
        }
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    /** Group splitter for cross-session/loso from the file index of every trial. */
    private Splitter groupSplitter(int[] fileOfTrial) {
        int[] groupOfFile = new int[files.size()];
        TreeMap<Integer, String> names = new TreeMap<>();
        if (protocol.equals("cross-session")) {
            for (int f = 0; f < files.size(); f++) {
                int run = runOf(files.get(f));
                groupOfFile[f] = run >= 0 ? run : 1000 + f;
                names.put(groupOfFile[f], run >= 0 ? String.format(Locale.ROOT, "R%02d", run) : "file " + (f + 1));
            }
        } else {
            Map<String, Integer> ids = new LinkedHashMap<>();
            for (int f = 0; f < files.size(); f++) {
                String subject = subjectOf(files.get(f));
                groupOfFile[f] = ids.computeIfAbsent(subject, k -> ids.size());
                names.put(groupOfFile[f], subject);
            }
        }
        int[] groups = new int[fileOfTrial.length];
        for (int t = 0; t < groups.length; t++) {
            groups[t] = groupOfFile[fileOfTrial[t]];
        }
        if (names.size() < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--protocol " + protocol + ": the files hold "
                    + "only one " + (protocol.equals("loso") ? "subject " : "run ") + names.values()
                    + "; at least 2 are needed");
        }
        if (testRuns != null) {
            TreeSet<Integer> test = new TreeSet<>();
            for (String r : testRuns) {
                String t = r.trim().toUpperCase(Locale.ROOT);
                try {
                    test.add(Integer.parseInt(t.startsWith("R") ? t.substring(1) : t));
                } catch (NumberFormatException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--test-runs: expected R12 or 12, "
                            + "got '" + r + "'");
                }
            }
            for (int g : test) {
                if (!names.containsKey(g)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--test-runs: run " + g
                            + " is not among the files' runs " + names.values());
                }
            }
            if (test.size() == names.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--test-runs: no run left to train on");
            }
            testGroupNames = List.of(test.stream().map(names::get).toList().toString());
            return GroupHoldout.testOn(groups, test);
        }
        testGroupNames = List.copyOf(names.values());
        return new LeaveOneGroupOut(groups);
    }

    private Splitter splitter() {
        String[] p = cv.toLowerCase(Locale.ROOT).split(":");
        int n;
        try {
            n = p.length == 2 ? Integer.parseInt(p[1].trim()) : -1;
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || !(p[0].equals("kfold") || p[0].equals("stratified") || p[0].equals("shuffle"))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--cv: expected kfold:N, stratified:N or shuffle:N, got '" + cv + "'");
        }
        switch (p[0]) {
            case "kfold":
                return new KFold(n);
            case "stratified":
                return new StratifiedKFold(n);
            default:
                return new ShuffleSplit(n, 0.2, seed);
        }
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        String pipe = pipeline.toLowerCase(Locale.ROOT);
        if (!List.of("csp-lda", "psd-lda", "fbcsp-lda", "ts-lr").contains(pipe)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pipeline: expected csp-lda, psd-lda, "
                    + "fbcsp-lda or ts-lr, got '" + pipeline + "'");
        }
        protocol = protocol.toLowerCase(Locale.ROOT);
        if (!List.of("within", "cross-session", "loso").contains(protocol)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--protocol: expected within, cross-session "
                    + "or loso, got '" + protocol + "'");
        }
        boolean grouped = !protocol.equals("within");
        if (grouped && spec.commandLine().getParseResult().hasMatchedOption("--cv")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cv applies to --protocol within only; "
                    + protocol + " splits by " + (protocol.equals("loso") ? "subject" : "run"));
        }
        if (testRuns != null && !protocol.equals("cross-session")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--test-runs applies to --protocol "
                    + "cross-session only");
        }
        if (features != null && auto != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--features and --auto exclude each other");
        }
        if (!pipe.equals("psd-lda") && (features != null || auto != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--features/--auto apply to psd-lda only");
        }
        if (auto != null && auto < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--auto: must be at least 1, got " + auto);
        }
        PsdFeatures.Method m = R2mapCommand.method(spec.commandLine(), method);
        List<Feature> manual = features == null ? List.of() : Feature.parseList(features);
        Map<String, String> mapping = ClassMapping.parse(classes);
        Splitter splitter = grouped ? null : splitter();
        Trials.Grouped perFile = null;
        if (grouped) {
            TrialProtocol tp = pipe.equals("csp-lda") || pipe.equals("ts-lr") ? Trials.csp(mapping)
                    : Trials.spectra(mapping);
            perFile = Trials.perFile(files, tp, mapping);
            splitter = groupSplitter(perFile.file());
        }
        Evaluation.Report report;
        EpochingResult cut;
        List<String> names = new ArrayList<>();
        String description;
        if (pipe.equals("ts-lr")) {
            cut = grouped ? perFile.cut() : Trials.forCsp(files, mapping);
            Epochs e = cut.epochs();
            int[] y = ClassLabels.encodeNames(e.labels(), names);
            report = Evaluation.run(TangentSpaceLr.defaults(), e.data(), y, splitter, (d, idx) -> {
                float[][][] s = new float[idx.length][][];
                for (int i = 0; i < idx.length; i++) {
                    s[i] = d[idx[i]];
                }
                return s;
            }, alpha);
            description = "Riemannian tangent space + logistic regression (C 1) on 7-30 Hz FIR, 1-2 s after the cue";
        } else if (pipe.equals("csp-lda") || pipe.equals("fbcsp-lda")) {
            boolean fb = pipe.equals("fbcsp-lda");
            cut = grouped ? perFile.cut() : fb ? Trials.forSpectra(files, mapping) : Trials.forCsp(files, mapping);
            Epochs e = cut.epochs();
            int[] y = ClassLabels.encodeNames(e.labels(), names);
            double fs = e.samplingRate();
            // fbcsp: epochs start at the cue (tmin 0), CSP window 0.5-2.5 s as Ang et al. 2008
            org.mistudio.dsp.decode.Classifier<float[][][]> clf = fb
                    ? FbCspLda.defaults(fs, (int) Math.round(0.5 * fs), (int) Math.round(2.5 * fs))
                    : CspLda.defaults();
            report = Evaluation.run(clf, e.data(), y, splitter, (d, idx) -> {
                float[][][] s = new float[idx.length][][];
                for (int i = 0; i < idx.length; i++) {
                    s[i] = d[idx[i]];
                }
                return s;
            }, alpha);
            description = fb ? "FBCSP (9 Butterworth bands 4-40 Hz, 2 CSP pairs each, 0.5-2.5 s after the cue) "
                    + "+ shrinkage LDA" : "CSP(4, log) + LDA (svd) on 7-30 Hz FIR, 1-2 s after the cue";
        } else {
            cut = grouped ? perFile.cut() : Trials.forSpectra(files, mapping);
            FeatureTensor psd = PsdFeatures.happyFeat(m).extract(cut.epochs());
            FeatureSelection.validate(psd, manual);
            int[] y = ClassLabels.encodeNames(psd.labels(), names);
            int n = auto == null ? 3 : auto;
            FeatureSelection.Selected clf = new FeatureSelection.Selected(manual, manual.isEmpty() ? n : 0, 1, 40,
                    Lda.lsqrAuto());
            report = Evaluation.run(clf, psd, y, splitter, FeatureTensor::subset, alpha);
            description = (manual.isEmpty() ? "top " + n + " |r²| features per training fold" : "features " + manual)
                    + ", " + m.name().toLowerCase(Locale.ROOT) + " PSD, shrinkage LDA (Ledoit-Wolf)";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        print(report, names, cut, description, seconds);
        return 0;
    }

    private void print(Evaluation.Report r, List<String> names, EpochingResult cut, String description,
                       double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        double[] precision = r.classes().precision();
        double[] recall = r.classes().recall();
        double[] f1 = r.classes().f1();
        int[] support = r.classes().support();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("files", files.stream().map(Path::toString).toList());
            doc.put("pipeline", pipeline.toLowerCase(Locale.ROOT));
            doc.put("description", description);
            doc.put("protocol", protocol);
            doc.put("cv", protocol.equals("within") ? cv : null);
            if (!testGroupNames.isEmpty()) {
                doc.put("test_groups", testGroupNames);
            }
            doc.put("trials", cut.epochs().trialCount());
            doc.put("dropped", cut.dropped().size());
            doc.put("classes", names);
            doc.put("accuracy", r.accuracy());
            doc.put("accuracy_std", r.accuracyStd());
            doc.put("fold_accuracy", r.foldAccuracy());
            doc.put("kappa", r.kappa());
            doc.put("confusion_matrix", r.confusion().counts());
            Map<String, Object> per = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("precision", precision[k]);
                c.put("recall", recall[k]);
                c.put("f1", f1[k]);
                c.put("support", support[k]);
                per.put(names.get(k), c);
            }
            doc.put("per_class", per);
            doc.put("roc_auc", Double.isNaN(r.rocAuc()) ? null : r.rocAuc());
            doc.put("chance_level", r.chance());
            doc.put("chance_threshold", r.chanceThreshold());
            doc.put("chance_alpha", alpha);
            doc.put("test_trials", r.distinctTestTrials());
            doc.put("improvement_from_chance_pp", r.improvementFromChance());
            doc.put("seconds", seconds);
            Json.print(out, doc);
            return;
        }
        out.printf(Locale.ROOT, "%s; %d trials (%d dropped), %s%n", description, cut.epochs().trialCount(),
                cut.dropped().size(), protocol.equals("within") ? "cv " + cv
                        : protocol + ", test groups " + testGroupNames);
        out.printf(Locale.ROOT, "accuracy %.4f ± %.4f (mean ± sd over %d splits), kappa %.4f%s%n", r.accuracy(),
                r.accuracyStd(), r.foldAccuracy().length, r.kappa(),
                Double.isNaN(r.rocAuc()) ? "" : String.format(Locale.ROOT, ", ROC-AUC %.4f", r.rocAuc()));
        out.printf(Locale.ROOT, "chance %.3f; significant above %.3f (binomial, alpha %s, %d test trials)%n",
                r.chance(), r.chanceThreshold(), alpha, r.distinctTestTrials());
        out.printf(Locale.ROOT, "%-14s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support");
        for (int k = 0; k < names.size(); k++) {
            out.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f %8d%n", names.get(k), precision[k], recall[k], f1[k],
                    support[k]);
        }
        out.println("confusion matrix (rows true, columns predicted, order " + names + "):");
        for (int[] row : r.confusion().counts()) {
            StringBuilder b = new StringBuilder();
            for (int v : row) {
                b.append(String.format(Locale.ROOT, " %6d", v));
            }
            out.println(b);
        }
        out.flush();
    }
}
