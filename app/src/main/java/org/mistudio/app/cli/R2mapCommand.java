package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mistudio.dsp.epoch.EpochingResult;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.dsp.features.R2Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio r2map}: signed r² per channel and frequency between two classes, top features listed. */
@Command(name = "r2map", mixinStandardHelpOptions = true,
        description = "Signed r² (squared point-biserial correlation, positive where the second class has more "
                + "power) of per-trial PSD features between two classes, per channel and frequency. PSD as "
                + "HappyFeat: 1-4 s after the cue, 0.25 s windows every 0.161 s, averaged, 1 Hz bins. Runs are "
                + "joined in the order given.")
final class R2mapCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "recordings (EDF/BDF/GDF), joined in order")
    List<Path> files;

    @Option(names = "--classes", required = true, paramLabel = "T1,T2",
            description = "the two annotation labels (LABEL or LABEL=NAME)")
    String classes;

    @Option(names = "--method", defaultValue = "welch", description = "welch or burg (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--top", defaultValue = "10", description = "how many top features to list (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--fmin", defaultValue = "1", description = "lowest frequency, Hz (default ${DEFAULT-VALUE})")
    double fmin;

    @Option(names = "--fmax", defaultValue = "40", description = "highest frequency, Hz (default ${DEFAULT-VALUE})")
    double fmax;

    @Option(names = "--json", description = "one JSON document: classes, channels, freqs, r2[channel][freq], top")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static PsdFeatures.Method method(CommandLine cli, String m) {
        switch (m.toLowerCase(Locale.ROOT)) {
            case "welch":
                return PsdFeatures.Method.WELCH;
            case "burg":
                return PsdFeatures.Method.BURG;
            default:
                throw new CommandLine.ParameterException(cli, "--method: expected welch or burg, got '" + m + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        PsdFeatures.Method m = method(spec.commandLine(), method);
        if (top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top: must be at least 1, got " + top);
        }
        Map<String, String> mapping = ClassMapping.parse(classes);
        List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(mapping.values()));
        if (names.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--classes: r2map compares exactly 2 classes, got " + names);
        }
        EpochingResult cut = Trials.forSpectra(files, mapping);
        FeatureTensor psd = PsdFeatures.happyFeat(m).withBand(fmin, fmax).extract(cut.epochs());
        R2Map map = R2Map.of(psd, names.get(0), names.get(1));
        List<R2Map.Cell> best = map.top(top, null, fmin, fmax);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("files", files.stream().map(Path::toString).toList());
            doc.put("method", m.name().toLowerCase(Locale.ROOT));
            doc.put("classes", names);
            doc.put("trials", cut.epochs().trialCount());
            doc.put("channels", map.channels());
            doc.put("freqs", map.frequencies());
            doc.put("r2", map.values());
            List<Map<String, Object>> list = new ArrayList<>();
            for (R2Map.Cell c : best) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("feature", c.channel().replace(".", "") + ";" + (long) c.frequency());
                e.put("channel", c.channel());
                e.put("frequency", c.frequency());
                e.put("r2", c.r2());
                list.add(e);
            }
            doc.put("top", list);
            Json.print(out, doc);
            return 0;
        }
        out.printf(Locale.ROOT, "signed r² %s vs %s, %d trials, %s PSD (positive: more power in %s)%n", names.get(0),
                names.get(1), cut.epochs().trialCount(), m.name().toLowerCase(Locale.ROOT), names.get(1));
        out.printf(Locale.ROOT, "%-4s %-10s %8s %8s%n", "rank", "feature", "Hz", "r²");
        int rank = 1;
        for (R2Map.Cell c : best) {
            out.printf(Locale.ROOT, "%-4d %-10s %8.1f %+8.4f%n", rank++, c.channel().replace(".", "") + ";"
                    + (long) c.frequency(), c.frequency(), c.r2());
        }
        out.flush();
        return 0;
    }
}
