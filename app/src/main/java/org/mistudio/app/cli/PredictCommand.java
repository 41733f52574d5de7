package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.evaluation.ChanceLevel;
import org.mistudio.dsp.evaluation.Metrics;
import org.mistudio.dsp.filter.Butterworth;
import org.mistudio.dsp.filter.SosFiltering;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.persist.ChannelMap;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelKinds;
import org.mistudio.models.persist.ModelMetadata;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio predict}: a saved model applied to a recording, trial by trial. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Apply a model (.mimodel) to a recording: its channels are found by label and checked "
                + "against the model (names, rate, units), the recording is band-passed causally as in training, and "
                + "each cue of the model's classes gets the prediction of its window [tmin, tmax] s, with the "
                + "accuracy. A recording without such cues gets one prediction per consecutive window."})
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "a .mimodel file")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "FILE", description = "a recording (EDF/BDF/GDF/XDF)")
    Path file;

    @Option(names = "--alpha", defaultValue = "0.05", description = "significance of the chance threshold")
    double alpha;

    @Option(names = "--json", description = "one JSON document")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One window's prediction; {@code truth} null without a labelled cue. */
    record Row(double onset, String truth, String predicted, double[] probabilities) {
    }

    @Override
    public Integer call() throws Exception {
        ModelFile.Contents contents = ModelFile.read(modelFile);
        ModelMetadata md = contents.metadata();
        WindowClassifier clf = ModelKinds.load(contents);
        Recording rec = RecordingFiles.read(file);
        List<String> labels = rec.labels();
        List<String> units = rec.channels().stream().map(ChannelInfo::unit).toList();
        double rate = rateOfModelChannels(rec, md);
        ChannelMap map = ChannelMap.match(md, modelFile.toString(), file.toString(), labels, units, rate);
        for (String w : map.warnings()) {
            spec.commandLine().getErr().println("mistudio: " + file + ": " + w);
        }
        float[][] x = map.apply(rec.samples());
        if (md.filter() != null) {
            x = SosFiltering.sosfilt(Butterworth.bandpass(md.filter().order(), md.filter().lowHz(),
                    md.filter().highHz(), rate), x);
        }
        int n = md.windowSamples();
        int total = x[0].length;
        Map<String, String> cues = new LinkedHashMap<>(md.cueLabels());
        for (String c : md.classNames()) {
            cues.putIfAbsent(c, c);
        }
        List<Row> rows = new ArrayList<>();
        int dropped = 0;
        for (Annotation a : rec.annotations()) {
            String truth = cues.get(a.label());
            if (truth == null) {
                continue;
            }
            long first = Math.round((a.onset() + md.tmin()) * rate);
            if (first < 0 || first + n > total) {
                dropped++;
                continue;
            }
            rows.add(row(clf, x, (int) first, n, a.onset(), truth));
        }
        boolean labelled = !rows.isEmpty() || dropped > 0;
        if (!labelled) {
            for (int first = 0; first + n <= total; first += n) {
                rows.add(row(clf, x, first, n, first / rate, null));
            }
        }
        print(md, rows, labelled, dropped);
        return 0;
    }

    private static Row row(WindowClassifier clf, float[][] x, int first, int n, double onset, String truth) {
        float[][] w = new float[x.length][n];
        for (int c = 0; c < x.length; c++) {
            System.arraycopy(x[c], first, w[c], 0, n);
        }
        double[] p = clf.predictProba(w);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return new Row(onset, truth, clf.classNames().get(best), p);
    }

    /** The rate of the recording's channels that the model uses (the first one found), or the recording's. */
    private static double rateOfModelChannels(Recording rec, ModelMetadata md) {
        for (String c : md.channels()) {
            int i = rec.indexOf(c);
            if (i >= 0) {
                return rec.channels().get(i).samplingRate();
            }
        }
        return rec.channels().get(0).samplingRate();
    }

    private void print(ModelMetadata md, List<Row> rows, boolean labelled, int dropped) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> classes = md.classNames();
        Double accuracy = null;
        Double kappa = null;
        Double threshold = null;
        if (labelled && !rows.isEmpty()) {
            int[] yt = new int[rows.size()];
            int[] yp = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                yt[i] = classes.indexOf(rows.get(i).truth());
                yp[i] = classes.indexOf(rows.get(i).predicted());
            }
            accuracy = Metrics.accuracy(yt, yp);
            kappa = Metrics.cohenKappa(yt, yp);
            threshold = ChanceLevel.threshold(rows.size(), classes.size(), alpha);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", modelFile.toString());
            doc.put("file", file.toString());
            doc.put("kind", md.kind());
            doc.put("classes", classes);
            doc.put("labelled", labelled);
            List<Map<String, Object>> trials = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("onset", r.onset());
                t.put("true", r.truth());
                t.put("predicted", r.predicted());
                t.put("probabilities", r.probabilities());
                trials.add(t);
            }
            doc.put("trials", trials);
            doc.put("dropped", dropped);
            doc.put("accuracy", accuracy);
            doc.put("kappa", kappa);
            doc.put("chance_level", ChanceLevel.of(classes.size()));
            doc.put("chance_threshold", threshold);
            Json.print(out, doc);
            return;
        }
        out.printf(Locale.ROOT, "%10s  %-14s %-14s %s%n", "onset (s)", "true", "predicted", "p(" + String.join(", ", classes) + ")");
        for (Row r : rows) {
            StringBuilder p = new StringBuilder();
            for (double v : r.probabilities()) {
                p.append(String.format(Locale.ROOT, "%s%.3f", p.length() == 0 ? "" : " ", v));
            }
            out.printf(Locale.ROOT, "%10.3f  %-14s %-14s %s%n", r.onset(), r.truth() == null ? "-" : r.truth(),
                    r.predicted(), p);
        }
        if (accuracy != null) {
            out.printf(Locale.ROOT, "accuracy %.4f (%d trials%s), kappa %.4f; chance %.2f, significant above %.3f "
                            + "(binomial, alpha %s)%n", accuracy, rows.size(),
                    dropped > 0 ? ", " + dropped + " cues too close to an edge" : "", kappa, ChanceLevel.of(classes.size()),
                    threshold, alpha);
        } else if (!labelled) {
            out.println("no cue of the model's classes " + md.cueLabels().keySet() + " in the file: one prediction per "
                    + "consecutive window");
        }
        out.flush();
    }
}
