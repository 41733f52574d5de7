package org.mistudio.acquisition.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mistudio.acquisition.Shared;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;

/**
 * Every EEGMMIDB run under ../shared/data reads to what MNE-Python 1.3 read (../shared/golden/io): channel names,
 * rate, length, per-channel statistics and first samples, annotations.
 */
class EdfGoldenTest {

    static Stream<Path> eegmmidb() throws IOException {
        Path golden = Shared.root().resolve("golden/io/eegmmidb");
        try (Stream<Path> s = Files.walk(golden)) {
            List<Path> files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".edf.json")).sorted().toList());
            assertTrue(files.size() >= 40, "expected the EEGMMIDB golden files, found " + files.size());
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("eegmmidb")
    void readsAsMneDoes(Path goldenFile) throws IOException {
        JsonNode g = new ObjectMapper().readTree(goldenFile.toFile());
        Path data = Shared.root().resolve("data").resolve(g.get("file").asText());
        Recording r = EdfReader.read(data);
        List<String> names = new ArrayList<>();
        g.get("ch_names").forEach(n -> names.add(n.asText()));
        assertEquals(names, r.labels());
        assertEquals(g.get("sfreq").asDouble(), r.samplingRate(), 0);
        assertEquals(g.get("n_times").asInt(), r.sampleCount());
        for (JsonNode stats : g.get("channel_stats")) {
            float[] x = r.channel(stats.get("name").asText());
            // MNE reports volts; the file and we use microvolts. Digital steps here are 1 uV.
            double mean = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : x) {
                mean += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            mean /= x.length;
            double ss = 0;
            for (float v : x) {
                ss += (v - mean) * (v - mean);
            }
            String where = data.getFileName() + " " + stats.get("name").asText();
            assertEquals(stats.get("mean").asDouble() * 1e6, mean, 1e-6, where + " mean");
            assertEquals(stats.get("std").asDouble() * 1e6, Math.sqrt(ss / x.length), 1e-6, where + " std");
            assertEquals(stats.get("min").asDouble() * 1e6, min, 1e-6, where + " min");
            assertEquals(stats.get("max").asDouble() * 1e6, max, 1e-6, where + " max");
            for (int i = 0; i < 5; i++) {
                assertEquals(stats.get("first5").get(i).asDouble() * 1e6, x[i], 1e-6, where + " sample " + i);
            }
        }
        JsonNode notes = g.get("annotations");
        assertEquals(notes.size(), r.annotations().size(), data + " annotation count");
        double period = 1 / r.samplingRate();
        for (int k = 0; k < notes.size(); k++) {
            Annotation a = r.annotations().get(k);
            assertEquals(notes.get(k).get("description").asText(), a.label());
            assertEquals(notes.get(k).get("onset").asDouble(), a.onset(), period);
            assertEquals(notes.get(k).get("duration").asDouble(), a.duration(), 1e-9);
        }
    }
}
