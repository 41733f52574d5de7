package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.app.Display;
import org.mistudio.app.gui.live.LiveSessionApp;
import org.mistudio.app.gui.live.LiveSetup;
import org.mistudio.app.live.LiveConfig;
import org.mistudio.app.live.LiveCues;
import org.mistudio.app.live.LiveListener;
import org.mistudio.app.live.LivePrediction;
import org.mistudio.app.live.LiveSession;
import org.mistudio.app.live.LiveSummary;
import org.mistudio.app.live.SessionFile;
import org.mistudio.app.live.TonePlayer;
import org.mistudio.app.live.TrialResult;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelMetadata;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mistudio live}: the live session without a window. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"A live motor-imagery session without a window: the Graz protocol (OpenViBE's motor-imagery "
                + "timing; its markers published as an int32 LSL stream with the GDF/OpenViBE stimulation codes), "
                + "online decoding of a sliding window of causally filtered EEG with a model from `train`, and a "
                + "crash-safe recording of everything received with the cues and predictions as annotations.",
                "--calibration runs the protocol without a model (record it, then `train` on it). --markers follows an "
                        + "external marker stream's cues (e.g. `lsl play` of a recording) instead of giving its own.",
                "Prints the predictions (one line a second; --all-predictions: every one), each trial's result and a "
                        + "summary with the accuracy and the latency from sample arrival to prediction (median, p99), "
                        + "which --record also saves beside the recording (FILE.session.json)."})
final class LiveCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL", description = "a .mimodel from `train`")
    Path model;

    @Option(names = "--calibration", description = "no model: protocol and recording only")
    boolean calibration;

    @Option(names = "--stream", paramLabel = "NAME", description = "the EEG stream's name (required without --gui)")
    String stream;

    @Option(names = "--markers", paramLabel = "NAME", description = "follow this marker stream's cues")
    String markers;

    @Option(names = "--outlet", defaultValue = "MIStudio-Live-Markers", paramLabel = "NAME",
            description = "name of the session's marker stream (default ${DEFAULT-VALUE})")
    String outlet;

    @Option(names = "--trials", defaultValue = "20", paramLabel = "N",
            description = "trials per class (default ${DEFAULT-VALUE}, as OpenViBE)")
    int trials;

    @Option(names = "--cues", paramLabel = "CUE[=CLASS],...",
            description = "the cues and the model class each means, e.g. left_hand=T1,right_hand=T2 (default: from "
                    + "the model's training labels; calibration: left_hand,right_hand)")
    String cues;

    @Option(names = "--baseline", defaultValue = "20", description = "baseline block in s, 0 for none (default ${DEFAULT-VALUE})")
    double baseline;

    @Option(names = "--time-scale", defaultValue = "1", paramLabel = "F",
            description = "multiply every protocol duration by F (default ${DEFAULT-VALUE})")
    double timeScale;

    @Option(names = "--step", defaultValue = "0.0625", description = "seconds between predictions (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--smoothing", defaultValue = "8", description = "predictions averaged for the feedback (default ${DEFAULT-VALUE})")
    int smoothing;

    @Option(names = "--record", paramLabel = "OUT", description = "record to OUT (.edf or .bdf), crash-safe")
    Path record;

    @Option(names = "--seed", defaultValue = "42", description = "trial order and rests (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max-seconds", defaultValue = "0", description = "stop after this much stream time (0: at the protocol's end)")
    double maxSeconds;

    @Option(names = "--timeout", defaultValue = "10", description = "seconds to look for the streams (default ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--no-beep", description = "do not play the trial beep (own protocol: a 1 kHz, 70 ms tone at each "
            + "beep stimulation, 33282; its marker is sent either way)")
    boolean noBeep;

    @Option(names = "--all-predictions", description = "print every prediction")
    boolean allPredictions;

    @Option(names = "--json", description = "only the summary, as one JSON document")
    boolean json;

    @Option(names = "--gui", description = "the session in a window: the patient's screen (cross, cue arrow, feedback "
            + "bar) and the operator's panel (stream and model choice with the channel check, trial results, running "
            + "accuracy, latency); with --stream and --model or --calibration it starts at once; the summary is "
            + "printed when the window closes")
    boolean gui;

    @Option(names = "--close-at-end", description = "with --gui: close the window when the session ends")
    boolean closeAtEnd;

    @Mixin
    LslCommand.Scope scope;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (model != null && calibration || !gui && (model == null) == !calibration) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --model MODEL or --calibration (one of them)");
        }
        if (stream == null && !gui) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --stream NAME (or choose it in --gui)");
        }
        if (!(timeScale > 0) || baseline < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-scale must be > 0 and --baseline >= 0");
        }
        ModelFile.Contents contents = model == null ? null : ModelFile.read(model);
        Map<Stimulation, String> cueClasses = cueClasses(contents == null ? null : contents.metadata());
        GrazTiming t = GrazTiming.openVibe();
        t = new GrazTiming(t.experimentLead(), baseline, t.postBaseline(), t.waitForBeep(), t.waitForCue(),
                t.displayCue(), t.feedback(), t.endOfTrialMin(), t.endOfTrialMax()).scaled(timeScale);
        if (baseline == 0) {
            t = new GrazTiming(0, 0, t.postBaseline(), t.waitForBeep(), t.waitForCue(), t.displayCue(), t.feedback(),
                    t.endOfTrialMin(), t.endOfTrialMax());
        }
        if (gui) {
            return window(contents, t);
        }
        LiveConfig cfg = LiveConfig.defaults(scope.config(), stream).withMarkers(markers).withOutletName(outlet)
                .withTiming(t).withCueClasses(cueClasses).withTrials(trials, seed).withDecoding(step, smoothing)
                .withRecord(record).withLimits(timeout, maxSeconds);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveSession session = new LiveSession(cfg, contents, json ? null : new Printer(out, err));
        TonePlayer tones = noBeep || markers != null ? null
                : new TonePlayer(note -> err.println("mistudio live: " + note));
        session.beep(tones);
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            session.stop(); // Ctrl-C: finish the current data record and close the file
            try {
                ended.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        LiveSummary s;
        try {
            s = session.run();
        } finally {
            if (tones != null) {
                tones.close();
            }
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down
            }
        }
        Map<String, Object> doc = SessionFile.document(s, model);
        if (record != null) {
            SessionFile.write(s, model);
        }
        if (json) {
            Json.print(out, doc);
            return 0;
        }
        summary(out, s);
        return 0;
    }

    /** {@code --gui}: the same session in the live window. */
    private int window(ModelFile.Contents contents, GrazTiming t) throws InterruptedException {
        Optional<String> noDisplay = Display.unavailableReason();
        if (noDisplay.isPresent()) {
            spec.commandLine().getErr().println("mistudio live: " + noDisplay.get() + "; run it without --gui");
            return MiStudioCommand.INPUT_ERROR;
        }
        boolean ready = stream != null && (contents != null || calibration);
        Path dir = record != null ? record.toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
        LiveSetup setup = LiveSetup.defaults(scope.config(), dir).withModel(model).withCalibration(calibration)
                .withStream(stream, markers).withProtocol(t, trials, seed, outlet).withRecord(record)
                .withDecoding(step, smoothing, cues == null ? null : ClassMapping.parse(cues))
                .withRun(ready, closeAtEnd && ready).withBeep(!noBeep);
        LiveSummary s;
        try {
            Optional<LiveSummary> ran = LiveSessionApp.run(setup);
            if (ran.isEmpty()) {
                spec.commandLine().getErr().println("mistudio live: the window closed before a session started");
                return 0;
            }
            s = ran.get();
        } catch (java.util.concurrent.ExecutionException e) {
            spec.commandLine().getErr().println("mistudio live: " + org.mistudio.app.gui.Errors.describe(e));
            return MiStudioCommand.INPUT_ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, SessionFile.document(s, model));
        } else {
            summary(out, s);
        }
        return 0;
    }

    private Map<Stimulation, String> cueClasses(ModelMetadata md) {
        try {
            return LiveCues.forModel(md, cues == null ? null : ClassMapping.parse(cues));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cues: " + e.getMessage());
        }
    }

    private static void summary(PrintWriter out, LiveSummary s) {
        out.printf(Locale.ROOT, "%s session on %s: %d trials, %.1f s of stream%n", s.mode(), s.stream(),
                s.trials().size(), s.streamSeconds());
        if (!Double.isNaN(s.accuracy())) {
            out.printf(Locale.ROOT, "accuracy %.4f (%d/%d), significant above %.3f (binomial, alpha 0.05)%n",
                    s.accuracy(), s.correctTrials(), s.trials().stream().filter(r -> r.decoded() != null).count(),
                    s.chanceThreshold());
        }
        if (s.predictions() > 0) {
            out.printf(Locale.ROOT, "latency from sample arrival to prediction: median %.2f ms, p99 %.2f ms, max %.2f ms "
                    + "(%d predictions)%n", s.latencyMedian(), s.latencyP99(), s.latencyMax(), s.predictions());
        }
        out.printf(Locale.ROOT, "samples received %d, recorded %d%s, gaps %d, markers sent %d%n", s.samplesReceived(),
                s.samplesRecorded(), s.record() == null ? "" : " (" + s.record() + ")", s.gaps(), s.markersSent());
        out.flush();
    }

    /** Prints the session as it goes. */
    private final class Printer implements LiveListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private double lastPrinted = Double.NEGATIVE_INFINITY;
        private int decided;
        private int correct;

        Printer(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void connected(String name, int channels, double rate, List<String> warnings) {
            err.printf(Locale.ROOT, "connected to %s: %d channels at %s Hz%n", name, channels, LslCommand.plain(rate));
            for (String w : warnings) {
                err.println("mistudio: " + w);
            }
            err.flush();
        }

        @Override
        public void stimulation(double time, Stimulation s, int trial) {
            if (s.isCue() || s == Stimulation.EXPERIMENT_START || s == Stimulation.EXPERIMENT_STOP) {
                out.printf(Locale.ROOT, "%9.3f s  %-18s%s%n", time, s.label() + " (" + s.code() + ")",
                        trial >= 0 ? "trial " + trial : "");
                out.flush();
            }
        }

        @Override
        public void prediction(LivePrediction p) {
            if (!allPredictions && p.time() - lastPrinted < 1) {
                return;
            }
            lastPrinted = p.time();
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < p.smoothed().length; k++) {
                b.append(String.format(Locale.ROOT, " %s %.3f", p.classNames().get(k), p.smoothed()[k]));
            }
            out.printf(Locale.ROOT, "%9.3f s  predict %-12s%s  (%.2f ms)%n", p.time(), p.decoded(), b, p.latencyMillis());
            out.flush();
        }

        @Override
        public void trialEnded(TrialResult r) {
            if (r.decoded() == null) {
                return;
            }
            decided++;
            correct += r.correct() ? 1 : 0;
            out.printf(Locale.ROOT, "%9.3f s  trial %d: cue %s, decoded %s (%s)  running accuracy %.1f %% (%d/%d)%n",
                    r.cueTime(), r.index(), r.cue(), r.decoded(), r.correct() ? "correct" : "wrong",
                    100.0 * correct / decided, correct, decided);
            out.flush();
        }
    }
}
