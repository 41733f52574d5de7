package org.mistudio.acquisition.io.gdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mistudio.acquisition.Shared;
import org.mistudio.acquisition.io.Fuzz;
import org.mistudio.acquisition.model.Recording;

/**
 * Fuzzes the GDF reader (1.x and 2.x files, trimmed to a few data records, event tables kept): binary header fields
 * set to absurd values (negative and huge counts, NaN and infinite scalings, unknown types), non-ASCII text fields,
 * truncation at every field boundary, records -1, event-table modes, counts and rates, bit flips everywhere. A flip
 * in a sample must read and change at most that sample.
 */
class GdfFuzzTest {

    static final int MUTATIONS = 12_000;

    record Seed(Path name, byte[] bytes, GdfHeader header, Recording recording) {
    }

    /** Integer values that overflow, go negative or mean "unknown". */
    private static final long[] NASTY_LONG = {0, 1, -1, 2, 255, 256, 65535, 65536, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40, 3, 16, 17, 18};
    private static final double[] NASTY_DOUBLE = {0, -0.0, 1, -1, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-300, 1e300};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void gdfMutationsReadOrFailWithFormatException() throws Exception {
        List<Seed> seeds = List.of(seed("openvibe_neurofeedback.gdf", 4), seed("openvibe_spaceship-freetime.gdf", 4),
                seed("xdffileio_ref128_gdf1.gdf", 3), seed("xdffileio_ref128_gdf2.gdf", 3),
                seed("openvibe_test_gdf125.gdf", 3), seed("openvibe_test_gdf211.gdf", 3),
                seed("openvibe_test_gdf221.gdf", 3), seed("openvibe_test_gdf222.gdf", 3), seed("mne_test_1ch.gdf", 3));
        Fuzz fuzz = new Fuzz("GDF");
        Random rnd = new Random(97_531L);
        long t0 = System.nanoTime();
        for (Seed s : seeds) {
            for (int cut : boundaries(s)) {
                if (cut < s.bytes.length) {
                    fuzz.run(s.name, "truncate at " + cut, () -> GdfReader.read(s.name,
                            new Fuzz.ByteArrayChannel(s.bytes, cut)), Fuzz::sane);
                }
            }
        }
        while (fuzz.count() < MUTATIONS) {
            Seed s = seeds.get(rnd.nextInt(seeds.size()));
            byte[] work = s.bytes.clone();
            ByteBuffer b = ByteBuffer.wrap(work).order(ByteOrder.LITTLE_ENDIAN);
            int length = work.length;
            GdfHeader h = s.header;
            int n = h.signals().size();
            boolean v2 = h.isVersion2();
            long events = h.eventTableOffset();
            String what;
            Fuzz.Check<Recording> check = Fuzz::sane;
            switch (rnd.nextInt(9)) {
                case 0 -> {
                    // a fixed-header number
                    int[][] fields = v2 ? new int[][] {{168, 8}, {184, 2}, {236, 8}, {244, 4}, {248, 4}, {244, 8}, {252, 2}}
                            : new int[][] {{184, 8}, {236, 8}, {244, 4}, {248, 4}, {252, 4}};
                    int[] f = fields[rnd.nextInt(fields.length)];
                    what = "header field at " + f[0] + " = " + put(rnd, b, f[0], f[1]);
                }
                case 1 -> {
                    // a per-channel number: scaling, samples per record, type
                    int[][] fields = {{104, 8}, {112, 8}, {120, 8}, {128, 8}, {216, 4}, {220, 4}};
                    int[] f = fields[rnd.nextInt(fields.length)];
                    int at = 256 + f[0] * n + f[1] * rnd.nextInt(n);
                    boolean real = f[0] <= 112 || (v2 && f[0] <= 128);
                    what = "channel field at " + at + " = " + (real ? putDouble(rnd, b, at) : put(rnd, b, at, f[1]));
                }
                case 2 -> {
                    // text fields: version, patient, labels, units, random bytes non-ASCII included
                    int[][] fields = {{0, 8}, {8, 80}, {88, 80}, {256, 16 * n}, {256 + 96 * n, 8 * n}, {168, 16}};
                    int[] f = fields[rnd.nextInt(fields.length)];
                    int at = f[0] + rnd.nextInt(f[1]);
                    int k = 1 + rnd.nextInt(8);
                    for (int i = 0; i < k && at + i < length; i++) {
                        work[at + i] = (byte) rnd.nextInt(256);
                    }
                    what = k + " random bytes at " + at;
                }
                case 3 -> {
                    b.putLong(236, -1);
                    if (rnd.nextBoolean()) {
                        length = (int) (h.headerBytes() + rnd.nextInt((int) (length - h.headerBytes() + 1)));
                    }
                    what = "records -1, length " + length;
                }
                case 4 -> {
                    // one sample's bytes: reads, only that sample changes (NaN and infinite floats included)
                    int c = rnd.nextInt(n);
                    GdfSignal sig = h.signals().get(c);
                    long at = h.headerBytes() + rnd.nextInt((int) h.records()) * h.recordBytes()
                            + h.signalOffsetInRecord(c) + (long) rnd.nextInt(sig.samplesPerRecord()) * sig.type().bytes()
                            + rnd.nextInt(sig.type().bytes());
                    work[(int) at] ^= (byte) (1 << rnd.nextInt(8));
                    what = "sample bit flip at " + at;
                    check = r -> Fuzz.sameButSamples(s.recording, r, 1);
                }
                case 5 -> {
                    // the event table's header: mode, count, rate
                    if (events + 8 > length) {
                        continue;
                    }
                    int at = (int) events + rnd.nextInt(8);
                    work[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : new int[] {0, 1, 3, 0xff}[rnd.nextInt(4)]);
                    if (rnd.nextBoolean()) {
                        b.putFloat((int) events + 4, (float) NASTY_DOUBLE[rnd.nextInt(NASTY_DOUBLE.length)]);
                    }
                    what = "event table header byte at " + at;
                }
                case 6 -> {
                    length = (int) h.headerBytes() + rnd.nextInt((int) (length - h.headerBytes() + 1));
                    what = "truncate at " + length;
                }
                case 7 -> {
                    int k = 1 + rnd.nextInt(3);
                    StringBuilder w = new StringBuilder("header bit flips at");
                    for (int i = 0; i < k; i++) {
                        int at = rnd.nextInt((int) h.headerBytes());
                        work[at] ^= (byte) (1 << rnd.nextInt(8));
                        w.append(' ').append(at);
                    }
                    what = w.toString();
                }
                default -> {
                    int k = 1 + rnd.nextInt(4);
                    StringBuilder w = new StringBuilder("bit flips at");
                    for (int i = 0; i < k; i++) {
                        int at = rnd.nextInt(length);
                        work[at] ^= (byte) (1 << rnd.nextInt(8));
                        w.append(' ').append(at);
                    }
                    what = w.toString();
                }
            }
            int len = length;
            fuzz.run(s.name, s.name.getFileName() + ": " + what, () -> GdfReader.read(s.name,
                    new Fuzz.ByteArrayChannel(work, len)), check);
        }
        fuzz.report(System.nanoTime() - t0);
        assertTrue(fuzz.count() >= 10_000);
    }

    private static String put(Random rnd, ByteBuffer b, int at, int width) {
        long v = NASTY_LONG[rnd.nextInt(NASTY_LONG.length)];
        if (rnd.nextInt(4) == 0) {
            v = rnd.nextLong();
        }
        switch (width) {
            case 2 -> b.putShort(at, (short) v);
            case 4 -> b.putInt(at, (int) v);
            default -> b.putLong(at, v);
        }
        return Long.toString(v);
    }

    private static String putDouble(Random rnd, ByteBuffer b, int at) {
        double v = NASTY_DOUBLE[rnd.nextInt(NASTY_DOUBLE.length)];
        b.putDouble(at, v);
        return Double.toString(v);
    }

    /** The first {@code keep} records of a shared file and its event table (positions beyond them kept). */
    static Seed seed(String name, int keep) throws Exception {
        Path path = Shared.root().resolve("data/gdf-samples").resolve(name);
        GdfHeader h;
        try (GdfReader r = GdfReader.open(path)) {
            h = r.header();
        }
        byte[] all = Files.readAllBytes(path);
        long records = Math.min(keep, h.records());
        int data = (int) (h.headerBytes() + records * h.recordBytes());
        int tail = (int) (all.length - h.eventTableOffset());
        byte[] b = new byte[data + tail];
        System.arraycopy(all, 0, b, 0, data);
        System.arraycopy(all, (int) h.eventTableOffset(), b, data, tail);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(236, records);
        Path fake = Path.of("fuzz", name);
        GdfHeader trimmed;
        try (GdfReader r = GdfReader.open(fake, new Fuzz.ByteArrayChannel(b, b.length))) {
            trimmed = r.header();
        }
        return new Seed(fake, b, trimmed, GdfReader.read(fake, new Fuzz.ByteArrayChannel(b, b.length)));
    }

    private static List<Integer> boundaries(Seed s) {
        List<Integer> out = new ArrayList<>(List.of(0, 4, 8, 88, 168, 176, 184, 186, 192, 236, 244, 248, 252, 254, 255));
        int n = s.header.signals().size();
        for (int f : new int[] {16, 96, 104, 112, 120, 128, 136, 216, 220, 224}) {
            for (int i = 0; i <= n; i++) {
                out.add(256 + f * n + i);
            }
        }
        for (long r = 0; r <= s.header.records(); r++) {
            long at = s.header.headerBytes() + r * s.header.recordBytes();
            out.add((int) at - 1);
            out.add((int) at + 1);
        }
        long e = s.header.eventTableOffset();
        for (int d = 1; d < 16; d++) {
            out.add((int) e + d);
        }
        return out;
    }
}
