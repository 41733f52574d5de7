package org.mistudio.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.record.LslRecorder;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;

/** Continuous resolver, int markers, the inlet watchdog and a consumer that stalls for 5 s (machine scope). */
@Timeout(90)
class LslRobustnessTest {
    private static final LslConfig MACHINE = LslConfig.machine();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static boolean eventually(long millis, java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return cond.getAsBoolean();
    }

    @Test
    void continuousResolverListsStreamsThatAppearAndForgetsThoseThatVanish() throws Exception {
        String name = unique("cont");
        try (ContinuousResolver r = new ContinuousResolver(MACHINE, "name='" + name + "'", 1.5)) {
            assertTrue(r.results().stream().noneMatch(i -> i.name().equals(name)));
            StreamOutlet out = new StreamOutlet(StreamInfo.of(name, "EEG", 2, 100, ChannelFormat.FLOAT32, name), MACHINE);
            try {
                assertTrue(eventually(5000, () -> r.results().stream().anyMatch(i -> i.uid().equals(out.info().uid()))));
                assertTrue(r.results().stream().allMatch(i -> i.name().equals(name)), "the query filters");
            } finally {
                out.close();
            }
            assertTrue(eventually(6000, () -> r.results().isEmpty()), "a closed outlet is forgotten");
        }
    }

    @Test
    void intMarkerStreamsCarryTheirValues() throws Exception {
        for (ChannelFormat f : new ChannelFormat[] {ChannelFormat.INT32, ChannelFormat.INT16, ChannelFormat.INT64}) {
            String name = unique("intmk");
            try (StreamOutlet out = new StreamOutlet(StreamInfo.of(name, "Markers", 1, StreamInfo.IRREGULAR_RATE, f,
                    name), MACHINE);
                    StreamInlet in = StreamInlet.open(Resolver.byName(MACHINE, name, 5000).get(0), MACHINE, false)) {
                assertTrue(out.waitForConsumers(5000));
                long[] codes = {1, 2, 769, 770, 32767, -5};
                for (int k = 0; k < codes.length; k++) {
                    Object v = switch (f) {
                        case INT32 -> new int[] {(int) codes[k]};
                        case INT16 -> new short[] {(short) codes[k]};
                        default -> new long[] {codes[k]};
                    };
                    out.pushSample(v, 1000.0 + k);
                }
                for (int k = 0; k < codes.length; k++) {
                    Sample s = in.pullSample(5000);
                    assertNotNull(s, f + " marker " + k);
                    assertEquals(1000.0 + k, s.timestamp(), f.name());
                    assertEquals(Long.toString(codes[k]), LslRecorder.markerLabel(s.values()), f.name());
                }
            }
        }
    }

    @Test
    void recorderWritesIntMarkersAsAnnotations(@TempDir Path dir) throws Exception {
        String name = unique("rec-int");
        Path file = dir.resolve("int.bdf");
        try (StreamOutlet eeg = new StreamOutlet(StreamInfo.of(name, "EEG", 4, 100, ChannelFormat.DOUBLE64, name),
                MACHINE);
                StreamOutlet mk = new StreamOutlet(StreamInfo.of(name + "-mk", "Markers", 1, 0, ChannelFormat.INT32,
                        name + "-mk"), MACHINE)) {
            LslRecorder rec = LslRecorder.start(MACHINE, eeg.info().withAddress("127.0.0.1"),
                    mk.info().withAddress("127.0.0.1"), file, LslRecorder.Options.forFile(file).withDuration(2));
            double start = LslClock.now();
            List<Double> markerOnsets = new ArrayList<>();
            double first = Double.NaN;
            for (int i = 0; i < 260 && !rec.awaitEnd(0); i++) {
                double t = start + i / 100.0;
                long wait = (long) ((t - LslClock.now()) * 1000);
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                eeg.pushSample(new double[] {i, -i, 0.5 * i, 1000 + i}, t);
                if (Double.isNaN(first)) {
                    first = t;
                }
                if (i % 50 == 25) {
                    mk.pushSample(new int[] {769 + i}, t);
                    markerOnsets.add(t - first);
                }
            }
            assertTrue(rec.awaitEnd(10_000));
            rec.close();
        }
        Recording r = EdfReader.read(file);
        assertEquals(200, r.sampleCount());
        assertEquals(0, r.samples()[0][0], 0.05);
        for (int j = 1; j < 200; j++) {
            assertEquals(r.samples()[0][j - 1] + 1, r.samples()[0][j], 0.1, "continuous ramp");
            assertEquals(r.samples()[3][j] - 1000, r.samples()[0][j], 0.1);
        }
        List<Annotation> a = r.annotations();
        assertTrue(a.size() >= 3, a.toString());
        for (Annotation x : a) {
            int code = Integer.parseInt(x.label());
            assertEquals((code - 769) / 100.0, x.onset(), 0.011, x.toString());
        }
    }

    /** An outlet that completes the handshake and then goes silent, answering neither data nor probes. */
    private static final class SilentOutlet implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final StreamInfo info;

        SilentOutlet(String name, String sourceId) throws Exception {
            info = StreamInfo.of(name, "EEG", 2, 100, ChannelFormat.FLOAT32, sourceId)
                    .withOutletFields(UUID.randomUUID().toString(), LslClock.now(), "silent", server.getLocalPort(),
                            udp.getLocalPort()).withAddress("127.0.0.1");
            Thread t = new Thread(this::serve, "silent-outlet");
            t.setDaemon(true);
            t.start();
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    held.add(s);
                    InputStream in = new BufferedInputStream(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    String first = Wire.readLine(in);
                    if (first != null && first.startsWith("LSL:fullinfo")) {
                        out.write(info.toFullInfoXml().getBytes(StandardCharsets.UTF_8));
                        s.close();
                        continue;
                    }
                    Wire.readHeaders(in);
                    out.write(("LSL/110 200 OK\r\nUID: " + info.uid() + "\r\nByte-Order: 1234\r\n"
                            + "Suppress-Subnormals: 0\r\nData-Protocol-Version: 110\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int off : new int[] {4, 2}) {
                        out.write(SampleCodec.encode(ChannelFormat.FLOAT32, 2,
                                SampleCodec.testPattern(ChannelFormat.FLOAT32, 2, off), 0, 1,
                                new double[] {SampleCodec.TEST_PATTERN_TIMESTAMP}));
                    }
                    out.flush(); // and then nothing, ever
                } catch (Exception e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            udp.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void watchdogReconnectsFromASilentConnectionToTheLiveOutlet() throws Exception {
        String name = unique("wd");
        String sourceId = unique("wd-src");
        try (SilentOutlet silent = new SilentOutlet(name, sourceId);
                StreamOutlet live = new StreamOutlet(StreamInfo.of(name, "EEG", 2, 100, ChannelFormat.FLOAT32, sourceId),
                        MACHINE);
                StreamInlet in = StreamInlet.open(silent.info, MACHINE, false, 10, 1000)) {
            Thread pusher = new Thread(() -> {
                for (int i = 0; i < 1000 && !Thread.currentThread().isInterrupted(); i++) {
                    live.pushSample(new float[] {i, -i}, 0.0);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            pusher.setDaemon(true);
            pusher.start();
            try {
                Sample s = in.pullSample(15_000);
                assertNotNull(s, "no data after the watchdog fired: " + in.lastFailure());
                assertTrue(s.gapBefore(), "the reconnection is marked as a gap");
                assertTrue(in.watchdogResets() >= 1);
                assertEquals(live.info().uid(), in.info().uid(), "now connected to the live outlet");
                Sample next = in.pullSample(2000);
                assertNotNull(next);
                assertEquals(s.floats()[0] + 1, next.floats()[0], "consecutive after the reconnection");
            } finally {
                pusher.interrupt();
                pusher.join(2000);
            }
        }
    }

    @Test
    void watchdogLeavesAnIdleButLiveOutletAlone() throws Exception {
        String name = unique("idle");
        try (StreamOutlet out = new StreamOutlet(StreamInfo.of(name, "Markers", 1, 0, ChannelFormat.STRING, name), MACHINE);
                StreamInlet in = StreamInlet.open(out.info().withAddress("127.0.0.1"), MACHINE, false, 10, 700)) {
            assertTrue(out.waitForConsumers(5000));
            Thread.sleep(3000); // no data, but probes are answered
            assertEquals(0, in.watchdogResets());
            assertEquals(0, in.gapCount());
            out.pushSample(new String[] {"still here"}, 5.0);
            Sample s = in.pullSample(3000);
            assertNotNull(s);
            assertArrayEquals(new String[] {"still here"}, s.strings());
            assertFalse(s.gapBefore());
        }
    }

    /** Pushes 10-sample chunks of an 8-channel 1000 Hz ramp in real time for {@code seconds}. */
    private static Thread ramp(StreamOutlet out, double seconds) {
        Thread t = new Thread(() -> {
            double start = LslClock.now();
            long i = 0;
            long total = (long) (seconds * 1000);
            while (i < total) {
                long due = Math.min(total, (long) ((LslClock.now() - start) * 1000));
                if (due - i < 10) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                float[] flat = new float[10 * 8];
                for (int s = 0; s < 10; s++) {
                    for (int c = 0; c < 8; c++) {
                        flat[s * 8 + c] = i + s + c * 0.25f;
                    }
                }
                out.pushChunk(flat, start + (i + 9) / 1000.0);
                i += 10;
            }
        }, "ramp");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void consumerStallingFiveSecondsLosesNothingWithTheDefaultBuffer() throws Exception {
        String name = unique("stall");
        try (StreamOutlet out = new StreamOutlet(StreamInfo.of(name, "EEG", 8, 1000, ChannelFormat.FLOAT32, name), MACHINE);
                StreamInlet in = StreamInlet.open(out.info().withAddress("127.0.0.1"), MACHINE, false)) {
            assertTrue(out.waitForConsumers(5000));
            Thread pusher = ramp(out, 6);
            Thread.sleep(5000); // the consumer stalls
            assertTrue(in.available() >= 4500, "buffered while stalled: " + in.available());
            pusher.join(10_000);
            long expect = 0;
            while (expect < 6000) {
                Sample s = in.pullSample(3000);
                assertNotNull(s, "sample " + expect + " missing");
                assertEquals(expect, (long) s.floats()[0], "no loss, duplicate or reordering");
                assertEquals(expect + 1.75f, s.floats()[7]);
                assertFalse(s.gapBefore());
                expect++;
            }
            assertEquals(0, in.available());
        }
    }

    @Test
    void consumerStallingLongerThanItsBufferKeepsTheNewestAndMarksTheGap() throws Exception {
        String name = unique("stall-small");
        try (StreamOutlet out = new StreamOutlet(StreamInfo.of(name, "EEG", 8, 1000, ChannelFormat.FLOAT32, name), MACHINE);
                StreamInlet in = StreamInlet.open(out.info().withAddress("127.0.0.1"), MACHINE, false, 1.0, 0)) {
            assertTrue(out.waitForConsumers(5000));
            Thread pusher = ramp(out, 6);
            Thread.sleep(5000);
            pusher.join(10_000);
            Thread.sleep(300);
            List<Sample> got = in.pullChunk(Integer.MAX_VALUE);
            assertTrue(got.size() <= 1000, "the buffer holds at most 1 s: " + got.size());
            assertTrue(got.size() >= 900, "the newest second is kept: " + got.size());
            assertTrue(got.get(0).gapBefore(), "the first sample after the overflow is marked");
            assertEquals(5999, (long) got.get(got.size() - 1).floats()[0], "the newest sample is the last pushed");
            for (int j = 1; j < got.size(); j++) {
                assertEquals(got.get(j - 1).floats()[0] + 1, got.get(j).floats()[0], "contiguous, in order");
                assertFalse(got.get(j).gapBefore());
            }
        }
    }
}
