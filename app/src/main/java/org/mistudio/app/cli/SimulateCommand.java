package org.mistudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.mistudio.app.Numbers;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.ArtifactConfig;
import org.mistudio.acquisition.sim.ArtifactEvent;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.MiClass;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.Simulation;
import org.mistudio.acquisition.sim.SimulatorConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mistudio simulate}: a motor-imagery session from the simulator, written as EDF+ or BDF+. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a Graz-paradigm motor-imagery session (cues as annotations) and write it as "
                + "EDF+ (.edf) or BDF+ (.bdf). The same options and seed give the same file, byte for byte.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "output .edf or .bdf")
    Path out;

    @Option(names = "--channels", paramLabel = "SET|LABELS", defaultValue = "22",
            description = "22 (BCI IV 2a), 64 (EEGMMIDB) or comma-separated 10-05 labels (default ${DEFAULT-VALUE})")
    String channels;

    @Option(names = "--no-eog", description = "leave out the three EOG channels")
    boolean noEog;

    @Option(names = "--rate", defaultValue = "250", description = "sampling rate in Hz (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--trials", defaultValue = "20", description = "trials per class (default ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--classes", defaultValue = "left_hand,right_hand",
            description = "cued classes from left_hand, right_hand, feet (default ${DEFAULT-VALUE})")
    String classes;

    @Option(names = "--erd", defaultValue = "0.5",
            description = "fraction of mu/beta power lost contralaterally during imagery (default ${DEFAULT-VALUE})")
    double erd;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--artifacts", defaultValue = "none",
            description = "none or typical (blinks, muscle bursts, electrode pops) (default ${DEFAULT-VALUE})")
    String artifacts;

    @Option(names = "--flat", paramLabel = "CHANNEL", description = "a channel to disconnect")
    String flat;

    @Option(names = "--noisy", paramLabel = "CHANNEL", description = "a channel with a poor contact")
    String noisy;

    @Option(names = "--truth", paramLabel = "FILE.json", description = "write the artifacts' ground truth here")
    Path truth;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> labels = channels.matches("\\d+|bci-iv-2a|eegmmidb")
                ? ChannelSets.named(channels) : List.of(channels.split("\\s*,\\s*"));
        List<MiClass> classList = new ArrayList<>();
        for (String c : classes.split(",")) {
            classList.add(MiClass.fromLabel(c.trim()));
        }
        ArtifactConfig base;
        switch (artifacts.toLowerCase(Locale.ROOT)) {
            case "none":
                base = ArtifactConfig.none();
                break;
            case "typical":
                base = ArtifactConfig.typical();
                break;
            default:
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--artifacts: expected none or typical, got '" + artifacts + "'");
        }
        ArtifactConfig artifactConfig = new ArtifactConfig(base.blinksPerMinute(), base.musclePerMinute(),
                base.popsPerMinute(), Optional.ofNullable(flat), Optional.ofNullable(noisy));
        SimulatorConfig config = SimulatorConfig.defaults().withChannels(labels).withEog(!noEog)
                .withSamplingRate(rate).withTrialsPerClass(trials).withClasses(classList).withErdStrength(erd)
                .withSeed(seed).withArtifacts(artifactConfig);
        Simulation sim = MotorImagerySimulator.simulate(config);
        Recording r = sim.recording();
        RecordingFiles.write(r, out);
        if (truth != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("recording", out.getFileName().toString());
            doc.put("mu_frequency_hz", sim.muFrequency());
            doc.put("beta_frequency_hz", sim.betaFrequency());
            List<Map<String, Object>> events = new ArrayList<>();
            for (ArtifactEvent e : sim.artifacts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", e.type().name().toLowerCase(Locale.ROOT));
                m.put("onset_s", e.onset());
                m.put("duration_s", e.duration());
                m.put("channels", e.channels());
                events.add(m);
            }
            doc.put("artifacts", events);
            Files.writeString(truth, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: %d channels at %s Hz, %.1f s, %d annotations, "
                        + "%d artifacts%n", out, r.channelCount(), Numbers.plain(r.samplingRate()), r.duration(),
                r.annotations().size(), sim.artifacts().size());
        return 0;
    }
}
