package org.mistudio.acquisition.io.edf;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Fuzzes the EDF and BDF readers with mutations of real files (trimmed to a few data records so that 10,000 reads
 * take seconds): nasty header field texts, non-ASCII bytes, truncation at every header field boundary and around
 * record boundaries, record counts of -1, bit flips in headers, samples and annotation signals. Each read must give
 * a recording or a FormatException naming the file and a field; flips in sample bytes must read and change at most
 * that one sample.
 */
class EdfFuzzTest {

    static final int MUTATIONS = 12_000;
    /** Fixed header fields: offset, width. */
    private static final int[][] FIXED = {{0, 8}, {8, 80}, {88, 80}, {168, 8}, {176, 8}, {184, 8}, {192, 44},
        {236, 8}, {244, 8}, {252, 4}};
    /** Signal header fields: offset per signal count, width. */
    private static final int[][] SIGNAL = {{0, 16}, {16, 80}, {96, 8}, {104, 8}, {112, 8}, {120, 8}, {128, 8},
        {136, 80}, {216, 8}, {224, 32}};

    /** A valid file in memory with its parsed header and the recording it reads to. */
    record Seed(Path name, byte[] bytes, EdfHeader header, Recording recording) {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void edfMutationsReadOrFailWithFormatException() throws Exception {
        fuzz("EDF", List.of(seed("data/eegmmidb/S001/S001R04.edf", 4), seed("data/edf-samples/xdffileio_ref128.edf", 4),
                seed("data/edf-edge/mne_test_uneven_samp.edf", 3), seed("data/edf-edge/mne_test_utf8_annotations.edf", 3),
                seed("data/edf-edge/nihonkohden_MB0400FU_edfplusD.EDF", 4),
                seed("data/edf-edge/mne_duplicate_channel_labels.edf", 3),
                seed("data/edf-edge/mne_subsecond_starttime.edf", 3),
                seed("data/edf-edge/sleepedf_SC4001EC-Hypnogram_annotations_only.edf", 1),
                seed("data/edf-edge/wfdb_test_edfann_annotations_only_recdur0.edf", 1)), 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void bdfMutationsReadOrFailWithFormatException() throws Exception {
        fuzz("BDF", List.of(seed("data/bdf-samples/xdffileio_ref128.bdf", 4),
                seed("data/bdf-samples/mne_test_bdf_stim_channel.bdf", 3),
                seed("data/edf-edge/mne_multiple_annotation_chans.bdf", 2),
                seed("data/edf-edge/pyedflib_datarec_0_5s.bdf", 4),
                seed("data/edf-edge/edfio_SC4001EC-Hypnogram_annotations_only.bdf", 1)), 2);
    }

    /** The first {@code keep} data records of a shared file, its record count set to match. */
    static Seed seed(String relative, int keep) throws Exception {
        Path path = Shared.root().resolve(relative);
        EdfHeader h;
        try (EdfReader r = EdfReader.open(path)) {
            h = r.header();
        }
        long records = Math.min(keep, h.records());
        byte[] all = Files.readAllBytes(path);
        byte[] b = java.util.Arrays.copyOf(all, (int) (h.headerBytes() + records * h.recordBytes()));
        System.arraycopy(Fuzz.field(Long.toString(records), 8), 0, b, 236, 8);
        Path name = Path.of("fuzz", path.getFileName().toString());
        EdfHeader trimmed;
        try (EdfReader r = EdfReader.open(name, new Fuzz.ByteArrayChannel(b, b.length))) {
            trimmed = r.header();
        }
        return new Seed(name, b, trimmed, EdfReader.read(name, new Fuzz.ByteArrayChannel(b, b.length)));
    }

    private static void fuzz(String format, List<Seed> seeds, long salt) {
        Fuzz fuzz = new Fuzz(format);
        Random rnd = new Random(20240611L * salt);
        long t0 = System.nanoTime();
        // Truncation at every header field boundary and around every record boundary of every seed.
        for (Seed s : seeds) {
            for (int cut : boundaries(s)) {
                if (cut < s.bytes.length) {
                    fuzz.run(s.name, "truncate at " + cut, () -> EdfReader.read(s.name,
                            new Fuzz.ByteArrayChannel(s.bytes, cut)), Fuzz::sane);
                }
            }
        }
        byte[] work = new byte[0];
        while (fuzz.count() < MUTATIONS) {
            Seed s = seeds.get(rnd.nextInt(seeds.size()));
            if (work.length != s.bytes.length) {
                work = new byte[s.bytes.length];
            }
            System.arraycopy(s.bytes, 0, work, 0, work.length);
            int length = work.length;
            EdfHeader h = s.header;
            int ns = h.signals().size();
            int kind = rnd.nextInt(8);
            String what;
            Fuzz.Check<Recording> check = Fuzz::sane;
            switch (kind) {
                case 0, 1 -> {
                    // a header field set to a nasty text (kind 0) or random bytes, non-ASCII included (kind 1)
                    int[] f = pickField(rnd, ns);
                    String text = kind == 0 ? Fuzz.NASTY_TEXT[rnd.nextInt(Fuzz.NASTY_TEXT.length)] : randomText(rnd, f[1]);
                    System.arraycopy(Fuzz.field(text, f[1]), 0, work, f[0], f[1]);
                    what = "field at " + f[0] + " = '" + text + "'";
                }
                case 2 -> {
                    int n = 1 + rnd.nextInt(3);
                    StringBuilder w = new StringBuilder("header bit flips at");
                    for (int k = 0; k < n; k++) {
                        int at = rnd.nextInt(h.headerBytes());
                        work[at] ^= (byte) (1 << rnd.nextInt(8));
                        w.append(' ').append(at);
                    }
                    what = w.toString();
                }
                case 3 -> {
                    // record count -1, the file maybe ending inside a record
                    System.arraycopy(Fuzz.field("-1", 8), 0, work, 236, 8);
                    if (rnd.nextBoolean() && length > h.headerBytes()) {
                        length -= 1 + rnd.nextInt((int) Math.min(h.recordBytes(), length - h.headerBytes()));
                    }
                    what = "records -1, length " + length;
                }
                case 4 -> {
                    // a flip in one sample of a data signal: must read, with only that sample changed
                    List<Integer> data = new EdfReaderAccess(h).dataSignals();
                    if (data.isEmpty() || h.records() == 0 || h.recordDuration() == 0) {
                        continue;
                    }
                    int i = data.get(rnd.nextInt(data.size()));
                    int width = h.variant().bytesPerSample();
                    long at = h.headerBytes() + rnd.nextInt((int) h.records()) * h.recordBytes()
                            + h.signalOffsetInRecord(i) + (long) rnd.nextInt(h.signals().get(i).samplesPerRecord())
                            * width + rnd.nextInt(width);
                    work[(int) at] ^= (byte) (1 << rnd.nextInt(8));
                    what = "sample bit flip at " + at;
                    check = r -> Fuzz.sameButSamples(s.recording, r, 1);
                }
                case 5 -> {
                    // bytes of an annotation signal: any value, TAL separators most often
                    int a = annotationSignal(h, rnd);
                    if (a < 0 || h.records() == 0) {
                        continue;
                    }
                    int width = h.variant().bytesPerSample();
                    long base = h.headerBytes() + rnd.nextInt((int) h.records()) * h.recordBytes()
                            + h.signalOffsetInRecord(a);
                    int n = 1 + rnd.nextInt(3);
                    StringBuilder w = new StringBuilder("annotation bytes at");
                    for (int k = 0; k < n; k++) {
                        long at = base + rnd.nextInt(h.signals().get(a).samplesPerRecord() * width);
                        byte[] choice = {0, 0x14, 0x15, '+', '-', '.', '1', (byte) 0xff, (byte) 0xc3, (byte) rnd.nextInt()};
                        work[(int) at] = choice[rnd.nextInt(choice.length)];
                        w.append(' ').append(at).append('=').append(work[(int) at]);
                    }
                    what = w.toString();
                }
                case 6 -> {
                    length = h.headerBytes() + rnd.nextInt(length - h.headerBytes() + 1);
                    what = "truncate body at " + length;
                }
                default -> {
                    int n = 1 + rnd.nextInt(4);
                    StringBuilder w = new StringBuilder("bit flips at");
                    for (int k = 0; k < n; k++) {
                        int at = rnd.nextInt(length);
                        work[at] ^= (byte) (1 << rnd.nextInt(8));
                        w.append(' ').append(at);
                    }
                    what = w.toString();
                }
            }
            byte[] bytes = work;
            int len = length;
            fuzz.run(s.name, s.name.getFileName() + ": " + what, () -> EdfReader.read(s.name,
                    new Fuzz.ByteArrayChannel(bytes, len)), check);
        }
        fuzz.report(System.nanoTime() - t0);
        assertTrue(fuzz.count() >= 10_000);
    }

    /** Offsets where a header field starts or ends, and a few around each record boundary. */
    private static List<Integer> boundaries(Seed s) {
        List<Integer> out = new ArrayList<>();
        for (int[] f : FIXED) {
            out.add(f[0]);
            out.add(f[0] + f[1] - 1);
        }
        int ns = s.header.signals().size();
        for (int[] f : SIGNAL) {
            for (int i = 0; i < ns; i++) {
                out.add(256 + f[0] * ns + f[1] * i);
            }
        }
        for (long r = 0; r <= s.header.records(); r++) {
            long at = s.header.headerBytes() + r * s.header.recordBytes();
            for (long d = -1; d <= 1; d++) {
                if (at + d > 0 && at + d < s.bytes.length) {
                    out.add((int) (at + d));
                }
            }
        }
        return out;
    }

    private static int[] pickField(Random rnd, int ns) {
        if (ns == 0 || rnd.nextInt(3) == 0) {
            int[] f = FIXED[rnd.nextInt(FIXED.length)];
            return new int[] {f[0], f[1]};
        }
        int[] f = SIGNAL[rnd.nextInt(SIGNAL.length)];
        return new int[] {256 + f[0] * ns + f[1] * rnd.nextInt(ns), f[1]};
    }

    private static String randomText(Random rnd, int width) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(width + 1);
        for (int k = 0; k < n; k++) {
            b.append((char) rnd.nextInt(256));
        }
        return b.toString();
    }

    private static int annotationSignal(EdfHeader h, Random rnd) {
        List<Integer> a = new ArrayList<>();
        for (int i = 0; i < h.signals().size(); i++) {
            if (h.signals().get(i).isAnnotation()) {
                a.add(i);
            }
        }
        return a.isEmpty() ? -1 : a.get(rnd.nextInt(a.size()));
    }

    /** Data signal indices of a header. */
    private record EdfReaderAccess(EdfHeader h) {
        List<Integer> dataSignals() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < h.signals().size(); i++) {
                if (!h.signals().get(i).isAnnotation()) {
                    out.add(i);
                }
            }
            return out;
        }
    }
}
