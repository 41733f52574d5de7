package org.mistudio.models.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.online.CausalEpoching;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.classical.ClassicalTrainer;
import org.mistudio.models.classical.CspLdaKind;
import org.mistudio.models.classical.PsdLdaKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** .mimodel files: round trips bit for bit, readable model.json, clear errors for bad files and mismatched data. */
class ModelFileTest {
    static final Map<String, String> CLASSES = Map.of("left_hand", "left", "right_hand", "right");
    static Recording sim;

    @BeforeAll
    static void simulate() {
        sim = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(15).withSeed(5)).recording();
    }

    static float[][][] trials(ModelMetadata md) {
        return new CausalEpoching(CLASSES, md.filter().lowHz(), md.filter().highHz(), md.filter().order(), md.tmin(),
                md.tmax()).apply(List.of(sim), md.channels()).epochs().data();
    }

    @Test
    void cspLdaRoundTripsBitForBitWithAReadableHeader(@TempDir Path dir) throws Exception {
        ClassicalTrainer.Trained t = ClassicalTrainer.train(List.of(sim), List.of("sim.edf"),
                ClassicalTrainer.Spec.defaults(CspLdaKind.NAME, CLASSES), "test-version");
        Path f = dir.resolve("m.mimodel");
        ModelFile.write(f, t.metadata(), t.entries());
        ModelFile.Contents c = ModelFile.read(f);
        WindowClassifier back = ModelKinds.load(c);
        assertEquals(List.of("left", "right"), back.classNames());
        assertEquals(22, back.channelCount());
        assertEquals(500, back.windowSamples(), "0.5-2.5 s at 250 Hz");
        for (float[][] w : trials(c.metadata())) {
            assertArrayEquals(t.classifier().predictProba(w), back.predictProba(w), 0.0);
        }
        JsonNode doc;
        try (ZipFile z = new ZipFile(f.toFile())) {
            doc = new ObjectMapper().readTree(z.getInputStream(z.getEntry("model.json")));
        }
        assertEquals("mistudio-model", doc.get("format").asText());
        assertEquals(1, doc.get("version").asInt());
        assertEquals("csp-lda", doc.get("kind").asText());
        assertEquals("C3", doc.get("channels").get(7).get("label").asText());
        assertEquals("uV", doc.get("channels").get(7).get("unit").asText());
        assertEquals(250.0, doc.get("sampling_rate_hz").asDouble());
        assertEquals(8.0, doc.get("filter").get("low_hz").asDouble());
        assertEquals(30.0, doc.get("filter").get("high_hz").asDouble());
        assertEquals(4, doc.get("filter").get("order").asInt());
        assertEquals(0.5, doc.get("epoch").get("tmin_s").asDouble());
        assertEquals(2.5, doc.get("epoch").get("tmax_s").asDouble());
        assertEquals("[\"left\",\"right\"]", doc.get("classes").toString());
        assertEquals("left", doc.get("cue_labels").get("left_hand").asText());
        assertEquals(30, doc.get("metrics").get("trials").asInt());
        assertEquals(5, doc.get("metrics").get("fold_accuracy").size());
        assertEquals(t.crossValidation().accuracy(), doc.get("metrics").get("accuracy").asDouble(), 0);
        assertTrue(t.crossValidation().accuracy() > 0.5, "simulated imagery is decodable: " + doc.get("metrics"));
        assertEquals("test-version", doc.get("mistudio_version").asText());
        assertTrue(doc.get("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), doc.get("created").asText());
        assertEquals("csp.json", doc.get("entries").get(0).get("name").asText());
    }

    @Test
    void psdLdaRoundTripsBitForBit(@TempDir Path dir) throws Exception {
        ClassicalTrainer.Trained t = ClassicalTrainer.train(List.of(sim), List.of("sim.edf"),
                ClassicalTrainer.Spec.defaults(PsdLdaKind.NAME, CLASSES), "v");
        Path f = dir.resolve("p.mimodel");
        ModelFile.write(f, t.metadata(), t.entries());
        ModelFile.Contents c = ModelFile.read(f);
        WindowClassifier back = ModelKinds.load(c);
        assertEquals("psd-lda", c.metadata().kind());
        @SuppressWarnings("unchecked")
        List<String> features = (List<String>) c.metadata().settings().get("features");
        assertEquals(3, features.size());
        for (String s : features) {
            double hz = Double.parseDouble(s.substring(s.indexOf(';') + 1));
            assertTrue(hz >= 8 && hz <= 30, "feature inside the band: " + s);
        }
        for (float[][] w : trials(c.metadata())) {
            assertArrayEquals(t.classifier().predictProba(w), back.predictProba(w), 0.0);
        }
    }

    static ModelMetadata small() {
        return new ModelMetadata("csp-lda", null, Map.of(), List.of("C3", "Cz", "C4"), List.of("uV", "uV", "uV"), 160,
                new ModelMetadata.Filter(8, 30, 4), 0.5, 2.5, List.of("left", "right"), Map.of(), List.of(), Map.of(),
                java.time.Instant.parse("2026-01-01T00:00:00Z"), "v");
    }

    @Test
    void channelsAreMappedByLabelAndMismatchesAreListed() {
        ModelMetadata md = small();
        ChannelMap m = ChannelMap.match(md, "m.mimodel", "stream X", List.of("Fz", "c4..", "C3", "CZ"),
                List.of("uV", "uV", "µV", ""), 160);
        assertArrayEquals(new int[] {2, 3, 1}, m.sourceIndex());
        assertEquals(1, m.warnings().size(), "Cz gives no unit: " + m.warnings());
        float[][] src = {{0}, {1}, {2}, {3}};
        assertArrayEquals(new float[][] {{2}, {3}, {1}}, m.apply(src));

        ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> ChannelMap.match(md, "m.mimodel",
                "stream X", List.of("C3", "Fz"), List.of("mV", "uV"), 250));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("stream X does not match the model m.mimodel"), e.getMessage());
        assertTrue(e.problems().get(0).contains("250 Hz, the model needs 160 Hz"), e.problems().get(0));
        assertTrue(e.problems().get(1).contains("2 of the model's 3 channels are missing: Cz, C4"), e.problems().get(1));
        assertTrue(e.problems().get(2).contains("C3 is in mV, the model in uV"), e.problems().get(2));
    }

    @Test
    void badFilesAreNamedWithTheirProblem(@TempDir Path dir) throws Exception {
        Path notZip = dir.resolve("text.mimodel");
        Files.writeString(notZip, "hello");
        ModelFileException e1 = assertThrows(ModelFileException.class, () -> ModelFile.read(notZip));
        assertTrue(e1.getMessage().startsWith(notZip + ": not a MI Studio model"), e1.getMessage());

        Path noMeta = zip(dir.resolve("nometa.mimodel"), Map.of("lda.json", "{}"));
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.read(noMeta)).getMessage()
                .contains("no model.json inside"));

        Path good = dir.resolve("good.mimodel");
        ModelFile.write(good, small(), Map.of("csp.json", "{}".getBytes(StandardCharsets.UTF_8)));
        String json = readMeta(good);
        Path newer = zip(dir.resolve("newer.mimodel"), Map.of("model.json", json.replace("\"version\" : 1",
                "\"version\" : 2")));
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.read(newer)).getMessage()
                .contains("model format version 2 is newer"));
        Path badRate = zip(dir.resolve("rate.mimodel"), Map.of("model.json", json.replace("\"sampling_rate_hz\" : 160.0",
                "\"sampling_rate_hz\" : \"fast\"")));
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.read(badRate)).getMessage()
                .contains("'sampling_rate_hz' must be a number"));
        // csp.json without its fields, lda.json absent: the kind names what it misses
        ModelFileException e2 = assertThrows(ModelFileException.class, () -> ModelKinds.load(ModelFile.read(good)));
        assertTrue(e2.getMessage().contains("csp.json: 'n_components' is missing"), e2.getMessage());
        Path other = dir.resolve("other.mimodel");
        ModelFile.write(other, new ModelMetadata("quantum", null, Map.of(), List.of("C3"), List.of("uV"), 160, null, 0,
                1, List.of("a", "b"), Map.of(), List.of(), Map.of(), java.time.Instant.EPOCH, "v"), Map.of());
        assertTrue(assertThrows(ModelFileException.class, () -> ModelKinds.load(ModelFile.read(other))).getMessage()
                .contains("model kind 'quantum' is not supported by this build (known: "));
    }

    @Test
    void anotherKindPlugsInThroughTheRegistry(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("net.mimodel");
        ModelMetadata md = new ModelMetadata("network", "constant", Map.of("p_left", 0.25), List.of("C3", "C4"),
                List.of("uV", "uV"), 160, null, 0, 2, List.of("left", "right"), Map.of(), List.of(), Map.of(),
                java.time.Instant.EPOCH, "v");
        ModelFile.write(f, md, Map.of("weights.params", new byte[] {1, 2, 3}));
        ModelKinds.register(new ModelKind() {
            @Override
            public String name() {
                return "network";
            }

            @Override
            public WindowClassifier load(ModelFile.Contents c) throws ModelFileException {
                assertArrayEquals(new byte[] {1, 2, 3}, c.entry("weights.params"));
                double p = ((Number) c.metadata().settings().get("p_left")).doubleValue();
                return new WindowClassifier() {
                    public List<String> classNames() {
                        return c.metadata().classNames();
                    }

                    public int channelCount() {
                        return 2;
                    }

                    public int windowSamples() {
                        return 320;
                    }

                    public double[] predictProba(float[][] w) {
                        return new double[] {p, 1 - p};
                    }
                };
            }
        });
        WindowClassifier w = ModelKinds.load(ModelFile.read(f));
        assertArrayEquals(new double[] {0.25, 0.75}, w.predictProba(new float[2][320]), 0);
    }

    private static String readMeta(Path f) throws Exception {
        try (ZipFile z = new ZipFile(f.toFile())) {
            return new String(z.getInputStream(z.getEntry("model.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path zip(Path f, Map<String, String> entries) throws Exception {
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> e : new LinkedHashMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return f;
    }
}
