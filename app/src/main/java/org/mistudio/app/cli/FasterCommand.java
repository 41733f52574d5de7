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
import org.mistudio.dsp.artifact.faster.FasterStages;
import org.mistudio.dsp.artifact.faster.IcaMethod;
import org.mistudio.dsp.artifact.faster.MetricResult;
import org.mistudio.dsp.artifact.faster.StageReport;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.preprocess.Preprocessing;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mistudio faster IN... [--out OUT | --out-dir DIR]}: FASTER (Nolan, Whelan and Reilly 2010) on the epochs of
 * one or more recordings, with the settings of the EEGNet comparison's pipeline (kolcs/bionic_apps): 0.5-45 Hz
 * zero-phase Butterworth (order 5) before epoching, |z| > 3, two outlier iterations, average reference. Each input is
 * a subject unless {@code --subjects} pools several runs under one name; stages 1-4 run per subject on the
 * subject's epochs, stage 5 flags outlying subjects when there are at least three. The output is the filtered
 * continuous recording with every kept epoch's cleaned samples written back in place and every rejected epoch marked
 * by a {@code BAD_faster} annotation; samples outside the epochs are the filtered input.
 */
@Command(name = "faster", mixinStandardHelpOptions = true,
        description = "FASTER artifact rejection (Nolan et al. 2010) on the epochs of one or more recordings: bad "
                + "channels interpolated, bad epochs marked BAD_faster, ICA artifact components subtracted, outlying "
                + "channels interpolated within epochs, outlying subjects flagged (3 or more subjects). Writes the "
                + "cleaned recordings as EDF+ (.edf) or BDF+ (.bdf); prints what each stage found and why.")
final class FasterCommand implements Callable<Integer> {

    static final String BAD_LABEL = "BAD_faster";

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "IN",
            description = "recordings (EDF/EDF+, BDF/BDF+, GDF, XDF); each a subject unless --subjects groups them")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "OUT", description = "cleaned recording, .edf or .bdf (one input only)")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "write each input's cleaned recording here, under its own file name")
    Path outDir;

    @Option(names = "--subjects", paramLabel = "NAME,...",
            description = "the subject of each input, in order; inputs with the same name are cleaned together "
                    + "(default: each input is its own subject, named after its file)")
    String subjects;

    @Option(names = {"--classes", "--events", "--epochs-from-annotations"}, paramLabel = "LABEL,...",
            defaultValue = "T1,T2", description = "annotation labels to epoch around (default ${DEFAULT-VALUE})")
    String classes;

    @Option(names = "--tmin", defaultValue = "0", description = "epoch start after the event in s (default ${DEFAULT-VALUE})")
    double tmin;

    @Option(names = "--tmax", defaultValue = "4", description = "epoch end after the event in s (default ${DEFAULT-VALUE})")
    double tmax;

    @Option(names = "--eog", paramLabel = "CH,...",
            description = "channels to treat as EOG (stage 3's eye correlation, stage 5's EOG maximum); default: "
                    + "channels typed EOG")
    String eog;

    @Option(names = "--stages", defaultValue = "1,2,3,4,5", description = "stages to run (default ${DEFAULT-VALUE}; "
            + "5 needs at least 3 subjects)")
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

    @Option(names = "--average-reference", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "re-reference EEG to the average after stage 2 and after stage 4, as FASTER's EEGLAB "
                    + "pipeline (default on; --no-average-reference keeps the recording's reference)")
    boolean averageReference;

    @Option(names = "--reference", paramLabel = "CH",
            description = "the single reference electrode, when the data use one (distance correction)")
    String reference;

    @Option(names = "--ica", paramLabel = "fastica|infomax", defaultValue = "fastica",
            description = "stage 3's ICA: fastica (fast) or infomax (extended Infomax as EEGLAB's runica, FASTER's "
                    + "original; slower) (default ${DEFAULT-VALUE})")
    String ica;

    @Option(names = "--report", paramLabel = "FILE.json", description = "also write the JSON report here")
    Path report;

    @Option(names = "--json", description = "print the JSON report instead of the text summary")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One input file, filtered and epoched. */
    private record Run(Path file, Recording recording, Epochs epochs, List<Double> onsets) {
    }

    /** One subject: its runs, their epochs pooled, and what FASTER did. */
    private record Subject(String name, List<Run> runs, Epochs epochs, FasterResult result) {
    }

    @Override
    public Integer call() throws Exception {
        Set<Integer> stageSet = new TreeSet<>();
        for (String s : stages.split(",")) {
            int v;
            try {
                v = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 1 || v > 5) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--stages: expected numbers 1-5 separated by commas, got '" + stages + "'");
            }
            stageSet.add(v);
        }
        IcaMethod method = switch (ica.toLowerCase(Locale.ROOT)) {
            case "fastica" -> IcaMethod.FASTICA;
            case "infomax" -> IcaMethod.INFOMAX;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--ica: expected fastica or infomax, got '" + ica + "'");
        };
        if (out != null && inputs.size() > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--out takes one input; with " + inputs.size() + " inputs use --out-dir DIR");
        }
        List<String> names = subjectNames();
        Set<Integer> perSubject = new TreeSet<>(stageSet);
        perSubject.remove(5);
        FasterConfig config = FasterConfig.authors().withStages(perSubject).withMaxIterations(iterations)
                .withThreshold(threshold).withAverageReference(averageReference).withIca(method);
        if (reference != null) {
            config = config.withReferenceChannel(reference);
        }
        List<String> labels = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(classes.split("\\s*,\\s*"))));
        List<String> steps = new ArrayList<>();
        Map<String, List<Run>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            Recording r = withEog(RecordingFiles.read(in), in);
            if (!noFilter) {
                Preprocessing p = new Preprocessing(Optional.empty(), Optional.empty(), Optional.of(bandpass), 5,
                        Optional.empty());
                r = p.apply(r);
                if (steps.isEmpty()) {
                    steps.addAll(p.describe());
                }
            }
            Epochs epochs = Epocher.of(labels, tmin, tmax).apply(r).epochs();
            if (epochs.trialCount() == 0) {
                Set<String> present = new TreeSet<>();
                r.annotations().forEach(a -> present.add(a.label()));
                throw new IllegalArgumentException("faster: no epochs for " + labels + " in " + in
                        + "; annotation labels present: " + present + " (choose with --classes)");
            }
            grouped.computeIfAbsent(names.get(i), k -> new ArrayList<>())
                    .add(new Run(in, r, epochs, epochOnsets(r, labels, epochs, in)));
        }
        List<Subject> done = new ArrayList<>();
        for (Map.Entry<String, List<Run>> e : grouped.entrySet()) {
            Epochs pooled = pool(e.getKey(), e.getValue());
            FasterResult res = new Faster(config, Montage.standard1005()).run(pooled);
            done.add(new Subject(e.getKey(), e.getValue(), pooled, res));
        }
        Optional<StageReport> stage5 = Optional.empty();
        String stage5Note = null;
        if (stageSet.contains(5)) {
            if (done.size() >= 3) {
                stage5 = Optional.of(badSubjects(done, config));
                // With the population standard deviation no |z| among n items exceeds sqrt(n - 1).
                if (Math.sqrt(done.size() - 1) <= config.threshold()) {
                    stage5Note = String.format(Locale.ROOT, "stage 5: with %d subjects no |z| can exceed sqrt(%d) = "
                            + "%.2f, so the threshold %.2f flags nobody (it takes %d subjects)", done.size(),
                            done.size() - 1, Math.sqrt(done.size() - 1), config.threshold(),
                            (int) Math.floor(config.threshold() * config.threshold()) + 2);
                }
            } else {
                stage5Note = "stage 5 compares subjects: it needs at least 3, got " + done.size();
            }
        }
        for (Subject s : done) {
            writeBack(s);
        }

        Map<String, Object> doc = report(done, config, steps, stage5, stage5Note);
        if (report != null) {
            Files.writeString(report, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
        }
        if (json) {
            Json.print(spec.commandLine().getOut(), doc);
        } else {
            printText(spec.commandLine().getOut(), done, steps, stage5, stage5Note);
        }
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** The subject name of each input: --subjects, or the file name without its extension. */
    private List<String> subjectNames() {
        List<String> names = new ArrayList<>();
        if (subjects != null) {
            names.addAll(Arrays.asList(subjects.split("\\s*,\\s*")));
            if (names.size() != inputs.size()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--subjects: " + names.size()
                        + " names for " + inputs.size() + " inputs; give one name per input, in order");
            }
            return names;
        }
        for (Path p : inputs) {
            String f = p.getFileName().toString();
            int dot = f.lastIndexOf('.');
            names.add(dot > 0 ? f.substring(0, dot) : f);
        }
        return names;
    }

    /** The runs' epochs one after another; the runs must share channels and sampling rate. */
    private static Epochs pool(String subject, List<Run> runs) {
        Epochs first = runs.get(0).epochs();
        List<float[][]> data = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Run r : runs) {
            Epochs e = r.epochs();
            if (!e.channels().stream().map(ChannelInfo::label).toList()
                    .equals(first.channels().stream().map(ChannelInfo::label).toList())
                    || e.samplingRate() != first.samplingRate() || e.sampleCount() != first.sampleCount()) {
                throw new IllegalArgumentException("faster: subject " + subject + ": " + r.file() + " has other "
                        + "channels, rate or epoch length than " + runs.get(0).file() + "; runs cleaned together "
                        + "must match");
            }
            data.addAll(List.of(e.data()));
            labels.addAll(e.labels());
        }
        return new Epochs(data.toArray(new float[0][][]), labels, first.samplingRate(), first.channels(),
                first.tmin());
    }

    /**
     * Stage 5 on the subjects' averages over their kept epochs (FASTER's grand-average step): EEG rows scored, EOG
     * rows for the EOG maximum. The subjects must share channels.
     */
    private static StageReport badSubjects(List<Subject> done, FasterConfig config) {
        List<float[][]> averages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ChannelInfo> chs = done.get(0).epochs().channels();
        for (Subject s : done) {
            Epochs c = s.result().cleaned();
            if (!c.channels().stream().map(ChannelInfo::label).toList()
                    .equals(chs.stream().map(ChannelInfo::label).toList()) || c.sampleCount() != done.get(0)
                    .result().cleaned().sampleCount()) {
                throw new IllegalArgumentException("faster: stage 5 compares subjects with the same channels and "
                        + "epoch length; " + s.name() + " differs from " + done.get(0).name());
            }
            float[][] avg = new float[c.channelCount()][c.sampleCount()];
            for (float[][] trial : c.data()) {
                for (int ch = 0; ch < avg.length; ch++) {
                    for (int i = 0; i < avg[ch].length; i++) {
                        avg[ch][i] += trial[ch][i] / c.trialCount();
                    }
                }
            }
            averages.add(avg);
            names.add(s.name());
        }
        List<Integer> eegRows = new ArrayList<>();
        List<Integer> eogRows = new ArrayList<>();
        for (int c = 0; c < chs.size(); c++) {
            if (chs.get(c).type() == ChannelType.EEG) {
                eegRows.add(c);
            } else if (chs.get(c).type() == ChannelType.EOG) {
                eogRows.add(c);
            }
        }
        return FasterStages.badSubjects(averages, eegRows.stream().mapToInt(Integer::intValue).toArray(),
                eogRows.stream().mapToInt(Integer::intValue).toArray(), names, config);
    }

    /** The recording with the --eog channels typed EOG. */
    private Recording withEog(Recording r, Path in) {
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
    private List<Double> epochOnsets(Recording r, List<String> labels, Epochs epochs, Path in) {
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
            throw new IllegalStateException("faster: " + in + ": " + onsets.size() + " onsets for "
                    + epochs.trialCount() + " epochs");
        }
        return onsets;
    }

    /** Where epoch {@code t} of a subject's pooled epochs comes from: run index and epoch index in the run. */
    private static int[] origin(Subject s, int t) {
        int run = 0;
        while (t >= s.runs().get(run).epochs().trialCount()) {
            t -= s.runs().get(run).epochs().trialCount();
            run++;
        }
        return new int[] {run, t};
    }

    /**
     * Writes each run of the subject (with --out or --out-dir): kept epochs written back at their place (EEG rows
     * only), rejected epochs annotated {@code BAD_faster}.
     */
    private void writeBack(Subject s) throws java.io.IOException {
        if (out == null && outDir == null) {
            return;
        }
        FasterResult res = s.result();
        for (int run = 0; run < s.runs().size(); run++) {
            Run r = s.runs().get(run);
            double fs = r.recording().samplingRate();
            int first = (int) Math.round(tmin * fs);
            float[][] x = r.recording().samples().clone();
            Set<Integer> copied = new java.util.HashSet<>();
            Set<Integer> kept = new java.util.HashSet<>();
            float[][][] data = res.cleaned().data();
            for (int k = 0; k < res.keptEpochs().length; k++) {
                int[] o = origin(s, res.keptEpochs()[k]);
                if (o[0] != run) {
                    continue;
                }
                kept.add(o[1]);
                int from = (int) Math.round(r.onsets().get(o[1]) * fs) + first;
                for (int c = 0; c < x.length; c++) {
                    if (r.recording().channels().get(c).type() != ChannelType.EEG) {
                        continue;
                    }
                    if (copied.add(c)) {
                        x[c] = x[c].clone();
                    }
                    System.arraycopy(data[k][c], 0, x[c], from, data[k][c].length);
                }
            }
            List<Annotation> annotations = new ArrayList<>(r.recording().annotations());
            for (int t = 0; t < r.epochs().trialCount(); t++) {
                if (!kept.contains(t)) {
                    annotations.add(new Annotation(r.onsets().get(t) + tmin, (r.epochs().sampleCount() - 1) / fs,
                            BAD_LABEL));
                }
            }
            annotations.sort(java.util.Comparator.comparingDouble(Annotation::onset));
            Path target = out != null ? out : outDir.resolve(r.file().getFileName());
            if (outDir != null) {
                Files.createDirectories(outDir);
            }
            RecordingFiles.write(new Recording(r.recording().channels(), x, r.recording().start(), annotations),
                    target);
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: %d of %d epochs kept, %d marked %s%n",
                    target, kept.size(), r.epochs().trialCount(), r.epochs().trialCount() - kept.size(), BAD_LABEL);
        }
    }

    /** A readable name for epoch {@code t} of the subject: file and event onset. */
    private static String epochName(Subject s, int t) {
        int[] o = origin(s, t);
        Run r = s.runs().get(o[0]);
        return String.format(Locale.ROOT, "%s%s @ %.2f s", s.runs().size() > 1 ? r.file().getFileName() + " " : "",
                r.epochs().labels().get(o[1]), r.onsets().get(o[1]));
    }

    private static Map<String, Object> report(List<Subject> done, FasterConfig config, List<String> steps,
                                              Optional<StageReport> stage5, String stage5Note) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("prefilter", steps);
        settings.put("threshold", config.threshold());
        settings.put("iterations", config.maxIterations());
        settings.put("stages", new TreeSet<>(config.stages()));
        settings.put("average_reference", config.averageReference());
        settings.put("reference_channel", config.referenceChannel().orElse(null));
        settings.put("ica", config.ica().name().toLowerCase(Locale.ROOT));
        doc.put("settings", settings);
        List<Map<String, Object>> subjects = new ArrayList<>();
        for (Subject s : done) {
            subjects.add(subjectReport(s));
        }
        doc.put("subjects", subjects);
        if (stage5.isPresent()) {
            Map<String, Object> m = stage(stage5.get());
            if (stage5Note != null) {
                m.put("note", stage5Note);
            }
            doc.put("5_bad_subjects", m);
        } else if (stage5Note != null) {
            doc.put("5_bad_subjects", Map.of("skipped", stage5Note));
        }
        return doc;
    }

    private static Map<String, Object> subjectReport(Subject s) {
        FasterResult res = s.result();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("subject", s.name());
        doc.put("files", s.runs().stream().map(r -> r.file().toString()).toList());
        doc.put("epochs", s.epochs().trialCount());
        doc.put("epochs_kept", res.keptEpochs().length);
        Map<String, Object> stagesDoc = new LinkedHashMap<>();
        res.badChannels().ifPresent(st -> {
            Map<String, Object> m = stage(st);
            m.put("interpolated", res.interpolated());
            stagesDoc.put("1_bad_channels", m);
        });
        res.badEpochs().ifPresent(st -> {
            Map<String, Object> m = stage(st);
            List<String> removed = new ArrayList<>();
            for (int b : st.bad()) {
                removed.add(epochName(s, b));
            }
            m.put("removed", removed);
            stagesDoc.put("2_bad_epochs", m);
        });
        res.badComponents().ifPresent(st -> stagesDoc.put("3_bad_components", stage(st)));
        if (!res.channelsInEpochs().isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int k = 0; k < res.channelsInEpochs().size(); k++) {
                Map<String, Object> m = stage(res.channelsInEpochs().get(k));
                m.put("epoch", res.keptEpochs()[k]);
                m.put("event", epochName(s, res.keptEpochs()[k]));
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

    private static void printText(PrintWriter o, List<Subject> done, List<String> steps,
                                  Optional<StageReport> stage5, String stage5Note) {
        for (Subject s : done) {
            FasterResult res = s.result();
            Epochs epochs = s.epochs();
            o.printf(Locale.ROOT, "FASTER, subject %s: %d epochs of %d channels at %s Hz from %d file(s)%s%n",
                    s.name(), epochs.trialCount(), epochs.channelCount(), epochs.samplingRate(), s.runs().size(),
                    steps.isEmpty() ? "" : "; " + String.join("; ", steps));
            res.badChannels().ifPresent(st -> printStage(o, "stage 1, bad channels (interpolated)", st));
            res.badEpochs().ifPresent(st -> {
                o.printf("stage 2, bad epochs (removed): %d of %d%n", st.bad().length, epochs.trialCount());
                for (int b : st.bad()) {
                    o.printf(Locale.ROOT, "  %s: %s%n", epochName(s, b), String.join(", ", st.reasons(b)));
                }
            });
            res.badComponents().ifPresent(st -> printStage(o, "stage 3, bad ICA components (subtracted) of "
                    + st.items().size(), st));
            if (!res.channelsInEpochs().isEmpty()) {
                int n = 0;
                int pairs = 0;
                for (StageReport st : res.channelsInEpochs()) {
                    n += st.bad().length > 0 ? 1 : 0;
                    pairs += st.bad().length;
                }
                o.printf("stage 4, channels interpolated within epochs: %d channel(s) in %d of %d kept epochs%n",
                        pairs, n, res.channelsInEpochs().size());
                for (int k = 0; k < res.channelsInEpochs().size(); k++) {
                    StageReport st = res.channelsInEpochs().get(k);
                    for (int b : st.bad()) {
                        o.printf(Locale.ROOT, "  %s %s: %s%n", epochName(s, res.keptEpochs()[k]), st.items().get(b),
                                String.join(", ", st.reasons(b)));
                    }
                }
            }
            o.printf("time per stage (ms): %s%n%n", res.millis());
        }
        stage5.ifPresent(st -> printStage(o, "stage 5, outlying subjects (flagged, not removed)", st));
        if (stage5Note != null) {
            o.printf("%s%n", stage5Note);
        }
        o.flush();
    }

    private static void printStage(PrintWriter o, String title, StageReport s) {
        o.printf("%s: %s%n", title, s.bad().length == 0 ? "none" : s.badItems());
        for (int b : s.bad()) {
            o.printf("  %s: %s%n", s.items().get(b), String.join(", ", s.reasons(b)));
        }
    }
}
