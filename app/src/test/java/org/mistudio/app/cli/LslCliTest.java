package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.LslScope;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code mistudio lsl}: play a file, list the streams, record them back; machine scope (surefire sets it). */
@Timeout(120)
class LslCliTest {
    static final double RATE = 250;

    @Test
    void scopeIsMachineInTests() {
        assertEquals(LslScope.MACHINE, LslScope.fromEnvironment(), "app surefire must set MISTUDIO_LSL_SCOPE=machine");
    }

    @Test
    void playListRecordGivesBackTheFile(@TempDir Path dir) throws Exception {
        // an 8 s, 3-channel file with an annotation every 0.5 s
        int n = (int) (8 * RATE);
        Random rnd = new Random(7);
        float[][] x = new float[3][n];
        for (float[] row : x) {
            for (int i = 0; i < n; i++) {
                row[i] = (float) (rnd.nextGaussian() * 80);
            }
        }
        List<Annotation> ann = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            ann.add(new Annotation(k * 0.5 + 0.128, 0, "ev-" + k));
        }
        List<ChannelInfo> chans = List.of(ChannelInfo.eeg("C3", RATE), ChannelInfo.eeg("Cz", RATE),
                ChannelInfo.eeg("C4", RATE));
        Path file = dir.resolve("source.edf");
        RecordingFiles.write(new Recording(chans, x, LocalDateTime.of(2024, 1, 2, 3, 4, 5), ann), file);
        Recording src = EdfReader.read(file);

        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        CliTest.Run[] played = new CliTest.Run[1];
        Thread player = new Thread(() -> played[0] = CliTest.run("lsl", "play", file.toString(), "--name", name,
                "--scope", "machine"));
        player.setDaemon(true);
        player.start();

        CliTest.Run list = CliTest.run("lsl", "list", "--json", "--wait", "1");
        assertEquals(0, list.status(), list.err());
        JsonNode streams = Json.mapper().readTree(list.out());
        JsonNode eeg = null;
        JsonNode mk = null;
        for (JsonNode s : streams) {
            if (s.get("name").asText().equals(name)) {
                eeg = s;
            } else if (s.get("name").asText().equals(name + "-markers")) {
                mk = s;
            }
        }
        assertTrue(eeg != null && mk != null, list.out());
        assertEquals(3, eeg.get("channel_count").asInt());
        assertEquals(RATE, eeg.get("nominal_srate").asDouble());
        assertEquals("float32", eeg.get("channel_format").asText());
        assertEquals("EEG", eeg.get("type").asText());
        assertEquals("Markers", mk.get("type").asText());
        assertEquals("string", mk.get("channel_format").asText());
        assertEquals(0.0, mk.get("nominal_srate").asDouble());

        Path out = dir.resolve("rec.edf");
        CliTest.Run rec = CliTest.run("lsl", "record", "--stream", name, "--markers", name + "-markers", "--out",
                out.toString(), "--duration", "3", "--scope", "machine");
        assertEquals(0, rec.status(), rec.err());
        assertTrue(rec.err().contains("wrote " + out + ": 3 records"), rec.err());
        player.join(30_000);
        assertEquals(0, played[0].status(), played[0].err());

        Recording got = EdfReader.read(out);
        assertEquals(List.of("C3", "Cz", "C4"), got.labels());
        assertEquals(3 * (int) RATE, got.sampleCount());
        double halfStep = 0.05 + 1e-4; // EDF default range ±3276.8 in 65535 steps
        int k = -1;
        for (int cand = 0; cand + got.sampleCount() <= n && k < 0; cand++) {
            boolean ok = true;
            for (int j = 0; j < 3 && ok; j++) {
                for (int c = 0; c < 3; c++) {
                    ok &= Math.abs(got.samples()[c][j] - src.samples()[c][cand + j]) <= halfStep;
                }
            }
            if (ok) {
                k = cand;
            }
        }
        assertTrue(k >= 0, "the recording does not start at any sample of the file");
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < got.sampleCount(); j++) {
                assertEquals(src.samples()[c][k + j], got.samples()[c][j], halfStep, "channel " + c + " sample " + j);
            }
        }
        // annotations: recorded onset + k / rate = file onset, within one sample; none missing in between
        double shift = k / RATE;
        int seen = 0;
        for (Annotation a : src.annotations()) {
            double onset = a.onset() - shift;
            List<Annotation> match = got.annotations().stream().filter(b -> b.label().equals(a.label())).toList();
            if (onset >= 0.01 && onset < 2.0) {
                assertEquals(1, match.size(), a.label() + " at " + onset + " s in the recording");
            }
            for (Annotation b : match) {
                assertEquals(onset, b.onset(), 1 / RATE + 1e-6, a.label());
                seen++;
            }
        }
        assertTrue(seen >= 3, "annotations recorded: " + got.annotations());
    }

    @Test
    void benchRunsBriefly() {
        CliTest.Run r = CliTest.run("lsl", "bench", "--streams", "2", "--channels", "8", "--seconds", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("samples/s"), r.out());
        String row = r.out().lines().filter(l -> l.startsWith("2 ")).findFirst().orElseThrow();
        String[] f = row.trim().split("\\s+");
        assertEquals("0", f[4], "samples lost: " + row);
        assertTrue(Long.parseLong(f[3]) >= 1500, row);
    }

    @Test
    void recordReportsAMissingStream(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("lsl", "record", "--stream", "no-such-" + UUID.randomUUID(), "--out",
                dir.resolve("x.edf").toString(), "--timeout", "1", "--scope", "machine");
        assertEquals(MiStudioCommand.INPUT_ERROR, r.status());
        assertTrue(r.err().contains("no LSL stream named"), r.err());
    }
}
