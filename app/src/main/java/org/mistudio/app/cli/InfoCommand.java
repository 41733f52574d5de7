package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.mistudio.app.Numbers;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.PhysicalUnit;
import org.mistudio.acquisition.model.Recording;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio info FILE}: what a recording holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Channels, sampling rates, duration and annotations of a recording.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "EDF/EDF+, BDF/BDF+, GDF 1.x/2.x or XDF recording")
    Path file;

    @Option(names = "--json", description = "print one JSON document instead of the summary")
    boolean json;

    @Option(names = "--stats", description = "per-channel mean, standard deviation, minimum and maximum; in volts "
            + "for voltage channels, else in the channel's unit")
    boolean stats;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RecordingFiles.Described d = RecordingFiles.readDescribed(file);
        Recording r = d.recording();
        Map<String, Integer> counts = new TreeMap<>();
        for (Annotation a : r.annotations()) {
            counts.merge(a.label(), 1, Integer::sum);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("format", d.format());
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
                if (stats) {
                    Stats st = Stats.of(r.samples()[c], ch.unit());
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("unit", st.unit());
                    sm.put("mean", Double.isNaN(st.mean()) ? null : st.mean());
                    sm.put("std", Double.isNaN(st.std()) ? null : st.std());
                    sm.put("min", Double.isNaN(st.min()) ? null : st.min());
                    sm.put("max", Double.isNaN(st.max()) ? null : st.max());
                    cm.put("stats", sm);
                }
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
        out.printf(Locale.ROOT, "%s%nformat %s, start %s, %.3f s, %d channels%n", file, d.format(), r.start(),
                r.duration(), r.channelCount());
        out.printf(Locale.ROOT, "%-16s %-5s %-6s %10s %10s", "channel", "type", "unit", "rate Hz", "samples");
        out.printf(Locale.ROOT, stats ? " %12s %12s %12s %12s %-6s%n" : "%n", "mean", "std", "min", "max", "in");
        for (int c = 0; c < r.channelCount(); c++) {
            ChannelInfo ch = r.channels().get(c);
            out.printf(Locale.ROOT, "%-16s %-5s %-6s %10s %10d", ch.label(), ch.type(), ch.unit(),
                    Numbers.plain(ch.samplingRate()), r.samples()[c].length);
            if (stats) {
                Stats st = Stats.of(r.samples()[c], ch.unit());
                out.printf(Locale.ROOT, " %12.5g %12.5g %12.5g %12.5g %-6s%n", st.mean(), st.std(), st.min(),
                        st.max(), st.unit());
            } else {
                out.println();
            }
        }
        out.printf(Locale.ROOT, "%d annotations%n", r.annotations().size());
        counts.forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s %d%n", k, v));
        out.flush();
        return 0;
    }

    /**
     * Mean, population standard deviation, minimum and maximum of one channel, in volts where {@code unit} is a
     * voltage ({@link PhysicalUnit#voltsPer}), else in {@code unit}; NaN for a channel without samples.
     */
    record Stats(String unit, double mean, double std, double min, double max) {

        static Stats of(float[] x, String unit) {
            Optional<Double> volts = PhysicalUnit.voltsPer(unit);
            double k = volts.orElse(1.0);
            if (x.length == 0) {
                return new Stats(volts.isPresent() ? "V" : unit, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : x) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / x.length;
            double ss = 0;
            for (float v : x) {
                ss += (v - mean) * (v - mean);
            }
            return new Stats(volts.isPresent() ? "V" : unit, mean * k, Math.sqrt(ss / x.length) * k, min * k,
                    max * k);
        }
    }
}
