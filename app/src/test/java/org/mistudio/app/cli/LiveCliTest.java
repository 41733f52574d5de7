package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.protocol.GrazSchedule;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;

import com.fasterxml.jackson.databind.JsonNode;

/** The clinician's path on the command line: calibration file, {@code train}, {@code live} on a simulated patient. */
@Timeout(120)
class LiveCliTest {

    @Test
    void trainThenLiveWithJsonSummaryAndSessionFile(@TempDir Path dir) throws Exception {
        // calibration of the patient (subject 31), offline, written as a file and trained with the CLI
        Path calFile = calibration(dir, 31);
        Path model = dir.resolve("p.mimodel");
        CliTest.Run t = CliTest.run("train", calFile.toString(), "--classes", "left_hand,right_hand", "--model",
                "csp-lda", "--out", model.toString());
        assertEquals(0, t.status(), t.err());

        Path rec = dir.resolve("online.bdf");
        CliTest.Run live = live(model, 31, 3, rec);
        assertEquals(0, live.status(), live.err());
        JsonNode j = Json.mapper().readTree(live.out());
        assertEquals("online", j.get("mode").asText());
        assertEquals(6, j.get("trials").asInt());
        assertEquals(6, j.get("per_trial").size());
        assertEquals(j.get("samples_received").asLong(), j.get("samples_recorded").asLong());
        assertTrue(j.get("latency").get("median_ms").asDouble() > 0, live.out());
        assertTrue(j.get("latency").get("p99_ms").asDouble() >= j.get("latency").get("median_ms").asDouble());
        assertEquals(model.toString(), j.get("model").asText());
        // the same summary beside the recording, and the BDF+ recording itself
        JsonNode side = Json.mapper().readTree(Files.readString(dir.resolve("online.session.json")));
        assertEquals(j, side);
        assertEquals(j.get("samples_recorded").asLong(), EdfReader.read(rec).sampleCount());

        CliTest.Run both = CliTest.run("live", "--stream", "x", "--calibration", "--model", model.toString());
        assertEquals(2, both.status());
        assertTrue(both.err().contains("give --model MODEL or --calibration"), both.err());
    }

    @Test
    void anEegNetModelDecodesLive(@TempDir Path dir) throws Exception {
        // the network path of the live session: an EEGNet .mimodel loaded through its model kind, fed by the
        // sliding-window decoder over LSL
        Path calFile = calibration(dir, 32);
        Path model = dir.resolve("eegnet.mimodel");
        CliTest.Run t = CliTest.run("train", calFile.toString(), "--classes", "left_hand,right_hand", "--model",
                "eegnet", "--band", "4,40", "--epochs", "40", "--patience", "10", "--batch", "16", "--out",
                model.toString());
        assertEquals(0, t.status(), t.err());

        Path rec = dir.resolve("online.edf");
        CliTest.Run live = live(model, 32, 2, rec);
        assertEquals(0, live.status(), live.err());
        JsonNode j = Json.mapper().readTree(live.out());
        assertEquals("online", j.get("mode").asText());
        assertEquals(4, j.get("per_trial").size());
        assertEquals(j.get("samples_received").asLong(), j.get("samples_recorded").asLong());
        assertTrue(j.get("latency").get("median_ms").asDouble() > 0, live.out());
        assertEquals(j.get("samples_recorded").asLong(), EdfReader.read(rec).sampleCount());
    }

    /** A calibration session of simulated subject {@code subject} (session 1), 20 trials per class, as a file. */
    private static Path calibration(Path dir, int subject) throws Exception {
        StreamingSimulator cal = new StreamingSimulator(ChannelSets.BCI_IV_2A, 250, 0.6, subject, 1);
        Path calFile = dir.resolve("calibration.edf");
        RecordingFiles.write(SimulatedPatient.offlineSession(cal, GrazSchedule.of(GrazTiming.openVibe()
                .withoutBaseline(), List.of(Stimulation.LEFT_HAND, Stimulation.RIGHT_HAND), 20, 3), 2,
                LocalDateTime.of(2026, 1, 1, 9, 0)), calFile);
        return calFile;
    }

    /** {@code mistudio live --json} with the model on the same subject's session 2, streamed by a simulated patient. */
    private static CliTest.Run live(Path model, int subject, int trialsPerClass, Path rec) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        try (SimulatedPatient p = SimulatedPatient.start(new StreamingSimulator(ChannelSets.BCI_IV_2A, 250, 0.6,
                subject, 2), "cli-eeg-" + id, LslConfig.machine(), "cli-mk-" + id, 8, false)) {
            return CliTest.run("live", "--model", model.toString(), "--stream", "cli-eeg-" + id, "--outlet",
                    "cli-mk-" + id, "--trials", String.valueOf(trialsPerClass), "--baseline", "0", "--record",
                    rec.toString(), "--json", "--scope", "machine");
        }
    }
}
