package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.dsp.evaluation.ChanceLevel;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code mistudio train} and {@code predict} on simulated sessions and a real EEGMMIDB subject. */
class TrainPredictCliTest {

    @Test
    void aModelTrainedOnOneSessionDecodesAnotherOfTheSameSimulatedSubject(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.edf");
        Path b = dir.resolve("b.edf");
        // the same seed gives the same mu and beta peaks (the simulator's first draws); the cue order, the
        // background sources and the noise differ between the two sessions
        assertEquals(0, CliTest.run("simulate", "--out", a.toString(), "--trials", "40", "--seed", "9").status());
        assertEquals(0, CliTest.run("simulate", "--out", b.toString(), "--trials", "25", "--seed", "9").status());
        Path model = dir.resolve("m.mimodel");
        CliTest.Run t = CliTest.run("train", a.toString(), "--classes", "left_hand=left,right_hand=right", "--model",
                "csp-lda", "--out", model.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        JsonNode tj = Json.mapper().readTree(t.out());
        assertEquals("csp-lda", tj.get("kind").asText());
        assertEquals(80, tj.get("metrics").get("trials").asInt());
        assertEquals(500, tj.get("window_samples").asInt());
        assertTrue(Files.size(model) > 1000);

        CliTest.Run p = CliTest.run("predict", model.toString(), b.toString(), "--json");
        assertEquals(0, p.status(), p.err());
        JsonNode pj = Json.mapper().readTree(p.out());
        JsonNode trials = pj.get("trials");
        assertEquals(50, trials.size());
        int correct = 0;
        for (JsonNode r : trials) {
            correct += r.get("true").asText().equals(r.get("predicted").asText()) ? 1 : 0;
            double s = r.get("probabilities").get(0).asDouble() + r.get("probabilities").get(1).asDouble();
            assertEquals(1.0, s, 1e-12);
        }
        assertEquals(correct / 50.0, pj.get("accuracy").asDouble(), 1e-12);
        double threshold = ChanceLevel.threshold(50, 2, 0.05);
        assertEquals(threshold, pj.get("chance_threshold").asDouble(), 0);
        assertTrue(pj.get("accuracy").asDouble() > threshold, "decoded above chance: " + pj.get("accuracy")
                + " vs threshold " + threshold);

        // the table form
        CliTest.Run table = CliTest.run("predict", model.toString(), b.toString());
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().contains("accuracy "), table.out());
    }

    @Test
    void anEegNetTrainedOnOneSessionDecodesAnother(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.edf");
        Path b = dir.resolve("b.edf");
        assertEquals(0, CliTest.run("simulate", "--out", a.toString(), "--trials", "40", "--seed", "9").status());
        assertEquals(0, CliTest.run("simulate", "--out", b.toString(), "--trials", "25", "--seed", "9").status());
        Path model = dir.resolve("eegnet.mimodel");
        CliTest.Run t = CliTest.run("train", a.toString(), "--classes", "left_hand=left,right_hand=right", "--model",
                "eegnet", "--band", "4,40", "--epochs", "60", "--patience", "15", "--batch", "16", "--seed", "3",
                "--out", model.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        JsonNode tj = Json.mapper().readTree(t.out());
        assertEquals("network", tj.get("kind").asText());
        assertEquals(80, tj.get("metrics").get("trials").asInt());
        assertEquals(2, tj.get("metrics").get("trials_per_class").size());

        CliTest.Run p = CliTest.run("predict", model.toString(), b.toString(), "--json");
        assertEquals(0, p.status(), p.err());
        JsonNode pj = Json.mapper().readTree(p.out());
        assertEquals(50, pj.get("trials").size());
        double threshold = ChanceLevel.threshold(50, 2, 0.05);
        assertTrue(pj.get("accuracy").asDouble() > threshold, "EEGNet decoded above chance: " + pj.get("accuracy")
                + " vs threshold " + threshold);
    }

    @Test
    void psdLdaTrainsAndMismatchedDataAreRefusedByName(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.edf");
        assertEquals(0, CliTest.run("simulate", "--out", a.toString(), "--trials", "20", "--seed", "4").status());
        Path model = dir.resolve("p.mimodel");
        CliTest.Run t = CliTest.run("train", a.toString(), "--classes", "left_hand,right_hand", "--model", "psd-lda",
                "--auto", "2", "--tmin", "1", "--tmax", "3", "--out", model.toString());
        assertEquals(0, t.status(), t.err());
        assertTrue(t.out().startsWith("psd-lda on 40 trials"), t.out());
        assertTrue(t.out().contains("features ["), t.out());

        // 64 EEGMMIDB labels at 160 Hz lack most of the model's 22 channels and its rate
        Path other = dir.resolve("other.edf");
        assertEquals(0, CliTest.run("simulate", "--out", other.toString(), "--channels", "C3,Cz,C4", "--rate", "160",
                "--trials", "3").status());
        CliTest.Run p = CliTest.run("predict", model.toString(), other.toString());
        assertEquals(MiStudioCommand.INPUT_ERROR, p.status());
        assertTrue(p.err().contains(other + " does not match the model " + model), p.err());
        assertTrue(p.err().contains("sampling rate is 160 Hz, the model needs 250 Hz"), p.err());
        assertTrue(p.err().contains("19 of the model's 22 channels are missing: Fz, FC3"), p.err());
        assertEquals(1, p.err().lines().count(), p.err());

        CliTest.Run bad = CliTest.run("train", a.toString(), "--classes", "left_hand,right_hand", "--model", "eegnet9",
                "--out", dir.resolve("x.mimodel").toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--model: expected csp-lda, psd-lda, eegnet, shallow, deep, eegnet-fusion or mi-eegnet, got 'eegnet9'"), bad.err());
        CliTest.Run notModel = CliTest.run("predict", a.toString(), a.toString());
        assertEquals(MiStudioCommand.INPUT_ERROR, notModel.status());
        assertTrue(notModel.err().contains(a + ": not a MI Studio model"), notModel.err());
    }

    @Test
    void realEegmmidbRunsTrainAndPredict(@TempDir Path dir) throws Exception {
        Path data = Path.of(System.getProperty("mistudio.shared"), "data", "eegmmidb", "S007");
        Path model = dir.resolve("s7.mimodel");
        CliTest.Run t = CliTest.run("train", data.resolve("S007R04.edf").toString(), data.resolve("S007R08.edf").toString(),
                "--classes", "T1=left,T2=right", "--model", "csp-lda", "--band", "7,30", "--tmin", "1", "--tmax", "3",
                "--out", model.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        JsonNode tj = Json.mapper().readTree(t.out());
        assertEquals(64, tj.get("channels").asInt());
        assertEquals(160.0, tj.get("sampling_rate_hz").asDouble());
        assertEquals(320, tj.get("window_samples").asInt());
        assertEquals(30, tj.get("metrics").get("trials").asInt(), "15 cues per run");
        CliTest.Run p = CliTest.run("predict", model.toString(), data.resolve("S007R12.edf").toString(), "--json");
        assertEquals(0, p.status(), p.err());
        JsonNode pj = Json.mapper().readTree(p.out());
        assertEquals(15, pj.get("trials").size());
        // S007 is the subject every decoder in the comparison separates best (CSP+LDA 1.000 in MNE's protocol)
        assertTrue(pj.get("accuracy").asDouble() >= ChanceLevel.threshold(15, 2, 0.05), p.out());
    }
}
