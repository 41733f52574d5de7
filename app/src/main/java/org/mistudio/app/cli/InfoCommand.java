package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.mistudio.app.Numbers;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio info FILE}: what a recording holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Channels, sampling rates, duration and annotations of a recording.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "EDF/EDF+ or BDF/BDF+ recording")
    Path file;

    @Option(names = "--json", description = "print one JSON document instead of the summary")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Recording r = RecordingFiles.read(file);
        Map<String, Integer> counts = new TreeMap<>();
        for (Annotation a : r.annotations()) {
            counts.merge(a.label(), 1, Integer::sum);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("start", r.start().toString());
            m.put("duration_s", r.duration());
            List<Map<String, Object>> chans = new ArrayList<>();
            for (int c = 0; c < r.channelCount(); c++) {
                ChannelInfo ch = r.channels().get(c);
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("label", ch.label());
                cm.put("type", ch.type().name());
                cm.put("unit", ch.unit());
                cm.put("sampling_rate_hz", ch.samplingRate());
                cm.put("samples", r.samples()[c].length);
                chans.add(cm);
            }
            m.put("channels", chans);
            m.put("annotation_counts", counts);
            List<Map<String, Object>> notes = new ArrayList<>();
            for (Annotation a : r.annotations()) {
                notes.add(Map.of("onset_s", a.onset(), "duration_s", a.duration(), "label", a.label()));
            }
            m.put("annotations", notes);
            Json.print(out, m);
            return 0;
        }
        out.printf(Locale.ROOT, "%s%nstart %s, %.3f s, %d channels%n", file, r.start(), r.duration(),
                r.channelCount());
        out.printf(Locale.ROOT, "%-16s %-5s %-6s %10s %10s%n", "channel", "type", "unit", "rate Hz", "samples");
        for (int c = 0; c < r.channelCount(); c++) {
            ChannelInfo ch = r.channels().get(c);
            out.printf(Locale.ROOT, "%-16s %-5s %-6s %10s %10d%n", ch.label(), ch.type(), ch.unit(),
                    Numbers.plain(ch.samplingRate()), r.samples()[c].length);
        }
        out.printf(Locale.ROOT, "%d annotations%n", r.annotations().size());
        counts.forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s %d%n", k, v));
        out.flush();
        return 0;
    }
}
