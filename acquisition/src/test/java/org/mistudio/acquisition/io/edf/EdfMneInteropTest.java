package org.mistudio.acquisition.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.ArtifactConfig;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;

/**
 * What we write, MNE-Python reads to the same values. The check calls Debian's python3-mne when it is installed
 * (CI installs it); without it, only our own reader is compared and the test says so on stderr.
 */
class EdfMneInteropTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    static boolean mneAvailable() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import mne").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @ParameterizedTest
    @EnumSource(value = EdfVariant.class, names = {"EDF_PLUS_C", "BDF_PLUS_C"})
    void mneReadsWhatWeWrite(EdfVariant variant) throws Exception {
        Recording original = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(2)
                .withArtifacts(ArtifactConfig.typical())).recording();
        Path file = dir.resolve(variant.isBdf() ? "sim.bdf" : "sim.edf");
        EdfWriter.write(original, file, variant);
        Recording ours = EdfReader.read(file);
        EdfHeader header;
        try (EdfReader reader = EdfReader.open(file)) {
            header = reader.header();
        }
        for (int c = 0; c < original.channelCount(); c++) {
            double half = header.signals().get(c).gain() / 2 + Math.ulp(1000f);
            for (int i = 0; i < original.samples()[c].length; i++) {
                assertEquals(original.samples()[c][i], ours.samples()[c][i], half);
            }
        }
        if (!mneAvailable()) {
            System.err.println("EdfMneInteropTest: python3-mne is not installed; compared with our reader only");
            return;
        }
        Path script = dir.resolve("mne_read.py");
        try (var in = getClass().getResourceAsStream("mne_read.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), file.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        JsonNode mne = new ObjectMapper().readTree(out);
        assertEquals(original.labels().size(), mne.get("ch_names").size());
        for (int c = 0; c < original.channelCount(); c++) {
            assertEquals(original.labels().get(c), mne.get("ch_names").get(c).asText());
            JsonNode row = mne.get("data_uV").get(c);
            assertEquals(ours.samples()[c].length, row.size());
            // MNE scales in float64, we in float32: the same digital value, within float32 rounding.
            for (int i = 0; i < row.size(); i++) {
                assertEquals(row.get(i).asDouble(), ours.samples()[c][i], 1e-6 * Math.abs(row.get(i).asDouble())
                        + 1e-4, original.labels().get(c) + " sample " + i);
            }
        }
        assertEquals(250.0, mne.get("sfreq").asDouble(), 0);
        assertEquals(original.annotations().size(), mne.get("annotations").size());
        for (int k = 0; k < original.annotations().size(); k++) {
            Annotation a = original.annotations().get(k);
            JsonNode m = mne.get("annotations").get(k);
            assertEquals(a.onset(), m.get(0).asDouble(), 1e-6);
            assertEquals(a.duration(), m.get(1).asDouble(), 1e-6);
            assertEquals(a.label(), m.get(2).asText());
        }
        assertTrue(mne.get("meas_date").asText().startsWith("2026-01-01T09:00:00"), mne.get("meas_date").asText());
    }
}
