package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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

/**
 * {@code mistudio live --gui} in its own JVM (JavaFX's headless Monocle platform): with the stream and a model given
 * it starts once the model is read, {@code --close-at-end} closes the window after the protocol, and the summary is
 * printed as the headless command prints it.
 */
@Timeout(120)
class LiveGuiCliTest {

    @Test
    void liveGuiRunsTheSessionInAWindowAndPrintsItsSummary(@TempDir Path dir) throws Exception {
        // a model of the patient (subject 5) from an offline calibration, trained with the CLI
        Path calFile = dir.resolve("calibration.edf");
        RecordingFiles.write(SimulatedPatient.offlineSession(new StreamingSimulator(ChannelSets.BCI_IV_2A, 250, 0.6, 5,
                1), GrazSchedule.of(GrazTiming.openVibe().withoutBaseline(), List.of(Stimulation.LEFT_HAND,
                Stimulation.RIGHT_HAND), 20, 3), 2, LocalDateTime.of(2026, 1, 1, 9, 0)), calFile);
        Path model = dir.resolve("p.mimodel");
        CliTest.Run t = CliTest.run("train", calFile.toString(), "--classes", "left_hand,right_hand", "--model",
                "csp-lda", "--out", model.toString());
        assertEquals(0, t.status(), t.err());

        String id = UUID.randomUUID().toString().substring(0, 8);
        Path rec = dir.resolve("online.edf");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1920x1200-32", "org.mistudio.app.Main", "live", "--gui", "--close-at-end",
                "--model", model.toString(), "--stream", "gui-eeg-" + id, "--outlet", "gui-mk-" + id, "--trials", "1",
                "--baseline", "0", "--record", rec.toString(), "--json", "--scope", "machine"));
        pb.environment().put("MISTUDIO_LSL_SCOPE", "machine");
        Process p;
        String stdout;
        String stderr;
        try (SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.BCI_IV_2A, 250, 0.6,
                5, 2), "gui-eeg-" + id, LslConfig.machine(), "gui-mk-" + id, 8, false)) {
            p = pb.start();
            byte[] err = p.getErrorStream().readAllBytes();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(100, TimeUnit.SECONDS));
            stdout = new String(out, StandardCharsets.UTF_8);
            stderr = new String(err, StandardCharsets.UTF_8);
        }
        assertEquals(0, p.exitValue(), stderr);
        JsonNode j = Json.mapper().readTree(stdout);
        assertEquals("online", j.get("mode").asText());
        assertEquals(2, j.get("trials").asInt());
        assertEquals(2, j.get("per_trial").size());
        assertTrue(j.get("latency").get("predictions").asInt() > 50, stdout);
        assertTrue(j.get("latency").get("p99_ms").asDouble() >= j.get("latency").get("median_ms").asDouble(), stdout);
        assertEquals(model.toString(), j.get("model").asText());
        // the whole protocol went out on the marker stream: start, 6 stimulations per trial, stop
        assertEquals(2 + 2 * 6, j.get("markers_sent").asLong());
        assertEquals(j.get("samples_received").asLong(), j.get("samples_recorded").asLong());
        assertEquals(j.get("samples_recorded").asLong(), EdfReader.read(rec).sampleCount());
        assertTrue(Files.isRegularFile(dir.resolve("online.session.json")));
    }
}
