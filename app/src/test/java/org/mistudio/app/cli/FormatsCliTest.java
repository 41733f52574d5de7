package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.io.edf.EdfHeader;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/** {@code mistudio info} names the format and gives statistics; {@code mistudio convert} round-trips to EDF+/BDF+. */
class FormatsCliTest {

    @TempDir
    Path dir;

    static Path data(String relative) {
        String p = System.getProperty("mistudio.shared");
        Path root = p != null ? Paths.get(p) : Paths.get("..", "..", "shared");
        return root.resolve("data").resolve(relative);
    }

    @Test
    void infoNamesEveryFormat() throws Exception {
        String[][] cases = {{"eegmmidb/S001/S001R04.edf", "EDF+C"}, {"edf-samples/xdffileio_ref128.edf", "EDF"},
            {"edf-edge/nihonkohden_MB0400FU_edfplusD.EDF", "EDF+D"}, {"bdf-samples/xdffileio_ref128.bdf", "BDF"},
            {"edf-edge/mne_multiple_annotation_chans.bdf", "BDF+C"}, {"gdf-samples/openvibe_test_gdf125.gdf", "GDF 1.25"},
            {"gdf-samples/openvibe_test_gdf222.gdf", "GDF 2.22"}, {"xdf/minimal.xdf", "XDF 1.0"}};
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run("info", data(c[0]).toString(), "--json");
            assertEquals(0, r.status(), c[0] + ": " + r.err());
            assertEquals(c[1], new ObjectMapper().readTree(r.out()).get("format").asText(), c[0]);
            CliTest.Run table = CliTest.run("info", data(c[0]).toString());
            assertTrue(table.out().contains("format " + c[1] + ","), table.out());
        }
    }

    @Test
    void statsAreInVoltsForVoltageChannelsAndAsIsOtherwise() throws Exception {
        float[] uv = {-10, 0, 10, 20};
        float[] counts = {1, 2, 3, 4};
        Recording rec = new Recording(List.of(ChannelInfo.eeg("C3", 4), new ChannelInfo("Trig",
                org.mistudio.acquisition.model.ChannelType.STIM, "", 4)), new float[][] {uv, counts},
                LocalDateTime.of(2020, 1, 2, 3, 4, 5), List.of());
        Path f = dir.resolve("s.bdf");
        RecordingFiles.write(rec, f);
        CliTest.Run r = CliTest.run("info", f.toString(), "--json", "--stats");
        assertEquals(0, r.status(), r.err());
        JsonNode ch = new ObjectMapper().readTree(r.out()).get("channels");
        JsonNode c3 = ch.get(0).get("stats");
        assertEquals("V", c3.get("unit").asText());
        assertEquals(5e-6, c3.get("mean").asDouble(), 1e-9);
        assertEquals(Math.sqrt(125) * 1e-6, c3.get("std").asDouble(), 1e-9);
        assertEquals(-10e-6, c3.get("min").asDouble(), 1e-9);
        assertEquals(20e-6, c3.get("max").asDouble(), 1e-9);
        JsonNode trig = ch.get(1).get("stats");
        assertEquals("", trig.get("unit").asText());
        assertEquals(2.5, trig.get("mean").asDouble(), 1e-5);
        assertEquals(4, trig.get("max").asDouble(), 1e-5);
        CliTest.Run table = CliTest.run("info", f.toString(), "--stats");
        assertTrue(table.out().contains("mean") && table.out().contains(" V "), table.out());
        CliTest.Run plain = CliTest.run("info", f.toString(), "--json");
        assertTrue(new ObjectMapper().readTree(plain.out()).get("channels").get(0).get("stats") == null);
    }

    @Test
    void convertGdfXdfAndEegmmidbKeepsValuesAndAnnotations() throws Exception {
        String[] inputs = {"gdf-samples/xdffileio_ref128_gdf2.gdf", "gdf-samples/openvibe_neurofeedback.gdf",
            "xdf/minimal.xdf", "eegmmidb/S001/S001R04.edf"};
        for (String in : inputs) {
            for (String ext : new String[] {".edf", ".bdf"}) {
                Path out = dir.resolve(Paths.get(in).getFileName() + ext);
                CliTest.Run r = CliTest.run("convert", data(in).toString(), out.toString());
                assertEquals(0, r.status(), in + ": " + r.err());
                assertSame(RecordingFiles.read(data(in)), out, in + " -> " + ext);
            }
        }
    }

    /** Same labels, rates, sample counts; values within half a digital step; same annotations. */
    private static void assertSame(Recording expected, Path written, String what) throws Exception {
        Recording got = RecordingFiles.read(written);
        EdfHeader h;
        try (EdfReader reader = EdfReader.open(written)) {
            h = reader.header();
        }
        assertEquals(expected.labels(), got.labels(), what);
        for (int c = 0; c < expected.channelCount(); c++) {
            assertEquals(expected.channels().get(c).samplingRate(), got.channels().get(c).samplingRate(), 1e-9, what);
            assertEquals(expected.channels().get(c).unit(), got.channels().get(c).unit(), what);
            float[] a = expected.samples()[c];
            float[] b = got.samples()[c];
            assertEquals(a.length, b.length, what);
            double halfStep = h.signals().get(c).gain() / 2;
            for (int i = 0; i < a.length; i++) {
                double tol = halfStep + 2 * Math.ulp(Math.max(Math.abs(a[i]), Math.abs(b[i])));
                if (Math.abs(a[i] - b[i]) > tol) {
                    throw new AssertionError(what + ": channel " + c + " sample " + i + ": " + b[i] + " instead of "
                            + a[i] + " (half step " + halfStep + ")");
                }
            }
        }
        assertEquals(expected.annotations().size(), got.annotations().size(), what);
        for (int k = 0; k < expected.annotations().size(); k++) {
            Annotation x = expected.annotations().get(k);
            Annotation y = got.annotations().get(k);
            assertEquals(x.label(), y.label(), what);
            assertEquals(x.onset(), y.onset(), 1e-6, what);
            assertEquals(x.duration(), y.duration(), 1e-6, what);
        }
    }

    @Test
    void longLabelsAreCutWithAWarningAndBadOutputsAreRefused() throws Exception {
        Recording rec = new Recording(List.of(ChannelInfo.eeg("a-very-long-channel-label", 10),
                ChannelInfo.eeg("C4", 10)), new float[][] {new float[20], new float[20]},
                LocalDateTime.of(2020, 1, 2, 3, 4, 5), List.of(new Annotation(0.5, 0, "cue")));
        Path in = dir.resolve("long.bdf");
        // the writer refuses labels over 16 characters; convert cuts them first, warning with the original label
        Recording cut = ConvertCommand.fitLabels(rec, new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals("a-very-long-chan", cut.labels().get(0));
        RecordingFiles.write(cut, in);
        java.io.StringWriter err = new java.io.StringWriter();
        ConvertCommand.fitLabels(rec, new java.io.PrintWriter(err, true));
        assertTrue(err.toString().contains("'a-very-long-channel-label'"), err.toString());
        Recording clash = new Recording(List.of(ChannelInfo.eeg("a-very-long-channel-1", 10),
                ChannelInfo.eeg("a-very-long-channel-2", 10)), new float[][] {new float[20], new float[20]},
                LocalDateTime.of(2020, 1, 2, 3, 4, 5), List.of());
        try {
            ConvertCommand.fitLabels(clash, new java.io.PrintWriter(new java.io.StringWriter()));
            throw new AssertionError("a label clash after cutting must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("a-very-long-channel-2"), e.getMessage());
        }
        CliTest.Run bad = CliTest.run("convert", in.toString(), dir.resolve("x.gdf").toString());
        assertEquals(1, bad.status(), bad.err());
        assertTrue(bad.err().contains(".edf"), bad.err());
        assertTrue(Files.exists(in));
    }
}
