package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;

/** {@code mistudio faster} in-process on a simulated recording with blinks, muscle, pops and a noisy channel. */
class FasterCommandTest {

    @TempDir
    static Path dir;

    @Test
    void findsTheNoisyChannelWritesReportAndRecording() throws Exception {
        Path in = dir.resolve("artifacts.edf");
        CliTest.Run sim = CliTest.run("simulate", "--out", in.toString(), "--trials", "15", "--seed", "7",
                "--artifacts", "typical", "--noisy", "C4");
        assertEquals(0, sim.status(), sim.err());
        Path out = dir.resolve("clean.edf");
        Path report = dir.resolve("report.json");
        CliTest.Run r = CliTest.run("faster", in.toString(), out.toString(), "--classes", "left_hand,right_hand",
                "--average-reference", "--report", report.toString());
        assertEquals(0, r.status(), r.err());
        System.out.println(r.out());
        assertTrue(r.out().contains("stage 1, bad channels (interpolated): [") && r.out().contains("  C4: "), r.out());
        assertTrue(r.out().contains("stage 3, bad ICA components"), r.out());

        JsonNode doc = new ObjectMapper().readTree(report.toFile());
        JsonNode s1 = doc.get("stages").get("1_bad_channels");
        assertTrue(s1.get("interpolated").toString().contains("\"C4\""), s1.get("interpolated").toString());
        assertTrue(s1.get("metrics").get("variance").get("z").size() > 20);
        assertTrue(doc.get("stages").get("3_bad_components").get("bad").size() >= 1, "a blink component");
        assertEquals(30, doc.get("epochs").asInt());
        int removed = doc.get("epochs").asInt() - doc.get("epochs_kept").asInt();

        Recording cleaned = RecordingFiles.read(out);
        Recording original = RecordingFiles.read(in);
        assertEquals(original.channelCount(), cleaned.channelCount());
        assertEquals(original.sampleCount(), cleaned.sampleCount());
        long bads = cleaned.annotations().stream().filter(a -> a.label().equals(FasterCommand.BAD_LABEL)).count();
        assertEquals(removed, bads);
        // C4 was replaced by its interpolation: its variance falls from the poor contact's 40 uV noise
        double before = variance(original.channel("C4"));
        double after = variance(cleaned.channel("C4"));
        assertTrue(after < before / 4, before + " -> " + after);

        CliTest.Run j = CliTest.run("faster", in.toString(), dir.resolve("clean2.edf").toString(), "--classes",
                "left_hand,right_hand", "--json", "--stages", "1,2");
        assertEquals(0, j.status(), j.err());
        JsonNode jd = new ObjectMapper().readTree(j.out());
        assertTrue(jd.get("stages").has("2_bad_epochs"));
        assertTrue(!jd.get("stages").has("3_bad_components"));
    }

    @Test
    void unknownClassesNameThePresentLabels() {
        Path in = dir.resolve("none.edf");
        assertEquals(0, CliTest.run("simulate", "--out", in.toString(), "--trials", "3").status());
        CliTest.Run r = CliTest.run("faster", in.toString(), dir.resolve("x.edf").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("left_hand"), r.err());
    }

    private static double variance(float[] x) {
        double m = 0;
        for (float v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (float v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }
}
