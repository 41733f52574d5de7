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
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.lsl.LslScope;
import org.mistudio.acquisition.lsl.Resolver;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.lsl.play.LslPlayer;
import org.mistudio.acquisition.lsl.record.LslRecorder;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio lsl}: Lab Streaming Layer tools (pure Java, no native library). */
@Command(name = "lsl", mixinStandardHelpOptions = true,
        description = "Lab Streaming Layer: list streams, stream a recording or the simulator, record to EDF+/BDF+.",
        subcommands = {LslCommand.ListStreams.class, LslCommand.Simulate.class, LslCommand.Play.class,
                LslCommand.Record.class, LslBenchCommand.class})
final class LslCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code --scope}, default from MISTUDIO_LSL_SCOPE (else site). */
    static final class Scope {
        @Option(names = "--scope", paramLabel = "S",
                description = "discovery scope: machine, link, site, organization or global (default: "
                        + "$MISTUDIO_LSL_SCOPE, else site)")
        String scope;

        LslConfig config() {
            return LslConfig.of(scope == null ? LslScope.fromEnvironment() : LslScope.parse(scope));
        }
    }

    /** Blocks until the JVM is interrupted or {@code seconds} (0 = forever) pass. */
    static void waitFor(double seconds) throws InterruptedException {
        if (seconds > 0) {
            Thread.sleep((long) (seconds * 1000));
        } else {
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Streams on the network: name, type, channels, rate, format, source_id, host.")
    static final class ListStreams implements Callable<Integer> {
        @Mixin
        Scope scope;

        @Option(names = "--json", description = "one JSON array")
        boolean json;

        @Option(names = "--wait", defaultValue = "1.5", description = "seconds to wait for answers (default ${DEFAULT-VALUE})")
        double wait;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<StreamInfo> found = Resolver.all(scope.config(), (long) (wait * 1000));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (StreamInfo s : found) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", s.name());
                    m.put("type", s.type());
                    m.put("channel_count", s.channelCount());
                    m.put("nominal_srate", s.nominalSrate());
                    m.put("channel_format", s.format().xmlName());
                    m.put("source_id", s.sourceId());
                    m.put("hostname", s.hostname());
                    m.put("address", s.v4address());
                    m.put("uid", s.uid());
                    rows.add(m);
                }
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            } else {
                out.printf(Locale.ROOT, "%-24s %-10s %8s %10s %-9s %-24s %s%n", "name", "type", "channels", "rate",
                        "format", "source_id", "host");
                for (StreamInfo s : found) {
                    out.printf(Locale.ROOT, "%-24s %-10s %8d %10s %-9s %-24s %s (%s)%n", s.name(), s.type(),
                            s.channelCount(), s.nominalSrate() > 0 ? plain(s.nominalSrate()) : "irregular",
                            s.format().xmlName(), s.sourceId(), s.hostname(), s.v4address());
                }
            }
            out.flush();
            return 0;
        }
    }

    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Command(name = "play", mixinStandardHelpOptions = true,
            description = "Stream a recording (EDF/BDF/GDF/XDF) in real time as an EEG outlet NAME plus its "
                    + "annotations as a marker outlet NAME-markers, like MNE-LSL's player.")
    static final class Play implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--name", defaultValue = "MIStudio-Player", description = "stream name (default ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--loop", description = "start over at the end (until interrupted)")
        boolean loop;

        @Option(names = "--speed", defaultValue = "1", description = "playback speed factor (default ${DEFAULT-VALUE})")
        double speed;

        @Mixin
        Scope scope;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Recording r = RecordingFiles.read(file);
            return play(spec, r, name, scope.config(), loop, speed);
        }
    }

    static int play(CommandLine.Model.CommandSpec spec, Recording r, String name, LslConfig config, boolean loop,
            double speed) throws Exception {
        try (LslPlayer p = LslPlayer.start(r, name, config, loop, speed)) {
            spec.commandLine().getErr().println("streaming " + p.describe() + (loop ? ", looping" : "")
                    + " (scope " + config.scope().name().toLowerCase(Locale.ROOT) + ")");
            spec.commandLine().getErr().flush();
            while (!p.awaitEnd(1000)) {
                // until the end (or forever with --loop); Ctrl-C ends the JVM
            }
            Thread.sleep(200); // let the last chunk leave
        }
        return 0;
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = {"Stream the motor-imagery simulator in real time (EEG outlet NAME, cues as marker outlet "
                    + "NAME-markers), looping its session.",
                    "With --follow MARKERS: a simulated patient instead, who imagines whatever that marker stream cues "
                            + "(769 left, 770 right, 771 feet; 800 ends the imagery), e.g. the markers of "
                            + "`mistudio live`; no marker outlet of its own."})
    static final class Simulate implements Callable<Integer> {
        @Option(names = "--name", defaultValue = "MIStudio-Sim", description = "stream name (default ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--channels", defaultValue = "22", description = "22, 64 or comma-separated labels")
        String channels;

        @Option(names = "--rate", defaultValue = "250", description = "sampling rate in Hz (default ${DEFAULT-VALUE})")
        double rate;

        @Option(names = "--trials", defaultValue = "20", description = "trials per class in one session")
        int trials;

        @Option(names = "--duration", defaultValue = "0", description = "stop after S seconds (0: until interrupted)")
        double duration;

        @Option(names = "--follow", paramLabel = "MARKERS", description = "a simulated patient following this marker stream")
        String follow;

        @Option(names = "--speed", defaultValue = "1",
                description = "--follow: stream time per wall-clock second (default ${DEFAULT-VALUE}: real time)")
        double speed;

        @Option(names = "--erd", defaultValue = "0.5", description = "--follow: ERD strength (default ${DEFAULT-VALUE})")
        double erd;

        @Option(names = "--session", defaultValue = "1", description = "--follow: session seed (--seed is the subject)")
        long session;

        @Mixin
        Scope scope;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<String> labels = channels.matches("\\d+|bci-iv-2a|eegmmidb")
                    ? ChannelSets.named(channels) : List.of(channels.split("\\s*,\\s*"));
            if (follow != null) {
                LslConfig config = scope.config();
                StreamingSimulator sim = new StreamingSimulator(labels, rate, erd, seed, session);
                try (SimulatedPatient p = SimulatedPatient.start(sim, name, config, follow, speed, false)) {
                    spec.commandLine().getErr().printf(Locale.ROOT, "simulated patient %s: %d channels at %s Hz, "
                            + "following %s (scope %s)%n", name, labels.size(), plain(rate), follow,
                            config.scope().name().toLowerCase(Locale.ROOT));
                    spec.commandLine().getErr().flush();
                    waitFor(duration);
                }
                return 0;
            }
            Recording r = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withChannels(labels)
                    .withSamplingRate(rate).withTrialsPerClass(trials).withSeed(seed)).recording();
            LslConfig config = scope.config();
            try (LslPlayer p = LslPlayer.start(r, name, config, true, 1)) {
                spec.commandLine().getErr().println("simulating " + p.describe() + " (scope "
                        + config.scope().name().toLowerCase(Locale.ROOT) + ")");
                spec.commandLine().getErr().flush();
                waitFor(duration);
            }
            return 0;
        }
    }

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Record a stream (and a marker stream) to EDF+ (.edf) or BDF+ (.bdf), crash-safe: "
                    + "every completed 1 s data record is on disk and counted in the header.")
    static final class Record implements Callable<Integer> {
        @Option(names = "--stream", required = true, paramLabel = "NAME", description = "the EEG stream's name")
        String stream;

        @Option(names = "--markers", paramLabel = "NAME", description = "a marker stream's name")
        String markers;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "output .edf or .bdf")
        Path out;

        @Option(names = "--duration", defaultValue = "0", description = "seconds to record (0: until interrupted)")
        double duration;

        @Option(names = "--range", paramLabel = "MIN,MAX",
                description = "physical range of every channel (default -3276.8,3276.7 for EDF, "
                        + "-262143,262143 for BDF)")
        String range;

        @Option(names = "--timeout", defaultValue = "10", description = "seconds to look for the streams")
        double timeout;

        @Mixin
        Scope scope;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LslConfig config = scope.config();
            StreamInfo eeg = find(config, stream);
            StreamInfo mk = markers == null ? null : find(config, markers);
            LslRecorder.Options opt = LslRecorder.Options.forFile(out).withDuration(duration);
            if (range != null) {
                String[] p = range.split(",");
                if (p.length != 2) {
                    throw new IllegalArgumentException("--range: expected MIN,MAX, got '" + range + "'");
                }
                opt = opt.withRange(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
            }
            PrintWriter err = spec.commandLine().getErr();
            LslRecorder rec = LslRecorder.start(config, eeg, mk, out, opt);
            Thread hook = new Thread(() -> {
                try {
                    rec.close();
                } catch (Exception e) {
                    // exiting anyway
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                err.println("recording " + eeg.name() + (mk == null ? "" : " + " + mk.name()) + " to " + out);
                err.flush();
                rec.awaitEnd(duration > 0 ? (long) (duration * 1000 + 60_000) : Long.MAX_VALUE / 2_000_000L);
                rec.close();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down
                }
            }
            err.printf(Locale.ROOT, "wrote %s: %d records, %d markers%s%s%n", out, rec.recordCount(),
                    rec.markersWritten(), rec.clippedCount() > 0 ? ", " + rec.clippedCount()
                            + " values clipped to the physical range" : "",
                    rec.gapsFilled() > 0 ? ", " + rec.gapsFilled() + " gaps" : "");
            return 0;
        }

        private StreamInfo find(LslConfig config, String name) throws Exception {
            List<StreamInfo> s = Resolver.byName(config, name, (long) (timeout * 1000));
            if (s.isEmpty()) {
                throw new IllegalArgumentException("no LSL stream named '" + name + "' found within " + timeout
                        + " s (scope " + config.scope().name().toLowerCase(Locale.ROOT) + ")");
            }
            return s.get(0);
        }
    }
}
