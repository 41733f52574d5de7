package org.mistudio.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our outlet to our inlet over loopback, machine scope only. */
@Timeout(60)
class LslLoopbackTest {
    private static final LslConfig MACHINE = LslConfig.machine();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static StreamInfo eeg(String name, int channels, double rate, String sourceId) {
        List<LslChannel> ch = new ArrayList<>();
        for (int k = 0; k < channels; k++) {
            ch.add(new LslChannel("Ch" + k, "microvolts", "EEG"));
        }
        return StreamInfo.of(name, "EEG", channels, rate, ChannelFormat.FLOAT32, sourceId).withChannels(ch);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void outletBindsLoopbackOnlyInMachineScope() throws Exception {
        try (StreamOutlet out = new StreamOutlet(eeg(unique("bind"), 2, 100, ""), MACHINE)) {
            assertEquals(LOOPBACK, out.dataAddress().getAddress());
            assertEquals(LOOPBACK, out.serviceAddress().getAddress());
            if (out.discoveryAddress() != null) {
                assertEquals(LOOPBACK, out.discoveryAddress().getAddress());
                assertEquals(LslConfig.DISCOVERY_PORT, out.discoveryAddress().getPort());
            }
        }
    }

    @Test
    void rawHandshakeBytes() throws Exception {
        try (StreamOutlet out = new StreamOutlet(StreamInfo.of(unique("raw"), "EEG", 3, 100, ChannelFormat.INT16, "s"), MACHINE);
                Socket s = new Socket(LOOPBACK, out.dataAddress().getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("LSL:streamfeed/110 " + out.info().uid() + "\r\nNative-Byte-Order: 1234\r\n"
                    + "VALUE-SIZE: 2 ; a comment\r\nData-Protocol-Version: 110\r\nMax-Buffer-Length: 100\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(s.getInputStream());
            assertEquals("LSL/110 200 OK", Wire.readLine(in));
            Map<String, String> h = Wire.readHeaders(in);
            assertEquals(Map.of("uid", out.info().uid(), "byte-order", "1234", "suppress-subnormals", "0",
                    "data-protocol-version", "110"), h);
            byte[] pattern = in.readNBytes(2 * (9 + 6));
            byte[] want4 = SampleCodec.encode(ChannelFormat.INT16, 3, new short[] {261, -262, 263}, 0, 1, new double[] {123456.789});
            byte[] want2 = SampleCodec.encode(ChannelFormat.INT16, 3, new short[] {259, -260, 261}, 0, 1, new double[] {123456.789});
            assertArrayEquals(want4, Arrays.copyOfRange(pattern, 0, 15));
            assertArrayEquals(want2, Arrays.copyOfRange(pattern, 15, 30));
            assertTrue(out.waitForConsumers(2000));
            out.pushSample(new short[] {1, 2, 3}, 5.0);
            assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 0, 0, 0x14, 0x40, 1, 0, 2, 0, 3, 0}, in.readNBytes(15));
        }
    }

    @Test
    void wrongUidAndNewerVersionAreRefused() throws Exception {
        try (StreamOutlet out = new StreamOutlet(eeg(unique("refuse"), 1, 100, ""), MACHINE)) {
            for (String[] c : new String[][] {{"LSL:streamfeed/110 not-the-uid", "LSL/110 404 Not found"},
                    {"LSL:streamfeed/210 " + out.info().uid(), "LSL/110 505 Version not supported"}}) {
                try (Socket s = new Socket(LOOPBACK, out.dataAddress().getPort())) {
                    s.setSoTimeout(5000);
                    s.getOutputStream().write((c[0] + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertEquals(c[1], Wire.readLine(s.getInputStream()));
                }
            }
        }
    }

    @Test
    void resolveAndFullInfo() throws Exception {
        String name = unique("res");
        String source = unique("src");
        try (StreamOutlet out = new StreamOutlet(eeg(name, 4, 250, source), MACHINE)) {
            List<StreamInfo> byName = Resolver.byName(MACHINE, name, 3000);
            assertEquals(1, byName.size());
            StreamInfo r = byName.get(0);
            assertEquals(out.info().uid(), r.uid());
            assertEquals("127.0.0.1", r.v4address());
            assertEquals(List.of(), r.channels()); // short info: empty desc
            assertEquals(1, Resolver.bySourceId(MACHINE, source, 3000).size());
            assertTrue(Resolver.matching(MACHINE, i -> i.name().equals(name), 1, 3000).size() == 1);
            assertTrue(Resolver.resolve(MACHINE, Query.term("name", unique("none")), 1, 600).isEmpty());
            try (StreamInlet in = StreamInlet.open(r, MACHINE, true)) {
                assertEquals(List.of("Ch0", "Ch1", "Ch2", "Ch3"), in.info().labels());
                assertEquals(0.0, in.timeCorrection(5000), 1e-3); // same clock
            }
        }
    }

    /**
     * 64 channels at 1000 Hz, pushed in real time in 10-sample chunks (deduced timestamps) and single samples
     * (transmitted), into two inlets. 3 s here; the full 60 s run is
     * {@code -Dmistudio.lsl.e2eSeconds=60} (the same test, longer).
     */
    @Test
    @Timeout(300) // room for the 60 s variant
    void sixtyFourChannelsAt1000HzIntoTwoInlets() throws Exception {
        int ch = 64;
        double rate = 1000;
        int total = (int) (rate * Integer.getInteger("mistudio.lsl.e2eSeconds", 3));
        try (StreamOutlet out = new StreamOutlet(eeg(unique("e2e"), ch, rate, unique("src")), MACHINE)) {
            StreamInfo r = Resolver.byName(MACHINE, out.info().name(), 3000).get(0);
            try (StreamInlet a = StreamInlet.open(r, MACHINE, true); StreamInlet b = StreamInlet.open(r, MACHINE, true)) {
                assertTrue(out.waitForConsumers(2000));
                while (out.consumerCount() < 2) {
                    Thread.sleep(5);
                }
                a.timeCorrection(5000);
                b.timeCorrection(5000);
                double t0 = LslClock.now();
                long start = System.nanoTime();
                int sent = 0;
                while (sent < total) {
                    int n = sent % 1000 < 500 ? 10 : 1;
                    float[] flat = new float[n * ch];
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < ch; k++) {
                            flat[i * ch + k] = value(sent + i, k);
                        }
                    }
                    if (n == 1) {
                        out.pushSample(flat, t0 + sent / rate);
                    } else {
                        out.pushChunk(flat, t0 + (sent + n - 1) / rate);
                    }
                    sent += n;
                    long due = start + (long) (sent / rate * 1e9);
                    long sleep = due - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                    }
                }
                for (StreamInlet in : List.of(a, b)) {
                    for (int i = 0; i < total; i++) {
                        Sample s = in.pullSample(5000);
                        assertNotNull(s, "sample " + i + " missing");
                        assertFalse(s.gapBefore());
                        assertEquals(t0 + i / rate, s.timestamp(), 1e-3, "timestamp of sample " + i);
                        float[] v = s.floats();
                        for (int k = 0; k < ch; k++) {
                            if (Float.floatToRawIntBits(v[k]) != Float.floatToRawIntBits(value(i, k))) {
                                throw new AssertionError("sample " + i + " channel " + k + ": " + v[k]);
                            }
                        }
                    }
                    assertEquals(0, in.available(), "no duplicated samples");
                }
            }
        }
    }

    private static float value(int sample, int channel) {
        return Float.intBitsToFloat(0x3F800000 + sample * 64 + channel) * (channel % 2 == 0 ? 1 : -1);
    }

    @Test
    void stringMarkers() throws Exception {
        StreamInfo mi = StreamInfo.of(unique("markers"), "Markers", 1, StreamInfo.IRREGULAR_RATE, ChannelFormat.STRING,
                unique("m"));
        try (StreamOutlet out = new StreamOutlet(mi, MACHINE)) {
            try (StreamInlet in = StreamInlet.open(Resolver.byName(MACHINE, mi.name(), 3000).get(0), MACHINE, false)) {
                assertTrue(out.waitForConsumers(2000));
                String[] labels = {"T1", "left hand ✋", "", "x".repeat(1000)};
                for (int i = 0; i < labels.length; i++) {
                    out.pushSample(new String[] {labels[i]}, 100 + i);
                }
                out.pushChunk(new String[] {"a", "b"}, 200.0); // irregular chunk: deduced = previous timestamp
                for (int i = 0; i < labels.length; i++) {
                    Sample s = in.pullSample(5000);
                    assertEquals(labels[i], s.strings()[0]);
                    assertEquals(100 + i, s.timestamp());
                }
                assertEquals(200.0, in.pullSample(5000).timestamp());
                Sample last = in.pullSample(5000);
                assertEquals("b", last.strings()[0]);
                assertEquals(200.0, last.timestamp());
            }
        }
    }

    @Test
    void outletRestartWithSameSourceIdIsAGapNeverADuplicate() throws Exception {
        StreamInfo base = eeg(unique("restart"), 8, 100, unique("src"));
        StreamOutlet out = new StreamOutlet(base, MACHINE);
        try (StreamInlet in = StreamInlet.open(Resolver.byName(MACHINE, base.name(), 3000).get(0), MACHINE, false)) {
            assertTrue(out.waitForConsumers(2000));
            double t = LslClock.now();
            for (int i = 0; i < 50; i++) {
                out.pushSample(new float[8], t + i / 100.0);
            }
            for (int i = 0; i < 50; i++) {
                assertFalse(in.pullSample(5000).gapBefore());
            }
            out.close();
            try (StreamOutlet again = new StreamOutlet(base, MACHINE)) {
                assertTrue(again.waitForConsumers(10_000), "inlet did not reconnect");
                // a sample stamped before the last delivered one would be a reordering: it is discarded
                again.pushSample(new float[8], t);
                for (int i = 50; i < 100; i++) {
                    float[] v = new float[8];
                    v[0] = i;
                    again.pushSample(v, t + i / 100.0);
                }
                Sample first = in.pullSample(5000);
                assertTrue(first.gapBefore());
                assertEquals(50f, first.floats()[0]);
                for (int i = 51; i < 100; i++) {
                    Sample s = in.pullSample(5000);
                    assertEquals(i, s.floats()[0]);
                    assertFalse(s.gapBefore());
                }
                assertEquals(1, in.gapCount());
                assertEquals(1, in.discardedCount());
            }
        } finally {
            out.close();
        }
    }

    @Test
    void stalledConsumerDoesNotBlockTheOutlet() throws Exception {
        // The outlet's per-inlet queue drops its oldest chunks beyond Max-Buffer-Length; a stalled inlet
        // keeps the outlet's pushes fast. Here the consumer simply does not pull for 1 s.
        StreamInfo base = eeg(unique("stall"), 4, 1000, "");
        try (StreamOutlet out = new StreamOutlet(base, MACHINE);
                StreamInlet in = StreamInlet.open(Resolver.byName(MACHINE, base.name(), 3000).get(0), MACHINE, false)) {
            assertTrue(out.waitForConsumers(2000));
            long t = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                out.pushSample(new float[] {i, 0, 0, 0}, 1 + i / 1000.0);
            }
            assertTrue(System.nanoTime() - t < 1_000_000_000L);
            Thread.sleep(1000);
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, in.pullSample(5000).floats()[0]);
            }
        }
    }
}
