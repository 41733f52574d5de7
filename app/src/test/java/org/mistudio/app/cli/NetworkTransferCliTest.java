package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Transfer learning from the command line: {@code train --init MODEL} fine-tunes an earlier network (and starts from
 * its very weights), {@code --pretrain FILES} pre-trains on other recordings first, and a source that does not fit
 * is refused with a message naming what differs. Tiny trainings: 20 trials, one or two epochs.
 */
class NetworkTransferCliTest {

    @TempDir
    static Path dir;
    private static Path a;
    private static Path b;
    private static Path source;
    private static JsonNode sourceReport;

    private static final String CLASSES = "left_hand=left,right_hand=right";

    @BeforeAll
    static void sourceNetwork() throws Exception {
        a = dir.resolve("a.edf");
        b = dir.resolve("b.edf");
        assertEquals(0, CliTest.run("simulate", "--out", a.toString(), "--trials", "10", "--seed", "9").status());
        assertEquals(0, CliTest.run("simulate", "--out", b.toString(), "--trials", "10", "--seed", "11").status());
        source = dir.resolve("source.mimodel");
        CliTest.Run t = CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "eegnet", "--epochs", "2",
                "--patience", "0", "--batch", "8", "--seed", "3", "--out", source.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        sourceReport = Json.mapper().readTree(t.out());
        assertFalse(sourceReport.get("settings").has("transfer"), "trained from scratch");
        assertFalse(sourceReport.get("metrics").has("initial_validation_loss"));
        assertEquals("best-loss", sourceReport.get("settings").get("early_stopping").asText());
    }

    @Test
    void fineTuningStartsFromTheSourcesWeights() throws Exception {
        Path tuned = dir.resolve("tuned.mimodel");
        // The same data and seed: the same validation split and scaling, so before any step the fine-tuned network
        // must score exactly what the source scored at its kept epoch.
        CliTest.Run t = CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "eegnet", "--epochs", "1",
                "--patience", "0", "--batch", "8", "--seed", "3", "--init", source.toString(), "--out",
                tuned.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        JsonNode j = Json.mapper().readTree(t.out());
        JsonNode m = j.get("metrics");
        JsonNode sm = sourceReport.get("metrics");
        assertEquals(sm.get("validation_loss").asDouble(), m.get("initial_validation_loss").asDouble(), 1e-6);
        assertEquals(sm.get("accuracy").asDouble(), m.get("initial_validation_accuracy").asDouble(), 0);
        JsonNode tr = j.get("settings").get("transfer");
        assertEquals("fine-tune", tr.get("mode").asText());
        assertEquals(source.toString(), tr.get("source").asText());
        assertEquals("a.edf", tr.get("source_trained_on").get(0).asText());
        assertTrue(Files.size(tuned) > 1000);

        // The table form names the source.
        CliTest.Run table = CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "eegnet", "--epochs",
                "1", "--batch", "8", "--seed", "3", "--init", source.toString(), "--out",
                dir.resolve("tuned2.mimodel").toString());
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().contains("transfer: fine-tune from " + source), table.out());
    }

    @Test
    void aSourceThatDoesNotFitIsRefusedByWhatDiffers() throws Exception {
        CliTest.Run arch = CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "shallow", "--epochs",
                "1", "--init", source.toString(), "--out", dir.resolve("x.mimodel").toString());
        assertEquals(1, arch.status(), arch.err());
        assertTrue(arch.err().contains("cannot fine-tune from " + source + ": architecture is shallow here, eegnet "
                + "in the source"), arch.err());

        CliTest.Run window = CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "eegnet",
                "--epochs", "1", "--tmax", "3", "--init", source.toString(), "--out",
                dir.resolve("y.mimodel").toString());
        assertEquals(1, window.status(), window.err());
        assertTrue(window.err().contains("window is 625 samples here, 500 in the source"), window.err());

        Path other = dir.resolve("other-channels.edf");
        assertEquals(0, CliTest.run("simulate", "--out", other.toString(), "--trials", "10", "--seed", "9",
                "--channels", "C3,Cz,C4,CP3,CP4", "--no-eog").status());
        CliTest.Run channels = CliTest.run("train", other.toString(), "--classes", CLASSES, "--model", "eegnet",
                "--epochs", "1", "--init", source.toString(), "--out", dir.resolve("z.mimodel").toString());
        assertEquals(1, channels.status(), channels.err());
        assertTrue(channels.err().contains("channels differ: 5 here, "), channels.err());

        Path csp = dir.resolve("csp.mimodel");
        assertEquals(0, CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "csp-lda", "--out",
                csp.toString()).status());
        CliTest.Run notNet = CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "eegnet",
                "--init", csp.toString(), "--out", dir.resolve("w.mimodel").toString());
        assertEquals(1, notNet.status(), notNet.err());
        assertTrue(notNet.err().contains("it is a csp-lda model, not a network"), notNet.err());

        CliTest.Run classical = CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "csp-lda",
                "--init", source.toString(), "--out", dir.resolve("v.mimodel").toString());
        assertEquals(2, classical.status(), classical.err());
        assertTrue(classical.err().contains("--init applies to networks only"), classical.err());
        CliTest.Run rule = CliTest.run("train", a.toString(), "--classes", CLASSES, "--model", "eegnet",
                "--stopping", "val-acc", "--out", dir.resolve("r.mimodel").toString());
        assertEquals(2, rule.status(), rule.err());
        assertTrue(rule.err().contains("--stopping: stopping rule: expected best-loss or paper, got 'val-acc'"),
                rule.err());
    }

    @Test
    void pretrainingOnAnotherSubjectThenFineTuning() throws Exception {
        Path tuned = dir.resolve("pretrained.mimodel");
        CliTest.Run t = CliTest.run("train", b.toString(), "--classes", CLASSES, "--model", "eegnet", "--epochs", "1",
                "--patience", "0", "--batch", "8", "--seed", "3", "--pretrain", a.toString(), "--stopping", "paper",
                "--out", tuned.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        JsonNode j = Json.mapper().readTree(t.out());
        JsonNode tr = j.get("settings").get("transfer");
        assertEquals("pre-train and fine-tune", tr.get("mode").asText());
        assertEquals("paper", j.get("settings").get("early_stopping").asText());
        assertEquals("pre-trained on a.edf", tr.get("source").asText());
        assertEquals("a.edf", tr.get("source_trained_on").get(0).asText());
        assertTrue(j.get("metrics").has("initial_validation_loss"), "the pre-trained weights are scored on b's "
                + "validation split before fine-tuning: " + j.get("metrics"));
        CliTest.Run p = CliTest.run("predict", tuned.toString(), b.toString(), "--json");
        assertEquals(0, p.status(), p.err());
    }
}
