package org.mistudio.acquisition.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mistudio.acquisition.Shared;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/**
 * Compares a recording we read with what MNE-Python 1.3 read from the same file (../shared/golden/io).
 *
 * <p>Units: MNE reports volts for channels whose unit it knows as a voltage ({@code uV}/{@code µV} x 1e-6, {@code mV}
 * x 1e-3) and leaves every other unit ({@code V}, {@code DegC}, {@code Boolean}, {@code G}, empty) unscaled (factor 1).
 * Our samples stay in the file's physical unit, so we multiply by the same factor before comparing. Stim channels
 * (MNE's defaults: labels {@code Status}/{@code Trigger}) are unscaled in MNE too; for BDF, MNE reports them as the
 * raw digital value masked to 17 bits, which the caller maps with {@link Options#stimToMne}.
 *
 * <p>Rates: MNE resamples every channel to the highest rate (FFT resampling of each data block). Channels at that rate
 * are compared sample for sample (statistics and first five samples); channels at a lower native rate are compared
 * by length (in proportion to the rates) and mean only, which FFT resampling preserves.
 */
public final class MneGolden {

    private MneGolden() {
    }

    /** How one file's comparison deviates from the defaults. */
    public static final class Options {
        /** Maps a stim channel's sample (our physical value) to what MNE reports; identity by default. */
        public java.util.function.BiFunction<Integer, Double, Double> stimToMne = (c, v) -> v;
        /** Whether to compare annotations (false where we deliberately differ; the caller tests them). */
        public boolean annotations = true;
        /** Allowed difference of durations in seconds (MNE gives GDF events at least one sample). */
        public double durationTolerance = 1e-6;
        /** Per-channel absolute tolerance overriding the default (a millionth of the channel's largest value). */
        public java.util.Map<String, Double> tolerance = new java.util.HashMap<>();
    }

    public static Stream<Path> goldenFiles(String... folders) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> s = Files.list(Shared.root().resolve("golden/io").resolve(folder))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
            }
        }
        return out.stream();
    }

    public static JsonNode load(Path golden) throws IOException {
        // Some golden statistics are NaN (where MNE's own arithmetic overflowed); Python's json writes them bare.
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
        return mapper.readTree(golden.toFile());
    }

    public static Path dataFile(JsonNode golden) {
        return Shared.root().resolve("data").resolve(golden.get("file").asText());
    }

    /** MNE 1.3's unit factor to volts (mne/io/edf/edf.py, _read_edf_header): anything else counts as 1. */
    public static double mneScale(String unit) {
        switch (unit) {
            case "uV":
            case "\u00B5V":
            case "\u03BCV":
                return 1e-6;
            case "mV":
                return 1e-3;
            default:
                return 1;
        }
    }

    public static boolean isMneStim(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.equals("status") || l.equals("trigger");
    }

    public static void assertMatches(JsonNode g, Recording r, Options options) {
        String file = g.get("file").asText();
        List<String> names = new ArrayList<>();
        g.get("ch_names").forEach(n -> names.add(n.asText()));
        assertEquals(names, r.labels(), file + " channel names");
        double maxRate = 0;
        for (ChannelInfo ch : r.channels()) {
            if (!isMneStim(ch.label())) {
                maxRate = Math.max(maxRate, ch.samplingRate());
            }
        }
        assertEquals(g.get("sfreq").asDouble(), maxRate, 1e-9, file + " sampling rate");
        long nTimes = g.get("n_times").asLong();
        for (JsonNode stats : g.get("channel_stats")) {
            String name = stats.get("name").asText();
            int c = r.labels().indexOf(name);
            ChannelInfo ch = r.channels().get(c);
            boolean stim = isMneStim(name);
            double scale = stim ? 1 : mneScale(ch.unit());
            float[] x = r.samples()[c];
            String where = file + " '" + name + "'";
            double[] v = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                v[i] = stim ? options.stimToMne.apply(c, (double) x[i]) : x[i] * scale;
            }
            double amplitude = Math.max(Math.abs(stats.get("min").asDouble()), Math.abs(stats.get("max").asDouble()));
            // Our samples are float32: allow a few ulps of the channel's largest value.
            double tol = options.tolerance.getOrDefault(name, Math.max(amplitude * 1e-6, 1e-12));
            double mean = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                mean += d;
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            mean /= v.length;
            if (ch.samplingRate() != maxRate) {
                assertEquals(nTimes * ch.samplingRate() / maxRate, x.length, 1e-6, where + " native-rate length");
                assertEquals(stats.get("mean").asDouble(), mean, Math.max(tol, amplitude * 1e-4), where + " mean");
                continue;
            }
            assertEquals(nTimes, x.length, where + " sample count");
            double ss = 0;
            for (double d : v) {
                ss += (d - mean) * (d - mean);
            }
            if (Double.isNaN(stats.get("mean").asDouble())) {
                // MNE's statistics are NaN (xdffileio TRI20: int32 over the full range); ours must be finite, and
                // the first samples, which MNE did produce, must agree.
                assertTrue(Double.isFinite(mean) && Double.isFinite(ss), where + " finite");
                tol = Math.max(1e-6 * Math.abs(stats.get("first5").get(0).asDouble()), 1e-9);
            } else {
                assertEquals(stats.get("mean").asDouble(), mean, tol, where + " mean");
                assertEquals(stats.get("std").asDouble(), Math.sqrt(ss / v.length), tol, where + " std");
                assertEquals(stats.get("min").asDouble(), min, tol, where + " min");
                assertEquals(stats.get("max").asDouble(), max, tol, where + " max");
            }
            for (int i = 0; i < 5 && i < v.length; i++) {
                assertEquals(stats.get("first5").get(i).asDouble(), v[i], tol, where + " sample " + i);
            }
        }
        if (options.annotations) {
            assertAnnotations(file, g.get("annotations"), r.annotations(), 1 / maxRate, options.durationTolerance,
                    a -> true);
        }
    }

    /**
     * Each of MNE's annotations (those {@code expected} accepts) has one of ours with the same text, the onset within
     * {@code period} and the same duration, and we have no others.
     */
    public static void assertAnnotations(String file, JsonNode golden, List<Annotation> ours, double period,
                                         double durationTolerance, Predicate<JsonNode> expected) {
        List<Annotation> left = new ArrayList<>(ours);
        int count = 0;
        for (JsonNode a : golden) {
            if (!expected.test(a)) {
                continue;
            }
            count++;
            String text = a.get("description").asText();
            double onset = a.get("onset").asDouble();
            double duration = a.get("duration").asDouble();
            Annotation match = null;
            for (Annotation o : left) {
                if (o.label().equals(text) && Math.abs(o.onset() - onset) <= period + 1e-6
                        && Math.abs(o.duration() - duration) <= durationTolerance + 1e-9) {
                    match = o;
                    break;
                }
            }
            if (match == null) {
                fail(file + ": no annotation '" + text + "' at " + onset + " s lasting " + duration + " s among "
                        + left);
            }
            left.remove(match);
        }
        assertTrue(left.isEmpty(), file + ": annotations MNE does not have: " + left);
        assertEquals(count, ours.size(), file + " annotation count");
    }
}
