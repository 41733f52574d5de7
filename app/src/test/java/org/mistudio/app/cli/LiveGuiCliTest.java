package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code mistudio live --gui} in its own JVM (JavaFX's headless Monocle platform): with the stream and a calibration
 * run given it starts at once, {@code --close-at-end} closes the window after the protocol, and the summary is
 * printed as the headless command prints it.
 */
@Timeout(120)
class LiveGuiCliTest {

    @Test
    void liveGuiRunsTheSessionInAWindowAndPrintsItsSummary(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path rec = dir.resolve("calibration.edf");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1920x1200-32", "org.mistudio.app.Main", "live", "--gui", "--close-at-end",
                "--calibration", "--stream", "gui-eeg-" + id, "--outlet", "gui-mk-" + id, "--trials", "1",
                "--baseline", "0", "--record", rec.toString(), "--json", "--scope", "machine"));
        pb.environment().put("MISTUDIO_LSL_SCOPE", "machine");
        Process p;
        String stdout;
        String stderr;
        try (SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.BCI_IV_2A, 250, 0.6,
                5, 1), "gui-eeg-" + id, LslConfig.machine(), "gui-mk-" + id, 8, false)) {
            p = pb.start();
            byte[] err = p.getErrorStream().readAllBytes();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(100, TimeUnit.SECONDS));
            stdout = new String(out, StandardCharsets.UTF_8);
            stderr = new String(err, StandardCharsets.UTF_8);
        }
        assertEquals(0, p.exitValue(), stderr);
        JsonNode j = Json.mapper().readTree(stdout);
        assertEquals("calibration", j.get("mode").asText());
        assertEquals(2, j.get("trials").asInt());
        // the whole protocol went out on the marker stream: start, 6 stimulations per trial, stop
        assertEquals(2 + 2 * 6, j.get("markers_sent").asLong());
        assertEquals(j.get("samples_received").asLong(), j.get("samples_recorded").asLong());
        assertEquals(j.get("samples_recorded").asLong(), EdfReader.read(rec).sampleCount());
        assertTrue(Files.isRegularFile(dir.resolve("calibration.session.json")));
    }
}
