package org.mistudio.acquisition.io.gdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mistudio.acquisition.Shared;
import org.mistudio.acquisition.io.MneGolden;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;

/**
 * Every GDF file under ../shared/data/gdf-samples against what MNE-Python 1.3 read (rules in {@link MneGolden}).
 * Event labels: MNE names every event by its numeric code; we do too except for the motor-imagery codes
 * ({@link GdfEvents}), which none of these files uses. Event durations: MNE gives each event at least one sample
 * (mode 1 tables have no durations); ours are the table's (0 for mode 1), so durations may differ by one sample.
 */
class GdfGoldenTest {

    static Stream<Path> goldenFiles() throws IOException {
        return MneGolden.goldenFiles("gdf-samples");
    }

    private static Path data(String name) {
        return Shared.root().resolve("data/gdf-samples").resolve(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void readsAsMneDoesOrAsDocumented(Path goldenFile) throws IOException {
        JsonNode g = MneGolden.load(goldenFile);
        Path data = MneGolden.dataFile(g);
        if (g.has("mne_error")) {
            // Checked against independent expectations below.
            assertTrue(data.getFileName().toString().matches("openvibe_(test_gdf2..|eog-artifact)\\.gdf"),
                    "unexpected MNE failure without a dedicated test: " + data);
            return;
        }
        Recording r = RecordingFiles.read(data);
        // MNE drops events outside the data (spaceship-freetime has one at 127.998 s of 127.5 s; xdffileio one at
        // position 0, i.e. -1 sample with 1-based positions); we keep every event of the table, so compare only
        // those within the data.
        double end = r.duration();
        r = r.withAnnotations(r.annotations().stream().filter(a -> a.onset() >= 0 && a.onset() < end).toList());
        if (data.getFileName().toString().startsWith("xdffileio_ref128_gdf")) {
            g = withBdfTriggerStats(g);
        }
        MneGolden.Options options = new MneGolden.Options();
        options.durationTolerance = 1 / g.get("sfreq").asDouble();
        options.tolerance.put("TRI20", 0.01);
        MneGolden.assertMatches(g, r, options);
        String date = g.get("meas_date").asText();
        if (date.equals("None")) {
            assertEquals(GdfReader.UNKNOWN_START, r.start());
        } else {
            LocalDateTime expected = LocalDateTime.parse(date.substring(0, date.indexOf('+')).replace(' ', 'T'));
            assertTrue(Duration.between(expected, r.start()).abs().toMillis() <= 1, r.start() + " vs " + expected);
        }
    }

    /**
     * xdffileio's reference files store EEG/EXG as float32 and TRI10/TRI20 as int32. MNE 1.3 reads every channel of a
     * GDF with one data type, so its TRI10 is a constant 8388608 (the channel's offset) and its TRI20 statistics NaN
     * (its first samples -0.498). The same recording written as BDF (bdf-samples/xdffileio_ref128.bdf), which MNE reads
     * correctly, is the independent expectation for these two channels; TRI20's GDF scaling (physical range 2^24 - 1
     * over digital range 2^32 - 1) puts its values within 0.01 of the BDF's.
     */
    private static JsonNode withBdfTriggerStats(JsonNode g) throws IOException {
        JsonNode bdf = MneGolden.load(Shared.root().resolve("golden/io/bdf-samples/xdffileio_ref128.bdf.json"));
        com.fasterxml.jackson.databind.node.ObjectNode copy = g.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode stats = (com.fasterxml.jackson.databind.node.ArrayNode)
                copy.get("channel_stats");
        for (int i = 0; i < stats.size(); i++) {
            String name = stats.get(i).get("name").asText();
            if (name.startsWith("TRI")) {
                for (JsonNode b : bdf.get("channel_stats")) {
                    if (b.get("name").asText().equals(name)) {
                        stats.set(i, b);
                    }
                }
            }
        }
        return copy;
    }

    @Test
    void gdf2WithHeader3AndFloatDurationReadsLikeGdf125() throws IOException {
        // MNE 1.3 fails on these ("AssertionError": GDF 2.11+ may put a tag-length-value header 3 between the channel
        // headers and the data, which MNE does not expect; 2.21+ store the record duration as float64). The four
        // OpenViBE test files hold the same 3 channels x 7 records x 1536 samples at 512 Hz; GDF 1.25 is read by MNE.
        JsonNode g = MneGolden.load(Shared.root().resolve("golden/io/gdf-samples/openvibe_test_gdf125.gdf.json"));
        Recording reference = GdfReader.read(data("openvibe_test_gdf125.gdf"));
        for (String name : List.of("openvibe_test_gdf211.gdf", "openvibe_test_gdf221.gdf",
                "openvibe_test_gdf222.gdf")) {
            try (GdfReader reader = GdfReader.open(data(name))) {
                assertEquals(1280, reader.header().headerBytes(), name);
                assertEquals(3.0, reader.header().recordDuration(), 0, name);
                assertEquals("uV", reader.header().signals().get(0).unit(), name);
                Recording r = reader.readAll();
                MneGolden.assertMatches(g, r, new MneGolden.Options());
                for (int c = 0; c < 3; c++) {
                    assertEquals(reference.samples()[c].length, r.samples()[c].length);
                    for (int i = 0; i < r.samples()[c].length; i++) {
                        assertEquals(reference.samples()[c][i], r.samples()[c][i], 0, name + " sample " + i);
                    }
                }
                // GDF 1 stores centiseconds (.93 s); GDF 2's fixed point gives .934996 s for the same recording.
                assertTrue(Duration.between(reference.start(), r.start()).abs().toMillis() <= 10,
                        name + " start " + r.start() + " vs " + reference.start());
            }
        }
    }

    @Test
    void gdf1WithoutEventTable() throws IOException {
        // MNE 1.3 fails ("IndexError"): the file ends right after the data records, with no event table. Expected
        // values from the header (8 float64 channels, 38496 records of 1 sample, 1/512 s each, start blank) and
        // from decoding its first and last records independently (physical = digital * gain + offset).
        Recording r = GdfReader.read(data("openvibe_eog-artifact.gdf"));
        assertEquals(8, r.channelCount());
        assertEquals(512, r.samplingRate(), 0);
        assertEquals(38496, r.sampleCount());
        assertEquals("Channel 1", r.labels().get(0));
        assertEquals("uV", r.channels().get(0).unit());
        assertEquals(List.of(), r.annotations());
        assertEquals(GdfReader.UNKNOWN_START, r.start());
        assertEquals(3240.6432778, r.samples()[0][0], 1e-3);
        assertEquals(3184.6364593, r.samples()[0][1], 1e-3);
        assertEquals(0, r.samples()[7][38495], 1e-3);
        double mean = 0;
        for (float v : r.samples()[0]) {
            mean += v;
        }
        assertEquals(3284.218516024698, mean / 38496, 1e-3);
    }

    @Test
    void motorImageryCodesHaveNames() {
        assertEquals("trial_start", GdfEvents.label(768));
        assertEquals("left_hand", GdfEvents.label(769));
        assertEquals("right_hand", GdfEvents.label(770));
        assertEquals("feet", GdfEvents.label(771));
        assertEquals("tongue", GdfEvents.label(772));
        assertEquals("unknown_cue", GdfEvents.label(783));
        assertEquals("rejected_trial", GdfEvents.label(1023));
        assertEquals("32769", GdfEvents.label(32769));
    }
}
