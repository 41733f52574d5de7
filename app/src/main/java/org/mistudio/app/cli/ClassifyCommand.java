package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.model.Epochs;
import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.decode.CspLda;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.epoch.EpochingResult;
import org.mistudio.dsp.evaluation.Evaluation;
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
                        + "training fold."})
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "recordings (EDF/BDF/GDF), joined in order")
    List<Path> files;

    @Option(names = "--classes", required = true, paramLabel = "T1,T2",
            description = "annotation labels (LABEL or LABEL=NAME)")
    String classes;

    @Option(names = "--pipeline", defaultValue = "csp-lda", description = "csp-lda or psd-lda (default ${DEFAULT-VALUE})")
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

    @Option(names = "--seed", defaultValue = "42", description = "shuffle-split seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--alpha", defaultValue = "0.05", description = "significance of the chance threshold")
    double alpha;

    @Option(names = "--json", description = "one JSON document; 'accuracy' is the mean over splits")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        if (!pipe.equals("csp-lda") && !pipe.equals("psd-lda")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pipeline: expected csp-lda or psd-lda, got '"
                    + pipeline + "' (fbcsp-lda and ts-lr are not available yet)");
        }
        if (features != null && auto != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--features and --auto exclude each other");
        }
        if (pipe.equals("csp-lda") && (features != null || auto != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--features/--auto apply to psd-lda only");
        }
        if (auto != null && auto < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--auto: must be at least 1, got " + auto);
        }
        PsdFeatures.Method m = R2mapCommand.method(spec.commandLine(), method);
        List<Feature> manual = features == null ? List.of() : Feature.parseList(features);
        Splitter splitter = splitter();
        Map<String, String> mapping = ClassMapping.parse(classes);
        Evaluation.Report report;
        EpochingResult cut;
        List<String> names = new ArrayList<>();
        String description;
        if (pipe.equals("csp-lda")) {
            cut = Trials.forCsp(files, mapping);
            Epochs e = cut.epochs();
            int[] y = ClassLabels.encodeNames(e.labels(), names);
            report = Evaluation.run(CspLda.defaults(), e.data(), y, splitter, (d, idx) -> {
                float[][][] s = new float[idx.length][][];
                for (int i = 0; i < idx.length; i++) {
                    s[i] = d[idx[i]];
                }
                return s;
            }, alpha);
            description = "CSP(4, log) + LDA (svd) on 7-30 Hz FIR, 1-2 s after the cue";
        } else {
            cut = Trials.forSpectra(files, mapping);
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
            doc.put("cv", cv);
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
        out.printf(Locale.ROOT, "%s; %d trials (%d dropped), cv %s%n", description, cut.epochs().trialCount(),
                cut.dropped().size(), cv);
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
