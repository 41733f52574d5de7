package org.mistudio.acquisition.lsl.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.ChannelFormat;
import org.mistudio.acquisition.lsl.LslChannel;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.lsl.StreamOutlet;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kill -9 of a recording process: the file it leaves opens in our reader (and MNE where installed) and holds
 * exactly the pushed samples up to the last completed data record, with the markers at their onsets.
 */
@Timeout(120)
class RecorderCrashTest {
    static final int CHANNELS = 8;
    static final double RATE = 250;

    /** Deterministic values, multiples of 0.1 in ±1000 (EDF range ±3276.8, step 0.1). */
    static float value(long i, int c) {
        long h = (i * 7919L + c * 104729L + (i * i) % 9973L) % 20001L;
        return (float) ((h - 10000) * 0.1);
    }

    @Test
    void killedRecorderLeavesAReadableFileWithEveryCompletedRecord(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString();
        String eegName = "crash-eeg-" + id;
        String markerName = "crash-mk-" + id;
        List<LslChannel> labels = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            labels.add(new LslChannel("C" + (c + 1), "uV", "EEG"));
        }
        LslConfig config = LslConfig.machine();
        Path out = dir.resolve("crash.edf");
        List<Double> stamps = new ArrayList<>();
        List<double[]> markerPushes = new ArrayList<>(); // {stamp, index}
        AtomicLong reported = new AtomicLong();
        try (StreamOutlet eeg = new StreamOutlet(StreamInfo.of(eegName, "EEG", CHANNELS, RATE, ChannelFormat.FLOAT32,
                "crash-" + id).withChannels(labels), config);
                StreamOutlet mk = new StreamOutlet(StreamInfo.of(markerName, "Markers", 1, 0, ChannelFormat.STRING,
                        "crash-mk-" + id), config)) {
            Pusher pusher = new Pusher(eeg, mk, stamps, markerPushes);
            pusher.start();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), RecorderChild.class.getName(), eegName,
                    markerName, out.toString())
                    .redirectError(dir.resolve("child.err").toFile())
                    .start();
            try {
                Thread lines = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                            StandardCharsets.UTF_8))) {
                        for (String l; (l = r.readLine()) != null;) {
                            if (l.startsWith("records ")) {
                                reported.set(Long.parseLong(l.substring(8).trim()));
                            }
                        }
                    } catch (IOException e) {
                        // the child was killed
                    }
                });
                lines.setDaemon(true);
                lines.start();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (reported.get() < 3) {
                    assertTrue(child.isAlive(), () -> "recorder exited: " + readQuietly(dir.resolve("child.err")));
                    assertTrue(System.nanoTime() < end, "no 3 records within 60 s");
                    Thread.sleep(10);
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1000)); // anywhere inside a record
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS));
                pusher.halt();
            }
        }
        long atKill = reported.get();

        Recording rec = EdfReader.read(out);
        long records;
        try (EdfReader r = EdfReader.open(out)) {
            records = r.header().records();
        }
        assertTrue(records >= atKill, records + " records on disk, " + atKill + " reported before the kill");
        assertEquals(CHANNELS, rec.channelCount());
        assertEquals(records * (long) RATE, rec.sampleCount());
        int n = rec.sampleCount();
        double halfStep = 6553.5 / 65535 / 2 + 1e-6;
        // the first recorded sample is pushed sample k
        int k = -1;
        synchronized (stamps) {
            for (int cand = 0; cand + n <= stamps.size() && k < 0; cand++) {
                if (matches(rec, 0, cand, halfStep) && matches(rec, 1, cand + 1, halfStep)) {
                    k = cand;
                }
            }
        }
        assertTrue(k >= 0, "the recording's first sample is none of the pushed ones");
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < CHANNELS; c++) {
                float got = rec.samples()[c][j];
                float want = value(k + j, c);
                if (Math.abs(got - want) > halfStep) {
                    throw new AssertionError("sample " + j + " channel " + c + ": " + got + " != pushed " + want);
                }
            }
        }
        // markers: onset = marker stamp - first sample's stamp, within one sample
        double t0 = stamps.get(k);
        List<Annotation> cues = rec.annotations().stream().filter(a -> a.label().startsWith("cue-")).toList();
        assertTrue(!cues.isEmpty(), "no marker recorded");
        for (Annotation a : cues) {
            double[] m = markerPushes.get(Integer.parseInt(a.label().substring(4)));
            assertEquals(m[0] - t0, a.onset(), 1 / RATE, a.label());
        }
        for (double[] m : markerPushes) {
            double onset = m[0] - t0;
            if (onset >= 0 && onset < records - 1.5) {
                String label = "cue-" + (int) m[1];
                assertTrue(cues.stream().anyMatch(a -> a.label().equals(label)), label + " at " + onset + " s missing");
            }
        }
        System.err.printf("crash test: killed after %d records reported, %d on disk, first sample = pushed #%d, %d cues%n",
                atKill, records, k, cues.size());
        checkWithMne(out, rec, halfStep);
    }

    private static boolean matches(Recording rec, int j, int pushed, double tol) {
        for (int c = 0; c < CHANNELS; c++) {
            if (Math.abs(rec.samples()[c][j] - value(pushed, c)) > tol) {
                return false;
            }
        }
        return true;
    }

    /** MNE reads the same samples and annotations (skipped, with a note on stderr, where MNE is not installed). */
    static void checkWithMne(Path file, Recording rec, double tol) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python) || run(python.toString(), "-c", "import mne") == null) {
            System.err.println("RecorderCrashTest: python3 with MNE is not installed; MNE check skipped");
            return;
        }
        String script = "import json,sys,mne\n"
                + "raw=mne.io.read_raw_edf(sys.argv[1],preload=True,verbose='error')\n"
                + "d=raw.get_data()*1e6\n"
                + "print(json.dumps({'n':int(raw.n_times),'ch':raw.ch_names,'data':d.tolist(),"
                + "'ann':[[float(a['onset']),a['description']] for a in raw.annotations]}))\n";
        String json = run(python.toString(), "-c", script, file.toString());
        assertTrue(json != null, "MNE failed to read " + file);
        JsonNode doc = new ObjectMapper().readTree(json);
        assertEquals(rec.sampleCount(), doc.get("n").asInt());
        assertEquals(rec.labels(), new ObjectMapper().convertValue(doc.get("ch"), List.class));
        for (int c = 0; c < rec.channelCount(); c++) {
            JsonNode row = doc.get("data").get(c);
            for (int j = 0; j < rec.sampleCount(); j++) {
                assertEquals(rec.samples()[c][j], row.get(j).asDouble(), tol, "MNE channel " + c + " sample " + j);
            }
        }
        List<Annotation> ours = rec.annotations();
        assertEquals(ours.size(), doc.get("ann").size(), "annotation count, MNE vs ours");
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(ours.get(i).onset(), doc.get("ann").get(i).get(0).asDouble(), 1e-6);
            assertEquals(ours.get(i).label(), doc.get("ann").get(i).get(1).asText());
        }
        System.err.println("RecorderCrashTest: MNE reads " + doc.get("n").asInt() + " samples, "
                + ours.size() + " annotations, equal to ours");
    }

    /** Runs a command (60 s at most); its stdout, or null if it failed. */
    static String run(String... cmd) throws Exception {
        Path err = Files.createTempFile("mne", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        byte[] outBytes;
        Thread reader;
        final byte[][] holder = new byte[1][];
        reader = new Thread(() -> {
            try {
                holder[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                holder[0] = new byte[0];
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        reader.join(5000);
        outBytes = holder[0];
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        if (p.exitValue() != 0 && cmd.length > 3) {
            throw new AssertionError("python failed: " + stderr);
        }
        return p.exitValue() == 0 && outBytes != null ? new String(outBytes, StandardCharsets.UTF_8) : null;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no stderr)";
        }
    }

    /** Pushes 5-sample chunks every 20 ms in real time and a marker every 0.4 s, remembering every stamp. */
    static final class Pusher extends Thread {
        private final StreamOutlet eeg;
        private final StreamOutlet mk;
        private final List<Double> stamps;
        private final List<double[]> markers;
        private volatile boolean halt;

        Pusher(StreamOutlet eeg, StreamOutlet mk, List<Double> stamps, List<double[]> markers) {
            super("crash-pusher");
            setDaemon(true);
            this.eeg = eeg;
            this.mk = mk;
            this.stamps = stamps;
            this.markers = markers;
        }

        void halt() throws InterruptedException {
            halt = true;
            join(5000);
        }

        @Override
        public void run() {
            long i = 0;
            double start = org.mistudio.acquisition.lsl.LslClock.now();
            int m = 0;
            while (!halt) {
                double now = org.mistudio.acquisition.lsl.LslClock.now();
                long due = (long) ((now - start) * RATE);
                if (due - i < 5) {
                    try {
                        Thread.sleep(4);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                int n = (int) Math.min(50, due - i);
                float[] flat = new float[n * CHANNELS];
                double[] ts = new double[n];
                for (int s = 0; s < n; s++) {
                    ts[s] = start + (i + s) / RATE;
                    for (int c = 0; c < CHANNELS; c++) {
                        flat[s * CHANNELS + c] = value(i + s, c);
                    }
                }
                synchronized (stamps) {
                    for (double t : ts) {
                        stamps.add(t);
                    }
                }
                eeg.pushChunk(flat, ts);
                i += n;
                while (m * 0.4 < (i - 1) / RATE) {
                    double t = start + m * 0.4;
                    synchronized (markers) {
                        markers.add(new double[] {t, m});
                    }
                    mk.pushSample(new String[] {"cue-" + m}, t);
                    m++;
                }
            }
        }
    }
}
