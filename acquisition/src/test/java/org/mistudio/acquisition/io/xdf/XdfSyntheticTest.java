package org.mistudio.acquisition.io.xdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.xdf.XdfStream.Segment;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

/**
 * Files written byte by byte per the XDF specification ({@link XdfBytes}), whose decoded values and corrected time
 * stamps are known in closed form.
 */
class XdfSyntheticTest {

    @TempDir
    Path dir;

    private static final double NO = Double.NaN; // time stamp omitted

    /** Every channel format, with 1-, 4- and 8-byte chunk length fields; values at the edges of each type. */
    @Test
    void everyChannelFormatDecodes() throws Exception {
        XdfBytes b = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("i8", "Misc", 2, 0, "int8", ""))
                .streamHeader(2, XdfBytes.header("i16", "Misc", 2, 0, "int16", ""))
                .streamHeader(3, XdfBytes.header("i32", "Misc", 2, 0, "int32", ""))
                .streamHeader(4, XdfBytes.header("i64", "Misc", 2, 0, "int64", ""))
                .streamHeader(5, XdfBytes.header("f32", "Misc", 2, 0, "float32", ""))
                .streamHeader(0xDEADBEEFL, XdfBytes.header("f64", "Misc", 2, 0, "double64", ""))
                .streamHeader(7, XdfBytes.header("str", "Markers", 2, 0, "string", ""))
                .boundary();
        double[] t = {1, 2};
        b.samples(1, "int8", t, new double[][] {{-128, 127}, {-1, 0}});
        b.width(4).samples(2, "int16", t, new double[][] {{-32768, 32767}, {-2, 1}});
        b.width(8).samples(3, "int32", t, new double[][] {{Integer.MIN_VALUE, Integer.MAX_VALUE}, {-3, 7}});
        b.width(0).samplesInt64(4, t, new long[][] {{Long.MIN_VALUE, 1L << 40}, {-(1L << 53) - 1, 5}});
        b.samples(5, "float32", t, new double[][] {{1.5, -0.25}, {Float.MAX_VALUE, Float.MIN_VALUE}});
        b.samples(0xDEADBEEFL, "double64", t, new double[][] {{1e-7, -2.5e6}, {Math.PI, 0}});
        String longText = "x".repeat(300); // needs a 4-byte string length
        b.strings(7, t, new String[][] {{"Größe", ""}, {longText, "left_hand"}});
        XdfFile f = XdfReader.read(b.write(dir.resolve("formats.xdf")), XdfReader.Options.raw());

        assertEquals(7, f.streams().size());
        assertRows(f, "i8", new float[][] {{-128, -1}, {127, 0}});
        assertRows(f, "i16", new float[][] {{-32768, -2}, {32767, 1}});
        assertRows(f, "i32", new float[][] {{Integer.MIN_VALUE, -3}, {(float) Integer.MAX_VALUE, 7}});
        assertRows(f, "i64", new float[][] {{(float) Long.MIN_VALUE, (float) (-(1L << 53) - 1)}, {1L << 40, 5}});
        assertRows(f, "f32", new float[][] {{1.5f, Float.MAX_VALUE}, {-0.25f, Float.MIN_VALUE}});
        assertRows(f, "f64", new float[][] {{1e-7f, (float) Math.PI}, {-2.5e6f, 0}});
        XdfStream s = f.stream("str").orElseThrow();
        assertEquals(XdfChannelFormat.STRING, s.format());
        assertNull(s.numericSamples());
        assertArrayEquals(new String[] {"Größe", longText}, s.stringSamples()[0]);
        assertArrayEquals(new String[] {"", "left_hand"}, s.stringSamples()[1]);
        XdfStream f64 = f.stream("f64").orElseThrow();
        assertEquals(0xDEADBEEFL, f64.id());
        assertEquals(XdfChannelFormat.DOUBLE64, f64.format());
        assertEquals("src-f64", f64.sourceId());
        assertEquals(123.5, f64.createdAt());
        for (XdfStream x : f.streams()) {
            assertArrayEquals(t, x.timestamps(), x.name());
        }
    }

    private static void assertRows(XdfFile f, String name, float[][] expected) {
        XdfStream s = f.stream(name).orElseThrow();
        assertEquals(expected.length, s.numericSamples().length);
        for (int c = 0; c < expected.length; c++) {
            assertArrayEquals(expected[c], s.numericSamples()[c], name + " channel " + c);
        }
    }

    /**
     * Spec "Samples chunk": an omitted time stamp is the previous one plus 1/nominal_srate, across chunks; for an
     * irregular stream (rate 0) the previous one itself (pyxdf: tdiff = 0). Before any stamp, pyxdf starts at 0.
     */
    @Test
    void omittedTimestampsAreDeduced() throws Exception {
        XdfBytes b = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("reg", "EEG", 1, 4, "float32", ""))
                .streamHeader(2, XdfBytes.header("irr", "Markers", 1, 0, "string", ""))
                .streamHeader(3, XdfBytes.header("nostamp", "EEG", 1, 2, "int16", ""));
        b.samples(1, "float32", new double[] {100, NO, NO, NO}, new double[][] {{0}, {1}, {2}, {3}});
        b.samples(1, "float32", new double[] {NO, NO}, new double[][] {{4}, {5}});
        b.strings(2, new double[] {7.5, NO}, new String[][] {{"a"}, {"b"}});
        b.samples(3, "int16", new double[] {NO, NO}, new double[][] {{1}, {2}});
        XdfFile f = XdfReader.read(b.write(dir.resolve("deduced.xdf")), XdfReader.Options.raw());
        double[] reg = f.stream("reg").orElseThrow().timestamps();
        for (int k = 0; k < 6; k++) {
            assertEquals(100 + 0.25 * k, reg[k], 1e-12);
        }
        assertArrayEquals(new double[] {7.5, 7.5}, f.stream("irr").orElseThrow().timestamps());
        assertArrayEquals(new double[] {0.5, 1.0}, f.stream("nostamp").orElseThrow().timestamps(), 1e-12);
    }

    /**
     * Clock offsets with a known linear drift, offset(t) = a + b*t: synchronisation adds exactly that to every
     * stamp (pyxdf's robust fit reproduces a line it is given), and dejittering an already linear stream changes
     * nothing. The stream is at 100 Hz, stamps 10 + k/100, first of each chunk stamped, the rest deduced.
     */
    @Test
    void linearClockDriftIsRemoved() throws Exception {
        double a = 0.2;
        double bDrift = -1e-3;
        XdfBytes x = new XdfBytes().fileHeader()
                .streamHeader(9, XdfBytes.header("EEG", "EEG", 2, 100, "float32",
                        "<channels><channel><label>C3</label><unit>microvolts</unit><type>EEG</type></channel>"
                                + "<channel><label>EOG</label><unit>microvolts</unit><type>EOG</type></channel>"
                                + "</channels>"));
        int n = 200;
        for (int chunk = 0; chunk < 2; chunk++) {
            double[] stamps = new double[n / 2];
            double[][] values = new double[n / 2][2];
            for (int i = 0; i < n / 2; i++) {
                int k = chunk * n / 2 + i;
                stamps[i] = i == 0 ? 10 + k / 100.0 : NO;
                values[i] = new double[] {k, -k};
            }
            x.samples(9, "float32", stamps, values);
        }
        for (int j = 0; j < 5; j++) {
            double time = 9 + 0.5 * j;
            x.clockOffset(9, time, a + bDrift * time);
        }
        XdfFile f = XdfReader.read(x.write(dir.resolve("drift.xdf")));
        XdfStream s = f.streams().get(0);
        for (int k = 0; k < n; k++) {
            double raw = 10 + k / 100.0;
            assertEquals(raw + a + bDrift * raw, s.timestamps()[k], 1e-9, "stamp " + k);
            assertEquals(k, s.numericSamples()[0][k]);
            assertEquals(-k, s.numericSamples()[1][k]);
        }
        assertEquals(List.of(new Segment(0, n - 1)), s.clockSegments());
        assertEquals(List.of(new Segment(0, n - 1)), s.segments());
        assertEquals(100 / (1 + bDrift), s.effectiveRate(), 1e-6); // the drift stretches the time axis
        assertArrayEquals(new double[] {9, 9.5, 10, 10.5, 11}, s.clockTimes());

        Recording r = f.toRecording(s);
        assertEquals(List.of("C3", "EOG"), r.labels());
        assertEquals(ChannelType.EEG, r.channels().get(0).type());
        assertEquals(ChannelType.EOG, r.channels().get(1).type());
        assertEquals("uV", r.channels().get(0).unit());
        assertEquals(100.0, r.samplingRate());
    }

    /**
     * A clock reset: offsets at times 1000..1050 (value 100), then the host restarts and offsets come at 0..50
     * (value 1200). pyxdf splits the offsets at the decreasing time, fits each part, and assigns the stamps
     * 1010..1045 to the first and 5..45 to the second.
     */
    @Test
    void clockResetSplitsTheFit() throws Exception {
        XdfBytes x = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("m", "Markers", 1, 0, "int32", ""));
        double[] stamps = new double[36 + 41];
        double[][] values = new double[stamps.length][1];
        for (int k = 0; k < stamps.length; k++) {
            stamps[k] = k < 36 ? 1010 + k : 5 + (k - 36);
            values[k][0] = k;
        }
        x.samples(1, "int32", stamps, values);
        for (int j = 0; j <= 10; j++) {
            x.clockOffset(1, 1000 + 5 * j, 100);
        }
        for (int j = 0; j <= 10; j++) {
            x.clockOffset(1, 5 * j, 1200);
        }
        XdfStream s = XdfReader.read(x.write(dir.resolve("reset.xdf"))).streams().get(0);
        assertEquals(List.of(new Segment(0, 35), new Segment(36, 76)), s.clockSegments());
        for (int k = 0; k < stamps.length; k++) {
            assertEquals(stamps[k] + (k < 36 ? 100 : 1200), s.timestamps()[k], 1e-6, "stamp " + k);
        }
        // without reset handling, one fit through all 22 offsets: the stamps no longer shift by 100 / 1200
        XdfStream noReset = XdfReader.read(dir.resolve("reset.xdf"), new XdfReader.Options(true, false, true))
                .streams().get(0);
        assertEquals(List.of(new Segment(0, 76)), noReset.clockSegments());
        assertEquals(false, Math.abs(noReset.timestamps()[0] - (stamps[0] + 100)) < 1);
    }

    /**
     * Jitter removal (pyxdf _jitter_removal): a 1000 Hz stream with a 3 s gap (> max(1 s, 500 samples)) and jitter
     * +e, -e, -e, +e repeating, which has zero sum and zero first moment in every block of four, so the
     * least-squares line of each segment is the jitter-free line exactly; effective rate 1000.
     */
    @Test
    void jitterIsRemovedPerSegment() throws Exception {
        double e = 2e-4;
        double[] sign = {1, -1, -1, 1};
        int n = 800;
        double[] stamps = new double[n];
        double[] clean = new double[n];
        double[][] values = new double[n][1];
        for (int k = 0; k < n; k++) {
            clean[k] = k < 400 ? 50 + k / 1000.0 : 53.4 + (k - 400) / 1000.0;
            stamps[k] = clean[k] + e * sign[k % 4];
        }
        XdfBytes x = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("eeg", "EEG", 1, 1000, "double64", ""))
                .samples(1, "double64", stamps, values);
        Path file = x.write(dir.resolve("jitter.xdf"));
        XdfStream s = XdfReader.read(file).streams().get(0);
        assertEquals(List.of(new Segment(0, 399), new Segment(400, 799)), s.segments());
        assertArrayEquals(clean, s.timestamps(), 1e-9);
        assertEquals(1000.0, s.effectiveRate(), 1e-6);
        // and off: the stamps as written
        assertArrayEquals(stamps, XdfReader.read(file, XdfReader.Options.raw()).streams().get(0).timestamps());
    }

    /**
     * pyxdf _truncate_corrupted_offsets (pylsl#67): 6 samples but the footer says 5, and the last clock offset comes
     * after an interval 36 times the median: both the extra sample and that offset are dropped.
     */
    @Test
    void extraSampleWithCorruptLastOffsetIsTruncated() throws Exception {
        XdfBytes x = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("m", "Markers", 1, 0, "int8", ""))
                .samples(1, "int8", new double[] {1, 2, 3, 4, 5, 6}, new double[][] {{1}, {2}, {3}, {4}, {5}, {6}});
        for (double time : new double[] {0, 5, 10, 15, 20, 200}) {
            x.clockOffset(1, time, 0.5);
        }
        x.footer(1, "<?xml version=\"1.0\"?><info><first_timestamp>1</first_timestamp><last_timestamp>5"
                + "</last_timestamp><sample_count>5</sample_count></info>");
        XdfStream s = XdfReader.read(x.write(dir.resolve("pylsl67.xdf"))).streams().get(0);
        assertEquals(5, s.sampleCount());
        assertEquals(5, s.clockTimes().length);
        assertArrayEquals(new double[] {1.5, 2.5, 3.5, 4.5, 5.5}, s.timestamps(), 1e-9);
        assertEquals(new XdfFooter(1, 5, 5), s.footer());
    }

    /**
     * Markers on a data stream's timeline: numeric irregular markers and string markers become annotations with
     * onset = marker stamp - the data stream's first stamp; a FileHeader datetime gives the start time.
     */
    @Test
    void markersBecomeAnnotations() throws Exception {
        XdfBytes x = new XdfBytes()
                .fileHeader("<?xml version=\"1.0\"?><info><version>1.0</version>"
                        + "<datetime>2024-03-05T10:20:30+0100</datetime></info>")
                .streamHeader(1, XdfBytes.header("eeg", "EEG", 1, 10, "float32", ""))
                .streamHeader(2, XdfBytes.header("cues", "Markers", 1, 0, "string", ""))
                .streamHeader(3, XdfBytes.header("codes", "Markers", 1, 0, "int16", ""))
                .samples(1, "float32", new double[] {20, NO, NO, NO, NO}, new double[][] {{0}, {1}, {2}, {3}, {4}})
                .strings(2, new double[] {20.3}, new String[][] {{"left_hand"}})
                .samples(3, "int16", new double[] {19.5, 20.1}, new double[][] {{769}, {-2}});
        XdfFile f = XdfReader.read(x.write(dir.resolve("markers.xdf")));
        Recording r = f.primaryRecording();
        assertEquals(1, r.channelCount());
        assertEquals(3, r.annotations().size());
        assertEquals("769", r.annotations().get(0).label());
        assertEquals(-0.5, r.annotations().get(0).onset(), 1e-9);
        assertEquals("-2", r.annotations().get(1).label());
        assertEquals(0.1, r.annotations().get(1).onset(), 1e-9);
        assertEquals("left_hand", r.annotations().get(2).label());
        assertEquals(0.3, r.annotations().get(2).onset(), 1e-9);
        // header datetime + (eeg's first stamp 20 - the earliest first stamp of any stream, 19.5)
        assertEquals(LocalDateTime.of(2024, 3, 5, 10, 20, 30, 500_000_000), r.start());
        // the irregular numeric stream is a recording too (mean rate 1/0.6 s), with the other marker streams
        Recording codes = f.toRecordings().get(1);
        assertEquals(1 / 0.6, codes.samplingRate(), 1e-9);
        assertEquals(List.of("left_hand"), codes.annotations().stream().map(a -> a.label()).toList());
        assertEquals(0.8, codes.annotations().get(0).onset(), 1e-9);
    }

    /** Decreasing stamps across chunks of one stream are kept in file order, never sorted. */
    @Test
    void chunksStayInFileOrder() throws Exception {
        XdfBytes x = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("m", "Markers", 1, 0, "string", ""))
                .strings(1, new double[] {30, 31}, new String[][] {{"c"}, {"d"}})
                .strings(1, new double[] {10, 11}, new String[][] {{"a"}, {"b"}});
        XdfStream s = XdfReader.read(x.write(dir.resolve("order.xdf"))).streams().get(0);
        assertArrayEquals(new double[] {30, 31, 10, 11}, s.timestamps());
        assertArrayEquals(new String[] {"c", "d", "a", "b"}, s.stringSamples()[0]);
    }
}
