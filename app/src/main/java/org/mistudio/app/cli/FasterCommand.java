package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.dsp.artifact.faster.Faster;
import org.mistudio.dsp.artifact.faster.FasterConfig;
import org.mistudio.dsp.artifact.faster.FasterResult;
import org.mistudio.dsp.artifact.faster.MetricResult;
import org.mistudio.dsp.artifact.faster.StageReport;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.preprocess.Preprocessing;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mistudio faster IN OUT}: FASTER (Nolan, Whelan and Reilly 2010) on a recording's epochs, with the settings
 * of the EEGNet comparison's pipeline (kolcs/bionic_apps): 0.5-45 Hz zero-phase Butterworth (order 5) before
 * epoching, |z| > 3, two outlier iterations. The output is the filtered continuous recording with every kept
 * epoch's cleaned samples written back in place and every rejected epoch marked by a {@code BAD_faster}
 * annotation; samples outside the epochs are the filtered input.
 */
@Command(name = "faster", mixinStandardHelpOptions = true,
        description = "FASTER artifact rejection (Nolan et al. 2010) on the epochs of a recording: bad channels "
                + "interpolated, bad epochs marked BAD_faster, ICA artifact components subtracted, outlying channels "
                + "interpolated within epochs. Writes the cleaned recording as EDF+ (.edf) or BDF+ (.bdf); prints "
                + "what each stage found and why.")
final class FasterCommand implements Callable<Integer> {

    static final String BAD_LABEL = "BAD_faster";

    @Parameters(index = "0", paramLabel = "IN", description = "recording (EDF/EDF+, BDF/BDF+, GDF, XDF)")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output .edf or .bdf")
    Path out;

    @Option(names = {"--classes", "--events"}, paramLabel = "LABEL,...", defaultValue = "T1,T2",
            description = "annotation labels to epoch around (default ${DEFAULT-VALUE})")
    String classes;

    @Option(names = "--tmin", defaultValue = "0", description = "epoch start after the event in s (default ${DEFAULT-VALUE})")
    double tmin;

    @Option(names = "--tmax", defaultValue = "4", description = "epoch end after the event in s (default ${DEFAULT-VALUE})")
    double tmax;

    @Option(names = "--eog", paramLabel = "CH,...",
            description = "channels to treat as EOG (stage 3's eye correlation); default: channels typed EOG")
    String eog;

    @Option(names = "--stages", defaultValue = "1,2,3,4", description = "stages to run (default ${DEFAULT-VALUE})")
    String stages;

    @Option(names = "--bandpass", arity = "2", paramLabel = "HZ",
            description = "zero-phase Butterworth pre-filter LO HI in Hz (default 0.5 45, as the authors' pipeline)")
    double[] bandpass = {0.5, 45};

    @Option(names = "--no-filter", description = "skip the pre-filter (data already filtered)")
    boolean noFilter;

    @Option(names = "--threshold", defaultValue = "3", description = "|z| threshold (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--iterations", defaultValue = "2",
            description = "outlier iterations, 1 = the paper's single pass (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--average-reference", description = "re-reference EEG to the average after the last stage")
    boolean averageReference;

    @Option(names = "--reference", paramLabel = "CH",
            description = "the single reference electrode, when the data use one (distance correction)")
    String reference;

    @Option(names = "--report", paramLabel = "FILE.json", description = "also write the JSON report here")
    Path report;

    @Option(names = "--json", description = "print the JSON report instead of the text summary")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<Integer> stageSet = new TreeSet<>();
        for (String s : stages.split(",")) {
            try {
                stageSet.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--stages: expected numbers 1-4 separated by commas, got '" + stages + "'");
            }
        }
        FasterConfig config = FasterConfig.authors().withStages(stageSet).withMaxIterations(iterations)
                .withThreshold(threshold).withAverageReference(averageReference);
        if (reference != null) {
            config = config.withReferenceChannel(reference);
        }
        Recording input = RecordingFiles.read(in);
        Recording r = withEog(input);
        List<String> steps = new ArrayList<>();
        if (!noFilter) {
            Preprocessing p = new Preprocessing(Optional.empty(), Optional.empty(), Optional.of(bandpass), 5,
                    Optional.empty());
            r = p.apply(r);
            steps.addAll(p.describe());
        }
        List<String> labels = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(classes.split("\\s*,\\s*"))));
        Epochs epochs = Epocher.of(labels, tmin, tmax).apply(r).epochs();
        if (epochs.trialCount() == 0) {
            Set<String> present = new TreeSet<>();
            r.annotations().forEach(a -> present.add(a.label()));
            throw new IllegalArgumentException("faster: no epochs for " + labels + " in " + in
                    + "; annotation labels present: " + present + " (choose with --classes)");
        }
        List<Double> onsets = epochOnsets(r, labels, epochs);
        FasterResult res = new Faster(config, Montage.standard1005()).run(epochs);
        Recording cleaned = writeBack(r, epochs, res, onsets);
        RecordingFiles.write(cleaned, out);

        Map<String, Object> doc = report(res, epochs, onsets, config, steps);
        if (report != null) {
            Files.writeString(report, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
        }
        if (json) {
            Json.print(spec.commandLine().getOut(), doc);
        } else {
            printText(spec.commandLine().getOut(), res, epochs, onsets, steps);
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: %d of %d epochs kept, %d marked %s%n", out,
                res.keptEpochs().length, epochs.trialCount(), epochs.trialCount() - res.keptEpochs().length,
                BAD_LABEL);
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** The recording with the --eog channels typed EOG. */
    private Recording withEog(Recording r) {
        if (eog == null) {
            return r;
        }
        List<ChannelInfo> chs = new ArrayList<>(r.channels());
        for (String label : eog.split("\\s*,\\s*")) {
            int i = r.indexOf(label);
            if (i < 0) {
                throw new IllegalArgumentException("faster: --eog channel '" + label + "' is not in " + in
                        + "; channels are " + r.labels());
            }
            ChannelInfo c = chs.get(i);
            chs.set(i, new ChannelInfo(c.label(), ChannelType.EOG, c.unit(), c.samplingRate()));
        }
        return new Recording(chs, r.samples(), r.start(), r.annotations());
    }

    /** The event onsets of the epochs, in the order (and with the bounds check) of {@link Epocher}. */
    private List<Double> epochOnsets(Recording r, List<String> labels, Epochs epochs) {
        double fs = r.samplingRate();
        int first = (int) Math.round(tmin * fs);
        int length = epochs.sampleCount();
        List<Double> onsets = new ArrayList<>();
        for (Annotation a : r.annotations()) {
            int from = (int) Math.round(a.onset() * fs) + first;
            if (labels.contains(a.label()) && from >= 0 && from + length <= r.sampleCount()) {
                onsets.add(a.onset());
            }
        }
        if (onsets.size() != epochs.trialCount()) {
            throw new IllegalStateException("faster: " + onsets.size() + " onsets for " + epochs.trialCount()
                    + " epochs");
        }
        return onsets;
    }

    /** Kept epochs written back at their place (EEG rows only); rejected epochs annotated {@code BAD_faster}. */
    private Recording writeBack(Recording r, Epochs epochs, FasterResult res, List<Double> onsets) {
        double fs = r.samplingRate();
        int first = (int) Math.round(tmin * fs);
        float[][] x = r.samples().clone();
        Set<Integer> copied = new java.util.HashSet<>();
        float[][][] data = res.cleaned().data();
        for (int k = 0; k < res.keptEpochs().length; k++) {
            int from = (int) Math.round(onsets.get(res.keptEpochs()[k]) * fs) + first;
            for (int c = 0; c < x.length; c++) {
                if (r.channels().get(c).type() != ChannelType.EEG) {
                    continue;
                }
                if (copied.add(c)) {
                    x[c] = x[c].clone();
                }
                System.arraycopy(data[k][c], 0, x[c], from, data[k][c].length);
            }
        }
        List<Annotation> annotations = new ArrayList<>(r.annotations());
        Set<Integer> kept = new java.util.HashSet<>();
        for (int k : res.keptEpochs()) {
            kept.add(k);
        }
        for (int t = 0; t < epochs.trialCount(); t++) {
            if (!kept.contains(t)) {
                annotations.add(new Annotation(onsets.get(t) + tmin, (epochs.sampleCount() - 1) / fs, BAD_LABEL));
            }
        }
        annotations.sort(java.util.Comparator.comparingDouble(Annotation::onset));
        return new Recording(r.channels(), x, r.start(), annotations);
    }

    static Map<String, Object> report(FasterResult res, Epochs epochs, List<Double> onsets, FasterConfig config,
                                      List<String> steps) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("prefilter", steps);
        settings.put("threshold", config.threshold());
        settings.put("iterations", config.maxIterations());
        settings.put("stages", new TreeSet<>(config.stages()));
        settings.put("average_reference", config.averageReference());
        settings.put("reference_channel", config.referenceChannel().orElse(null));
        doc.put("settings", settings);
        doc.put("epochs", epochs.trialCount());
        doc.put("epochs_kept", res.keptEpochs().length);
        Map<String, Object> stagesDoc = new LinkedHashMap<>();
        res.badChannels().ifPresent(s -> {
            Map<String, Object> m = stage(s);
            m.put("interpolated", res.interpolated());
            stagesDoc.put("1_bad_channels", m);
        });
        res.badEpochs().ifPresent(s -> {
            Map<String, Object> m = stage(s);
            List<Double> times = new ArrayList<>();
            for (int b : s.bad()) {
                times.add(onsets.get(b));
            }
            m.put("removed_event_onsets_s", times);
            stagesDoc.put("2_bad_epochs", m);
        });
        res.badComponents().ifPresent(s -> stagesDoc.put("3_bad_components", stage(s)));
        if (!res.channelsInEpochs().isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int k = 0; k < res.channelsInEpochs().size(); k++) {
                Map<String, Object> m = stage(res.channelsInEpochs().get(k));
                m.put("epoch", res.keptEpochs()[k]);
                m.put("event_onset_s", onsets.get(res.keptEpochs()[k]));
                list.add(m);
            }
            stagesDoc.put("4_channels_in_epochs", list);
        }
        doc.put("stages", stagesDoc);
        doc.put("millis", res.millis());
        return doc;
    }

    private static Map<String, Object> stage(StageReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", s.stage());
        m.put("items", s.items());
        List<Map<String, Object>> bad = new ArrayList<>();
        for (int b : s.bad()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("item", s.items().get(b));
            e.put("reasons", s.reasons(b));
            bad.add(e);
        }
        m.put("bad", bad);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricResult r : s.metrics()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("threshold", r.threshold());
            mm.put("values", r.values());
            mm.put("z", r.zScores());
            mm.put("bad", Arrays.stream(r.bad()).mapToObj(s.items()::get).toList());
            metrics.put(r.metric(), mm);
        }
        m.put("metrics", metrics);
        return m;
    }

    private static void printText(PrintWriter o, FasterResult res, Epochs epochs, List<Double> onsets,
                                  List<String> steps) {
        o.printf(Locale.ROOT, "FASTER on %d epochs of %d channels at %s Hz%s%n", epochs.trialCount(),
                epochs.channelCount(), epochs.samplingRate(), steps.isEmpty() ? "" : "; " + String.join("; ", steps));
        res.badChannels().ifPresent(s -> printStage(o, "stage 1, bad channels (interpolated)", s));
        res.badEpochs().ifPresent(s -> {
            o.printf("stage 2, bad epochs (removed): %d%n", s.bad().length);
            for (int b : s.bad()) {
                o.printf(Locale.ROOT, "  epoch %d (event at %.2f s): %s%n", b, onsets.get(b),
                        String.join(", ", s.reasons(b)));
            }
        });
        res.badComponents().ifPresent(s -> printStage(o, "stage 3, bad ICA components (subtracted) of "
                + s.items().size(), s));
        if (!res.channelsInEpochs().isEmpty()) {
            int n = 0;
            for (StageReport s : res.channelsInEpochs()) {
                n += s.bad().length > 0 ? 1 : 0;
            }
            o.printf("stage 4, channels interpolated within epochs: %d epochs affected%n", n);
            for (int k = 0; k < res.channelsInEpochs().size(); k++) {
                StageReport s = res.channelsInEpochs().get(k);
                for (int b : s.bad()) {
                    o.printf(Locale.ROOT, "  epoch %d %s: %s%n", res.keptEpochs()[k], s.items().get(b),
                            String.join(", ", s.reasons(b)));
                }
            }
        }
        o.printf("time per stage (ms): %s%n", res.millis());
        o.flush();
    }

    private static void printStage(PrintWriter o, String title, StageReport s) {
        o.printf("%s: %s%n", title, s.bad().length == 0 ? "none" : s.badItems());
        for (int b : s.bad()) {
            o.printf("  %s: %s%n", s.items().get(b), String.join(", ", s.reasons(b)));
        }
    }
}
