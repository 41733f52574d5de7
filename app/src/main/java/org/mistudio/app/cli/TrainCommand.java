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
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.online.CausalEpoching;
import org.mistudio.models.classical.ClassicalTrainer;
import org.mistudio.models.network.NetworkKind;
import org.mistudio.models.network.NetworkModelTrainer;
import org.mistudio.models.train.ProgressListener;
import org.mistudio.models.train.TrainingSettings;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelMetadata;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio train}: a model for live decoding, saved as a .mimodel file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a decoder on cued trials and save it for `predict` and `live` (.mimodel: model.json "
                + "with channels, rate, filter, window, classes and metrics, plus the parameters).",
                "Each run is band-passed causally (Butterworth, as the live session filters) and one window "
                        + "[tmin, tmax] s after every cue is a trial.",
                "csp-lda: CSP (4 components, log power) + LDA. psd-lda: HappyFeat-style PSD features of the window "
                        + "(--features, or the --auto N cells of largest |r²| in the band) + shrinkage LDA.",
                "Networks train from random weights, or fine-tune an earlier network (--init) or a network "
                        + "pre-trained on other recordings (--pretrain)."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "recordings (EDF/BDF/GDF/XDF) with cue annotations")
    List<Path> files;

    @Option(names = "--classes", required = true, paramLabel = "T1,T2",
            description = "annotation labels of the classes (LABEL or LABEL=NAME)")
    String classes;

    @Option(names = "--model", required = true, paramLabel = "KIND",
            description = "csp-lda, psd-lda, or a network: eegnet, shallow, deep, eegnet-fusion, mi-eegnet")
    String model;

    @Option(names = "--epochs", defaultValue = "500",
            description = "networks: epoch limit (early stopping on the validation loss, default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--patience", defaultValue = "15",
            description = "networks: epochs without improvement before stopping (default ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--stopping", defaultValue = "best-loss", description = "networks: early stopping, best-loss "
            + "(patience from the start, lowest validation loss kept) or paper (the comparison paper code's: patience "
            + "counts once the validation loss is back below its first-epoch value; for small data whose validation "
            + "loss rises first) (default ${DEFAULT-VALUE})")
    String stopping;

    @Option(names = "--batch", defaultValue = "32", description = "networks: batch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seed", defaultValue = "42", description = "networks: seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--init", paramLabel = "MODEL",
            description = "networks: fine-tune from this network model (.mimodel) instead of random weights; it must "
                    + "have the same architecture, channels, sampling rate, window and classes")
    Path init;

    @Option(names = "--pretrain", split = ",", paramLabel = "FILE",
            description = "networks: pre-train on these recordings (other subjects), then fine-tune on FILES "
                    + "(the comparison paper's transfer protocol)")
    List<Path> pretrain;

    @Option(names = "--band", defaultValue = "8,30", paramLabel = "LO,HI",
            description = "causal Butterworth band-pass in Hz (default ${DEFAULT-VALUE})")
    String band;

    @Option(names = "--order", defaultValue = "4", description = "Butterworth order (default ${DEFAULT-VALUE})")
    int order;

    @Option(names = "--tmin", defaultValue = "0.5", description = "window start after the cue, s (default ${DEFAULT-VALUE})")
    double tmin;

    @Option(names = "--tmax", defaultValue = "2.5", description = "window end after the cue, s (default ${DEFAULT-VALUE})")
    double tmax;

    @Option(names = "--features", paramLabel = "C4;13,C3;11:13", description = "psd-lda: channel;Hz or channel;low:high")
    String features;

    @Option(names = "--auto", defaultValue = "3", paramLabel = "N",
            description = "psd-lda: without --features, the N cells of largest |r²| (default ${DEFAULT-VALUE})")
    int auto;

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds for the report (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "output file (.mimodel)")
    Path out;

    @Option(names = "--json", description = "one JSON document")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double[] lohi = parseBand(spec, band);
        if (!out.getFileName().toString().endsWith(ModelFile.EXTENSION)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out: a model file ends in "
                    + ModelFile.EXTENSION + ", got " + out);
        }
        boolean network = NetworkModelTrainer.isNetwork(model);
        if ((init != null || pretrain != null) && !network) {
            throw new CommandLine.ParameterException(spec.commandLine(), (init != null ? "--init" : "--pretrain")
                    + " applies to networks only");
        }
        if (init != null && pretrain != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--init and --pretrain exclude each other: "
                    + "fine-tune from a model, or pre-train on recordings and fine-tune");
        }
        Map<String, String> mapping = ClassMapping.parse(classes);
        List<Recording> runs = new ArrayList<>();
        for (Path f : files) {
            runs.add(RecordingFiles.read(f));
        }
        List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
        long t0 = System.nanoTime();
        ModelMetadata md;
        Map<String, byte[]> entries;
        Map<String, Object> report = new LinkedHashMap<>();
        String kind = model.toLowerCase(Locale.ROOT);
        switch (kind) {
            case "csp-lda", "psd-lda" -> {
                if (features != null && kind.equals("csp-lda")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--features applies to psd-lda only");
                }
                ClassicalTrainer.Spec s = ClassicalTrainer.Spec.defaults(kind, mapping).withBand(lohi[0], lohi[1])
                        .withWindow(tmin, tmax)
                        .withFeatures(features == null ? List.of() : Feature.parseList(features), auto);
                s = new ClassicalTrainer.Spec(s.kind(), s.cueLabels(), s.lowHz(), s.highHz(), order, s.tmin(), s.tmax(),
                        s.features(), s.auto(), folds, s.alpha());
                ClassicalTrainer.Trained t = ClassicalTrainer.train(runs, names, s, version());
                md = t.metadata();
                entries = t.entries();
            }
            case "eegnet", "shallow", "deep", "eegnet-fusion", "mi-eegnet" -> {
                if (features != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--features applies to psd-lda only");
                }
                TrainingSettings ts = TrainingSettings.defaults().withEpochs(epochs).withPatience(patience)
                        .withBatchSize(batch).withSeed(seed)
                        .withStopping(BenchCommand.parseStopping(spec.commandLine(), stopping));
                PrintWriter err = spec.commandLine().getErr();
                ProgressListener progress = json ? ProgressListener.none() : r -> err.printf(Locale.ROOT,
                        "epoch %d/%d  loss %.4f  acc %.3f  val loss %.4f  val acc %.3f  %.1f s%s%n", r.epoch(),
                        r.maxEpochs(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                        r.seconds(), r.improved() ? "  *" : "");
                NetworkModelTrainer.Spec netSpec = new NetworkModelTrainer.Spec(kind, new CausalEpoching(mapping,
                        lohi[0], lohi[1], order, tmin, tmax), ts);
                NetworkModelTrainer.Init start = init == null ? null
                        : NetworkModelTrainer.Init.fromModel(ModelFile.read(init), init.toString());
                List<Recording> others = new ArrayList<>();
                for (Path f : pretrain == null ? List.<Path>of() : pretrain) {
                    others.add(RecordingFiles.read(f));
                }
                List<String> otherNames = pretrain == null ? List.of()
                        : pretrain.stream().map(p -> p.getFileName().toString()).toList();
                ProgressListener pre = json ? ProgressListener.none() : r -> err.printf(Locale.ROOT,
                        "pre-training epoch %d/%d  loss %.4f  val loss %.4f  val acc %.3f%n", r.epoch(),
                        r.maxEpochs(), r.trainLoss(), r.validationLoss(), r.validationAccuracy());
                try (NetworkModelTrainer.Trained t = others.isEmpty()
                        ? NetworkModelTrainer.train(runs, names, netSpec, version(), progress, start)
                        : NetworkModelTrainer.pretrainThenFineTune(others, otherNames, runs, names, netSpec,
                                version(), pre, progress)) {
                    md = t.metadata();
                    entries = t.entries();
                }
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--model: expected csp-lda, "
                    + "psd-lda, eegnet, shallow, deep, eegnet-fusion or mi-eegnet, got '" + model + "'");
        }
        ModelFile.write(out, md, entries);
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        Map<String, Object> m = md.metrics();
        if (json) {
            report.put("model", out.toString());
            report.put("kind", md.kind());
            report.put("channels", md.channels().size());
            report.put("sampling_rate_hz", md.samplingRate());
            report.put("classes", md.classNames());
            report.put("window_samples", md.windowSamples());
            report.put("metrics", m);
            report.put("settings", md.settings());
            report.put("seconds", seconds);
            Json.print(o, report);
            return 0;
        }
        o.printf(Locale.ROOT, "%s on %d trials %s, %d channels at %s Hz, %s-%s Hz causal Butterworth %d, window %s-%s s "
                        + "after the cue (%d samples)%n", md.kind(), ((Number) m.get("trials")).intValue(),
                m.get("trials_per_class"), md.channels().size(), LslCommand.plain(md.samplingRate()),
                LslCommand.plain(lohi[0]), LslCommand.plain(lohi[1]), order, LslCommand.plain(tmin),
                LslCommand.plain(tmax), md.windowSamples());
        if (md.kind().equals(NetworkKind.NAME)) {
            o.printf(Locale.ROOT, "%s (%s parameters): kept epoch %s of %s; validation accuracy %.4f (%s), training "
                            + "accuracy %.4f; chance %.2f%n", md.architecture(), md.settings().get("parameters"),
                    m.get("best_epoch"), m.get("epochs_run"), ((Number) m.get("accuracy")).doubleValue(),
                    m.get("validation"), ((Number) m.get("train_accuracy")).doubleValue(),
                    ((Number) m.get("chance_level")).doubleValue());
            if (md.settings().get("transfer") instanceof Map<?, ?> tr) {
                o.printf(Locale.ROOT, "transfer: %s from %s%s%n", tr.get("mode"), tr.get("source"),
                        m.get("initial_validation_accuracy") instanceof Number a0 ? String.format(Locale.ROOT,
                                "; validation accuracy %.4f before fine-tuning", a0.doubleValue()) : "");
            }
            o.printf(Locale.ROOT, "wrote %s (%.2f s)%n", out, seconds);
            return 0;
        }
        if (md.settings().containsKey("features")) {
            o.println("features " + md.settings().get("features"));
        }
        o.printf(Locale.ROOT, "cross-validated accuracy %.4f ± %.4f (%s), kappa %.4f; chance %.2f, significant above "
                        + "%.3f%n", ((Number) m.get("accuracy")).doubleValue(), ((Number) m.get("accuracy_std")).doubleValue(),
                m.get("cv"), ((Number) m.get("kappa")).doubleValue(), ((Number) m.get("chance_level")).doubleValue(),
                ((Number) m.get("chance_threshold")).doubleValue());
        o.printf(Locale.ROOT, "wrote %s (%.2f s)%n", out, seconds);
        o.flush();
        return 0;
    }

    static double[] parseBand(CommandLine.Model.CommandSpec spec, String band) {
        String[] p = band.split(",");
        try {
            if (p.length == 2) {
                return new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--band: expected LO,HI in Hz, got '" + band + "'");
    }

    /** The MI Studio version written into models. */
    static String version() {
        return new MiStudioCommand.Version().getVersion()[0];
    }
}
