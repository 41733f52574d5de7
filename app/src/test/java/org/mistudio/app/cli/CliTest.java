package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: tables or one JSON document, exit 0 / 1 (input error) / 2 (usage). */
class CliTest {

    @TempDir
    static Path dir;

    private static Path simulated;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = MiStudioCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void simulate() {
        simulated = dir.resolve("small.edf");
        Run r = run("simulate", "--out", simulated.toString(), "--trials", "12", "--seed", "5");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("wrote " + simulated), r.err());
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertEquals(0, r.status());
        for (String sub : new String[] {"analyze", "psd", "simulate", "info", "convert", "gui"}) {
            assertTrue(r.out().contains("  " + sub + " "), sub + " missing from:\n" + r.out());
        }
    }

    @Test
    void badUsageExitsWithTwo() {
        Run r = run("analyze", "--no-such-option");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertEquals(2, run("simulate").status(), "--out is required");
        assertEquals(2, run("simulate", "--out", dir.resolve("x.edf").toString(), "--artifacts", "lots").status());
    }

    @Test
    void missingFileIsOneLineNamingIt() {
        Path missing = dir.resolve("nope.edf");
        Run r = run("analyze", missing.toString());
        assertEquals(1, r.status());
        assertEquals("mistudio: " + missing + ": no such file", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void corruptFileNamesTheByteOffset() throws Exception {
        byte[] b = Files.readAllBytes(simulated);
        Path cut = dir.resolve("cut.edf");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length / 2));
        Run r = run("info", cut.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("mistudio: " + cut + " (byte "), r.err());
        assertTrue(r.err().contains("truncated"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void analyzeJsonIsOneDocumentWithTheLateralisation() throws Exception {
        Run r = run("analyze", simulated.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(12, doc.get("trials").get("left_hand").asInt());
        assertEquals(12, doc.get("trials").get("right_hand").asInt());
        assertEquals(22, doc.get("channels").size());
        assertTrue(doc.get("lateralization").get("contralateral").asBoolean(), r.out());
        assertEquals("mu", doc.get("bands").get(0).get("name").asText());
    }

    @Test
    void analyzeTableShowsTheSensorimotorChannels() {
        Run r = run("analyze", simulated.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("C3       mu 8-12 Hz"), r.out());
        assertTrue(r.out().contains("C4       beta 18-26 Hz"), r.out());
        assertTrue(r.out().contains("Contralateral ERD present"), r.out());
    }

    @Test
    void analyzeSaysWhichClassIsMissing() {
        Run r = run("analyze", simulated.toString(), "--classes", "T1=left_hand,T2=right_hand");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no trial of class 'left_hand'"), r.err());
        assertTrue(r.err().contains("[fixation, left_hand, right_hand]"), r.err());
    }

    @Test
    void infoJsonDescribesTheRecording() throws Exception {
        Run r = run("info", simulated.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(25, doc.get("channels").size());
        assertEquals("EOG", doc.get("channels").get(24).get("type").asText());
        assertEquals(250.0, doc.get("channels").get(0).get("sampling_rate_hz").asDouble(), 0);
        assertEquals(12, doc.get("annotation_counts").get("left_hand").asInt());
    }

    @Test
    void psdIsInVoltsSquaredPerHertz() throws Exception {
        // A 10 Hz sine of 10 uV amplitude: its power, A^2 / 2 = 5e-11 V^2, sits in the bins around 10 Hz.
        float[][] x = new float[2][200 * 20];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = (float) (10 * Math.sin(2 * Math.PI * 10 * i / 200.0));
            x[1][i] = (float) Math.cos(2 * Math.PI * 30 * i / 200.0);
        }
        var rec = new org.mistudio.acquisition.model.Recording(java.util.List.of(
                org.mistudio.acquisition.model.ChannelInfo.eeg("Cz", 200),
                new org.mistudio.acquisition.model.ChannelInfo("Pz", org.mistudio.acquisition.model.ChannelType.EEG,
                        "mV", 200)), x, java.time.LocalDateTime.of(2020, 1, 1, 0, 0), java.util.List.of());
        Path file = dir.resolve("sine.edf");
        org.mistudio.acquisition.io.RecordingFiles.write(rec, file);
        Run r = run("psd", file.toString(), "--json", "--fmin", "5", "--fmax", "40");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(5.0, doc.get("freqs").get(0).asDouble(), 0);
        assertEquals(36, doc.get("freqs").size());
        double cz = 0;
        double pz = 0;
        for (int k = 0; k < doc.get("freqs").size(); k++) {
            double f = doc.get("freqs").get(k).asDouble();
            if (f >= 9 && f <= 11) {
                cz += doc.get("psd").get("Cz").get(k).asDouble();
            }
            if (f >= 29 && f <= 31) {
                pz += doc.get("psd").get("Pz").get(k).asDouble();
            }
        }
        assertEquals(5e-11, cz, 5e-11 * 1e-3);
        assertEquals(0.5e-6, pz, 0.5e-6 * 1e-3, "1 mV amplitude in mV units: 0.5e-6 V^2");
        assertEquals(2, run("psd", file.toString(), "--fmax", "500").status());
    }

    @Test
    void simulateIsReproducibleByteForByte() throws Exception {
        Path a = dir.resolve("a.bdf");
        Path b = dir.resolve("b.bdf");
        assertEquals(0, run("simulate", "-o", a.toString(), "--trials", "3", "--artifacts", "typical",
                "--channels", "64", "--no-eog", "--rate", "160").status());
        assertEquals(0, run("simulate", "-o", b.toString(), "--trials", "3", "--artifacts", "typical",
                "--channels", "64", "--no-eog", "--rate", "160").status());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Run info = run("info", a.toString(), "--json");
        JsonNode doc = new ObjectMapper().readTree(info.out());
        assertEquals(64, doc.get("channels").size());
        assertEquals(160.0, doc.get("channels").get(0).get("sampling_rate_hz").asDouble(), 0);
    }
}
