package org.mistudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code ./mistudio} with no display says so and runs the analysis of the bundled sample in the terminal. */
class NoDisplayTest {

    @Test
    void linuxWithoutDisplayOrWaylandHasNoWindow() {
        assertTrue(Display.unavailableReason(Map.of(), "Linux", null).isPresent());
        assertTrue(Display.unavailableReason(Map.of("DISPLAY", ":0"), "Linux", null).isEmpty());
        assertTrue(Display.unavailableReason(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null).isEmpty());
        assertTrue(Display.unavailableReason(Map.of(), "Linux", "Monocle").isEmpty());
    }

    @Test
    void noArgumentsWithoutDisplayRunsTheSampleAnalysis() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dmistudio.home=" + Root.path(), "org.mistudio.app.Main"));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String stdout = new String(out, StandardCharsets.UTF_8);
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(stderr.contains("no display available"), stderr);
        assertTrue(stdout.contains("MI Studio analysis of " + Root.path().resolve("sample-data/mi-sample.edf")),
                stdout);
        assertTrue(stdout.contains("Contralateral ERD present"), stdout);
    }
}
