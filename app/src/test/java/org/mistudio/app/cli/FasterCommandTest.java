package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.ArtifactConfig;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;

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
        CliTest.Run r = CliTest.run("faster", in.toString(), "--out", out.toString(), "--classes",
                "left_hand,right_hand", "--report", report.toString());
        assertEquals(0, r.status(), r.err());
        System.out.println(r.out());
        assertTrue(r.out().contains("stage 1, bad channels (interpolated): [") && r.out().contains("  C4: "), r.out());
        assertTrue(r.out().contains("stage 3, bad ICA components"), r.out());

        JsonNode top = new ObjectMapper().readTree(report.toFile());
        assertEquals(1, top.get("subjects").size());
        assertTrue(top.get("5_bad_subjects").get("skipped").asText().contains("at least 3"), top.toString());
        JsonNode doc = top.get("subjects").get(0);
        assertEquals("artifacts", doc.get("subject").asText());
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

        CliTest.Run j = CliTest.run("faster", in.toString(), "--out", dir.resolve("clean2.edf").toString(),
                "--classes", "left_hand,right_hand", "--json", "--stages", "1,2", "--ica", "infomax");
        assertEquals(0, j.status(), j.err());
        JsonNode jd = new ObjectMapper().readTree(j.out()).get("subjects").get(0);
        assertTrue(jd.get("stages").has("2_bad_epochs"));
        assertTrue(!jd.get("stages").has("3_bad_components"));
    }

    @Test
    void unknownClassesNameThePresentLabels() {
        Path in = dir.resolve("none.edf");
        assertEquals(0, CliTest.run("simulate", "--out", in.toString(), "--trials", "3").status());
        CliTest.Run r = CliTest.run("faster", in.toString(), "--out", dir.resolve("x.edf").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("left_hand"), r.err());
        CliTest.Run bad = CliTest.run("faster", in.toString(), "--ica", "pca");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("fastica or infomax"), bad.err());
        CliTest.Run two = CliTest.run("faster", in.toString(), in.toString(), "--out", "x.edf");
        assertEquals(2, two.status());
        assertTrue(two.err().contains("--out-dir"), two.err());
    }

    /**
     * Stage 5 over four subjects, one recorded with twenty times the gain of the others: on amplitude range and
     * variance of the subjects' averages it lies far from the three others. With n items and the population standard
     * deviation, one item at distance d from n - 1 equal ones has z = sqrt(n - 1) = 1.732, the others -1 / sqrt(n -
     * 1) = -0.577; a single far outlier approaches that. (At the default |z| > 3 stage 5 needs at least 11 subjects
     * to flag anyone.)
     */
    @Test
    void stageFiveFlagsTheOutlyingSubject() throws Exception {
        List<String> files = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            Recording r = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withSeed(s).withTrialsPerClass(6)
                    .withArtifacts(ArtifactConfig.none())).recording();
            if (s == 4) {
                float[][] x = new float[r.channelCount()][];
                for (int c = 0; c < x.length; c++) {
                    x[c] = r.samples()[c].clone();
                    for (int i = 0; i < x[c].length; i++) {
                        x[c][i] *= 20;
                    }
                }
                r = new Recording(r.channels(), x, r.start(), r.annotations());
            }
            Path p = dir.resolve("subject" + s + ".edf");
            RecordingFiles.write(r, p);
            files.add(p.toString());
        }
        List<String> args = new ArrayList<>(List.of("faster"));
        args.addAll(files);
        args.addAll(List.of("--classes", "left_hand,right_hand", "--threshold", "1.6", "--iterations", "1", "--json", "--out-dir",
                dir.resolve("cleaned").toString()));
        CliTest.Run r = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(4, doc.get("subjects").size());
        JsonNode s5 = doc.get("5_bad_subjects");
        assertEquals(List.of("subject4"), s5.get("bad").findValuesAsText("item"));
        for (String metric : List.of("amplitude", "variance")) {
            JsonNode z = s5.get("metrics").get(metric).get("z");
            assertEquals(Math.sqrt(3), z.get(3).asDouble(), 0.01, metric + " " + z);
            for (int i = 0; i < 3; i++) {
                assertEquals(-1 / Math.sqrt(3), z.get(i).asDouble(), 0.02, metric + " " + z);
            }
        }
        for (int s = 1; s <= 4; s++) {
            assertTrue(Files.exists(dir.resolve("cleaned").resolve("subject" + s + ".edf")));
        }
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
