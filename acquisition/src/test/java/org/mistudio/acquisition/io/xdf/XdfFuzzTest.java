package org.mistudio.acquisition.io.xdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
 * Fuzzes the XDF reader with mutations of the shared example files and a synthetic file of every channel format:
 * chunk length widths and values (0, 1, off by one, past the end, 2^63-1, 2^64-1), tags, StreamIDs, XML fields set to
 * absurd values (channel counts of -1 and 2^31-1, NaN rates, unknown formats, non-ASCII), NumSamples and time-stamp
 * bytes, chunks dropped, duplicated or swapped, truncation at and inside every chunk, bit flips. Each read must give
 * a file (and its recordings) or a FormatException naming the file and a field.
 */
class XdfFuzzTest {

    static final int MUTATIONS = 12_000;

    /** One chunk: its length-field width, tag and content. */
    record Chunk(int width, int tag, byte[] content) {
    }

    record Seed(Path name, byte[] bytes, List<Chunk> chunks) {
    }

    private static final String[] XML_FIELDS = {"channel_count", "nominal_srate", "channel_format", "version",
        "sample_count", "first_timestamp", "last_timestamp", "name", "type", "label", "unit", "datetime",
        "can_drop_samples", "created_at"};
    private static final String[] XML_VALUES = {"-1", "0", "1", "2147483647", "99999999999", "NaN", "Infinity",
        "-Infinity", "1e308", "-1e308", "abc", "", "string", "float32", "int64", "double64", "int8", "2.0",
        "\u00e9\u00ff\u2603", "1.0e", "  7  ", "true", "0x10"};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void xdfMutationsReadOrFailWithFormatException() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        for (String name : new String[] {"minimal.xdf", "twochannel_string_marker.xdf", "empty_streams.xdf"}) {
            seeds.add(seed(Path.of("fuzz", name), Files.readAllBytes(Shared.root().resolve("data/xdf").resolve(name))));
        }
        seeds.add(seed(Path.of("fuzz", "formats.xdf"), synthetic()));
        Fuzz fuzz = new Fuzz("XDF");
        Random rnd = new Random(424_242L);
        long t0 = System.nanoTime();
        for (Seed s : seeds) {
            // truncation at, and one byte around, every chunk boundary and field of the chunk framing
            int at = 4;
            List<Integer> cuts = new ArrayList<>(List.of(0, 1, 3, 4, 5));
            for (Chunk c : s.chunks) {
                int start = at;
                at += 1 + c.width + 2 + c.content.length;
                for (int d : new int[] {1, 1 + c.width, 2 + c.width, 3 + c.width, 7 + c.width}) {
                    cuts.add(start + d);
                }
                cuts.add(at - 1);
                cuts.add(at);
            }
            for (int cut : cuts) {
                if (cut < s.bytes.length) {
                    fuzz.run(s.name, "truncate at " + cut, () -> read(s.name, s.bytes, cut), f -> { });
                }
            }
        }
        while (fuzz.count() < MUTATIONS) {
            Seed s = seeds.get(rnd.nextInt(seeds.size()));
            List<Chunk> chunks = new ArrayList<>(s.chunks);
            int i = rnd.nextInt(chunks.size());
            Chunk c = chunks.get(i);
            byte[] bytes;
            String what;
            switch (rnd.nextInt(9)) {
                case 0 -> {
                    // a chunk's length field: nasty values in its width or another
                    int width = rnd.nextBoolean() ? c.width : new int[] {0, 1, 2, 4, 8, 255}[rnd.nextInt(6)];
                    long[] values = {0, 1, 2, 3, c.content.length + 1, c.content.length + 3, c.content.length + 2L << 8,
                        0xffffffffL, Long.MAX_VALUE, -1, 1L << 31, rnd.nextLong()};
                    long v = values[rnd.nextInt(values.length)];
                    bytes = serialize(chunks, i, width, v);
                    what = "chunk " + i + " length " + Long.toUnsignedString(v) + " in " + width + " bytes";
                }
                case 1 -> {
                    int tag = new int[] {0, 1, 2, 3, 4, 5, 6, 7, 65535}[rnd.nextInt(9)];
                    chunks.set(i, new Chunk(c.width, tag, c.content));
                    bytes = serialize(chunks, -1, 0, 0);
                    what = "chunk " + i + " tag " + tag;
                }
                case 2 -> {
                    // StreamID of a stream chunk
                    byte[] content = c.content.clone();
                    if (content.length >= 4) {
                        ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).putInt(0,
                                new int[] {0, 1, 2, 3, -1, rnd.nextInt()}[rnd.nextInt(6)]);
                    }
                    chunks.set(i, new Chunk(c.width, c.tag, content));
                    bytes = serialize(chunks, -1, 0, 0);
                    what = "chunk " + i + " stream id";
                }
                case 3 -> {
                    // an XML element's text
                    String field = XML_FIELDS[rnd.nextInt(XML_FIELDS.length)];
                    String value = XML_VALUES[rnd.nextInt(XML_VALUES.length)];
                    int x = xmlChunk(chunks, rnd);
                    if (x < 0) {
                        continue;
                    }
                    Chunk xc = chunks.get(x);
                    int skip = xc.tag == 1 ? 0 : 4;
                    String xml = new String(xc.content, skip, xc.content.length - skip, StandardCharsets.UTF_8);
                    String edited = xml.replaceFirst("<" + field + ">[^<]*</" + field + ">",
                            "<" + field + ">" + value + "</" + field + ">");
                    if (edited.equals(xml)) {
                        edited = xml.replaceFirst("</info>", "<" + field + ">" + value + "</" + field + "></info>");
                    }
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    o.write(xc.content, 0, skip);
                    o.writeBytes(edited.getBytes(StandardCharsets.UTF_8));
                    chunks.set(x, new Chunk(Math.max(4, xc.width), xc.tag, o.toByteArray()));
                    bytes = serialize(chunks, -1, 0, 0);
                    what = "chunk " + x + " <" + field + "> = '" + value + "'";
                }
                case 4 -> {
                    // inside a Samples chunk: NumSamples, time-stamp flags, values
                    int x = tagged(chunks, 3, rnd);
                    if (x < 0) {
                        continue;
                    }
                    byte[] content = chunks.get(x).content.clone();
                    int k = 4 + rnd.nextInt(Math.max(1, Math.min(content.length - 4, 24)));
                    if (rnd.nextBoolean()) {
                        k = 4 + rnd.nextInt(Math.max(1, content.length - 4));
                    }
                    if (k < content.length) {
                        content[k] = (byte) new int[] {0, 1, 4, 8, 9, 0x7f, 0xff, rnd.nextInt(256)}[rnd.nextInt(8)];
                    }
                    chunks.set(x, new Chunk(chunks.get(x).width, 3, content));
                    bytes = serialize(chunks, -1, 0, 0);
                    what = "samples chunk " + x + " byte " + k;
                }
                case 5 -> {
                    // chunk order: drop, duplicate, swap
                    int op = rnd.nextInt(3);
                    int j = rnd.nextInt(chunks.size());
                    if (op == 0 && chunks.size() > 1) {
                        chunks.remove(i);
                    } else if (op == 1) {
                        chunks.add(j, c);
                    } else {
                        chunks.set(i, chunks.get(j));
                        chunks.set(j, c);
                    }
                    bytes = serialize(chunks, -1, 0, 0);
                    what = "chunk order op " + op + " on " + i + ", " + j;
                }
                case 6 -> {
                    bytes = s.bytes.clone();
                    int cut = rnd.nextInt(bytes.length);
                    bytes = java.util.Arrays.copyOf(bytes, cut);
                    what = "truncate at " + cut;
                }
                default -> {
                    bytes = s.bytes.clone();
                    int n = 1 + rnd.nextInt(4);
                    StringBuilder w = new StringBuilder("bit flips at");
                    for (int k = 0; k < n; k++) {
                        int at = rnd.nextInt(bytes.length);
                        bytes[at] ^= (byte) (1 << rnd.nextInt(8));
                        w.append(' ').append(at);
                    }
                    what = w.toString();
                }
            }
            byte[] b = bytes;
            fuzz.run(s.name, s.name.getFileName() + ": " + what, () -> read(s.name, b, b.length), f -> { });
        }
        fuzz.report(System.nanoTime() - t0);
        assertTrue(fuzz.count() >= 10_000);
    }

    /** Reads the file, and its recordings as {@code RecordingFiles.read} and {@code info} would. */
    private static XdfFile read(Path name, byte[] bytes, int length) throws java.io.IOException {
        XdfFile f = XdfReader.read(name, ByteBuffer.wrap(bytes, 0, length).slice(), XdfReader.Options.defaults());
        List<Recording> all = f.toRecordings();
        if (!all.isEmpty()) {
            f.primaryRecording();
        }
        return f;
    }

    private static int xmlChunk(List<Chunk> chunks, Random rnd) {
        List<Integer> x = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            int t = chunks.get(i).tag;
            if ((t == 1 || t == 2 || t == 6) && chunks.get(i).content.length > 4) {
                x.add(i);
            }
        }
        return x.isEmpty() ? -1 : x.get(rnd.nextInt(x.size()));
    }

    private static int tagged(List<Chunk> chunks, int tag, Random rnd) {
        List<Integer> x = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).tag == tag && chunks.get(i).content.length > 5) {
                x.add(i);
            }
        }
        return x.isEmpty() ? -1 : x.get(rnd.nextInt(x.size()));
    }

    /** Writes "XDF:" and the chunks; chunk {@code lied} gets length field {@code value} in {@code width} bytes. */
    private static byte[] serialize(List<Chunk> chunks, int lied, int width, long value) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("XDF:".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            int w = i == lied ? width : c.width;
            long length = i == lied ? value : 2L + c.content.length;
            o.write(w);
            o.writeBytes(java.util.Arrays.copyOf(XdfBytes.le(8, length), Math.min(8, w)));
            o.writeBytes(XdfBytes.le(2, c.tag));
            o.writeBytes(c.content);
        }
        return o.toByteArray();
    }

    private static Seed seed(Path name, byte[] bytes) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Chunk> chunks = new ArrayList<>();
        int p = 4;
        while (p < bytes.length) {
            int w = bytes[p] & 0xff;
            long len = w == 1 ? bytes[p + 1] & 0xff : w == 4 ? b.getInt(p + 1) & 0xffffffffL : b.getLong(p + 1);
            int tag = b.getShort(p + 1 + w) & 0xffff;
            byte[] content = java.util.Arrays.copyOfRange(bytes, p + 3 + w, (int) (p + 1 + w + len));
            chunks.add(new Chunk(w, tag, content));
            p = (int) (p + 1 + w + len);
        }
        read(name, bytes, bytes.length); // a valid seed
        return new Seed(name, bytes, chunks);
    }

    /** Streams of every channel format, 1-, 4- and 8-byte length fields, omitted time stamps, clock offsets. */
    private static byte[] synthetic() {
        XdfBytes b = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("eeg", "EEG", 2, 100, "float32",
                        "<channels><channel><label>C3</label><unit>microvolts</unit></channel></channels>"))
                .streamHeader(2, XdfBytes.header("i16", "Misc", 2, 50, "int16", ""))
                .streamHeader(3, XdfBytes.header("i64", "Misc", 1, 0, "int64", ""))
                .streamHeader(4, XdfBytes.header("mk", "Markers", 1, 0, "string", ""))
                .boundary();
        double[] t = {10, Double.NaN, Double.NaN, 10.03};
        b.samples(1, "float32", t, new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        b.width(4).samples(2, "int16", new double[] {10, 10.02}, new double[][] {{-32768, 32767}, {-2, 1}});
        b.width(8).samplesInt64(3, new double[] {10.5}, new long[][] {{1L << 40}});
        b.width(0).strings(4, new double[] {10.01, 10.02}, new String[][] {{"left_hand"}, {"Größe"}});
        b.clockOffset(1, 11, -0.5).clockOffset(1, 16, -0.5).clockOffset(2, 11, 0.25);
        b.footer(1, "<?xml version=\"1.0\"?><info><first_timestamp>10</first_timestamp><last_timestamp>10.03"
                + "</last_timestamp><sample_count>4</sample_count></info>");
        return b.bytes();
    }
}
