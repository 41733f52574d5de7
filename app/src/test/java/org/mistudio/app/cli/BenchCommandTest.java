package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mistudio bench} on two real EEGMMIDB subjects with a tiny epoch budget (the full run is in the closing note):
 * every unit is stored, every trial is tested exactly once per model and protocol, the table pools the folds, and a
 * rerun trains nothing and prints the same table.
 */
class BenchCommandTest {

    @Test
    void runsStoresResumesAndTabulates(@TempDir Path dir) throws Exception {
        Path data = eegmmidb();
        Path results = dir.resolve("res");
        Path json = dir.resolve("bench.json");
        String[] args = {"bench", "--dataset", "eegmmidb:" + data, "--subjects", "1-2", "--models", "eegnet",
                "--protocol", "within,transfer", "--epochs", "2", "--patience", "0", "--results", results.toString(),
                "--json", json.toString()};
        CliTest.Run first = CliTest.run(args);
        assertEquals(0, first.status(), first.err());
        // 2 subjects x 5 folds x (eegnet within + csp-lda within + eegnet transfer)
        List<String> lines = Files.readAllLines(results.resolve("results.jsonl"));
        assertEquals(30, lines.size());
        assertTrue(first.err().contains("pre-training eegnet on"), first.err());
        JsonNode doc = Json.mapper().readTree(json.toFile());
        JsonNode units = doc.get("units");
        assertEquals(30, units.size());
        Map<String, int[]> perGroup = new HashMap<>();
        for (JsonNode u : units) {
            String g = u.get("subject").asText() + "/" + u.get("model").asText() + "/" + u.get("protocol").asText();
            int[] c = perGroup.computeIfAbsent(g, k -> new int[2]);
            c[0] += u.get("correct").asInt();
            c[1] += u.get("tested").asInt();
        }
        // EEGMMIDB S001 and S002 runs 4, 8, 12 hold 45 cues each: each is tested once per model and protocol
        for (Map.Entry<String, int[]> e : perGroup.entrySet()) {
            assertEquals(45, e.getValue()[1], e.getKey());
        }
        JsonNode table = doc.get("table");
        assertEquals(3, table.size());
        for (JsonNode row : table) {
            String model = row.get("model").asText();
            String protocol = row.get("protocol").asText();
            double s1 = perGroup.get("S001/" + model + "/" + protocol)[0] / 45.0;
            double s2 = perGroup.get("S002/" + model + "/" + protocol)[0] / 45.0;
            assertEquals(s1, row.get("subjectAccuracy").get("S001").asDouble(), 1e-12);
            assertEquals((s1 + s2) / 2, row.get("mean").asDouble(), 1e-12);
            assertEquals(100 * ((s1 + s2) / 2 - 0.5), row.get("improvementPp").asDouble(), 1e-9);
            assertTrue(row.has("pAboveChance") && row.has("pTransfer"), row.toString());
            if (protocol.equals("transfer")) {
                double within = 0;
                for (JsonNode r : table) {
                    if (r.get("model").asText().equals(model) && r.get("protocol").asText().equals("within")) {
                        within = r.get("mean").asDouble();
                    }
                }
                assertEquals(100 * (row.get("mean").asDouble() - within), row.get("transferEffectPp").asDouble(), 1e-9);
            }
        }

        CliTest.Run again = CliTest.run(args);
        assertEquals(0, again.status(), again.err());
        assertFalse(again.err().contains("..."), "a rerun trains nothing: " + again.err());
        assertEquals(30, Files.readAllLines(results.resolve("results.jsonl")).size());
        assertEquals(first.out(), again.out());
        // --report tabulates what is stored without the data set's trials being touched
        String[] report = args.clone();
        report[2] = "eegmmidb:" + dir;
        CliTest.Run reported = CliTest.run(concat(report, "--report"));
        assertEquals(0, reported.status(), reported.err());
        assertEquals(first.out(), reported.out());
    }

    private static Path eegmmidb() {
        return Paths.get(System.getProperty("mistudio.shared", "../../shared")).resolve("data/eegmmidb");
    }

    private static String[] concat(String[] a, String b) {
        String[] o = java.util.Arrays.copyOf(a, a.length + 1);
        o[a.length] = b;
        return o;
    }

    @Test
    void badArgumentsAreNamed(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("bench", "--dataset", "bci:" + dir, "--results", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--dataset: expected eegmmidb:DIR, got 'bci:"), r.err());
        r = CliTest.run("bench", "--dataset", "eegmmidb:" + dir, "--models", "lenet", "--results", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--models: unknown network 'lenet'"), r.err());
        r = CliTest.run("bench", "--dataset", "eegmmidb:" + dir, "--subjects", "1", "--protocol", "transfer",
                "--results", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--protocol transfer needs at least two subjects"), r.err());
        r = CliTest.run("bench", "--dataset", "eegmmidb:" + dir, "--subjects", "1-2", "--holdout", "2",
                "--results", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--holdout: with 2 subjects the held-out group must have 1 to 1 of them, got 2"),
                r.err());
        r = CliTest.run("bench", "--dataset", "eegmmidb:" + dir, "--stopping", "keras", "--results", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--stopping: stopping rule: expected best-loss or paper, got 'keras'"), r.err());
    }

    /**
     * Transfer with held-out groups (the paper holds out 10 consecutive subjects): with subjects 1-3 and groups of 2,
     * S001 and S002 share one network pre-trained on S003 alone, and S003's is pre-trained on S001 and S002.
     */
    @Test
    void heldOutGroupsShareTheirPretraining(@TempDir Path dir) throws Exception {
        Path data = eegmmidb();
        Path results = dir.resolve("res");
        CliTest.Run r = CliTest.run("bench", "--dataset", "eegmmidb:" + data, "--subjects", "1-3", "--models", "eegnet",
                "--classical", "none", "--protocol", "transfer", "--holdout", "2", "--epochs", "1", "--patience", "0",
                "--results", results.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("band-pass+paper-stopping+holdout2", Files.readString(results.resolve("pipeline.txt")).strip());
        // 45 cued trials per subject: one pre-training on S003's 45, one on S001's and S002's 90
        assertTrue(r.err().contains("pre-training eegnet on 45 trials of the subjects outside S001-S002"), r.err());
        assertTrue(r.err().contains("pre-training eegnet on 90 trials of the subjects outside S003"), r.err());
        assertEquals(2, r.err().split("pre-training", -1).length - 1, r.err());
        try (var files = Files.list(results.resolve("pretrained"))) {
            assertEquals(List.of("eegnet-without-S001-S002-seed42.params", "eegnet-without-S003-seed42.params"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(15, Files.readAllLines(results.resolve("results.jsonl")).size());
        assertTrue(r.out().contains("the paper code's early stopping with patience 0; transfer: pre-training without "
                + "each group of 2 consecutive subjects"), r.out());
    }

    /** A results folder keeps one pipeline: FASTER results are never pooled with results of the plain band-pass. */
    @Test
    void aResultsFolderKeepsItsPipeline(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("res");
        Files.createDirectories(results);
        Files.writeString(results.resolve("results.jsonl"), "");
        CliTest.Run r = CliTest.run("bench", "--dataset", "eegmmidb:" + dir, "--subjects", "1", "--protocol",
                "within", "--faster", "--results", results.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("holds results of the 'band-pass' pipeline, not 'band-pass+faster+paper-stopping'"),
                r.err());
        // Such a folder (no pipeline.txt: an earlier version's) holds plain-stopping results and can still be read.
        r = CliTest.run("bench", "--dataset", "eegmmidb:" + dir, "--subjects", "1", "--protocol", "within",
                "--stopping", "best-loss", "--results", results.toString(), "--report");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("early stopping on the lowest validation loss with patience 15"), r.out());
        Path other = dir.resolve("faster");
        r = CliTest.run("bench", "--dataset", "eegmmidb:" + dir, "--subjects", "1", "--protocol", "within",
                "--faster", "--results", other.toString(), "--report");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("pipeline: 1-45 Hz") && r.out().contains("; FASTER (|z| > 3"), r.out());
        Files.createDirectories(other);
        Files.writeString(other.resolve("pipeline.txt"), "band-pass+faster+paper-stopping\n");
        r = CliTest.run("bench", "--dataset", "eegmmidb:" + dir, "--subjects", "1", "--protocol", "within",
                "--results", other.toString(), "--report");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("not 'band-pass+paper-stopping'"), r.err());
    }

    /**
     * The paper's sliding windows (2 s every 0.1 s of the 0-4 s epoch; at 128 Hz 256 samples every 13): each test
     * trial is decided once, from its 20 windows, and every window is counted.
     */
    @Test
    void slidingWindows(@TempDir Path dir) throws Exception {
        Path data = eegmmidb();
        Path results = dir.resolve("res");
        CliTest.Run r = CliTest.run("bench", "--dataset", "eegmmidb:" + data, "--subjects", "1", "--models", "eegnet",
                "--classical", "none", "--protocol", "within", "--epochs", "1", "--patience", "0", "--windows", "2:0.1",
                "--results", results.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("band-pass+windows256:13+paper-stopping", Files.readString(results.resolve("pipeline.txt")).strip());
        int trials = 0;
        int windows = 0;
        for (String line : Files.readAllLines(results.resolve("results.jsonl"))) {
            JsonNode u = Json.mapper().readTree(line);
            trials += u.get("tested").asInt();
            windows += u.get("windowTested").asInt();
            assertEquals(20 * u.get("tested").asInt(), u.get("windowTested").asInt(), line);
        }
        // (512 - 256) / 13 + 1 = 20 windows per trial; S001's 45 trials are each tested once
        assertEquals(45, trials);
        assertEquals(900, windows);
        assertTrue(r.out().contains("256-sample windows (2.000 s) every 13 samples (0.102 s)"), r.out());
        assertTrue(r.out().contains("window accuracy (each window on its own):  eegnet within"), r.out());
        CliTest.Run bad = CliTest.run("bench", "--dataset", "eegmmidb:" + data, "--windows", "5:0.1", "--results",
                dir.resolve("bad").toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--windows: expected SECONDS:STEP with a window of at most 4 s"), bad.err());
    }
}
