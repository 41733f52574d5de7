package org.mistudio.acquisition.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;

/**
 * Fuzzing support shared by the per-format fuzz tests: bytes in memory as a channel, the outcome bookkeeping
 * (a read or a {@link FormatException} naming the file and a field; anything else is a failure), nasty values.
 */
public final class Fuzz {

    /** Header field texts that broke readers somewhere: signs, overflow, non-numbers, non-ASCII. */
    public static final String[] NASTY_TEXT = {"-1", "0", "-0", "+0", "1", "99999999", "-9999999", "2147483647",
        "-2147483648", "1e308", "-1e308", "1e-308", "4.9e-324", "NaN", "Infinity", "-Infinity", "0x10", "1,5",
        "abc", "", " ", "+", "-", ".", "1e", "\u00e9\u00ff\u00a0\u0001", "\u0000\u0000", "12345678901234567890",
        "0.000001", "3.5", "-3.5", "9.9e99"};

    private final String format;
    private final List<String> failures = new ArrayList<>();
    private int reads;
    private int rejected;
    private int checked;

    public Fuzz(String format) {
        this.format = format;
    }

    /** What a mutated file must do when it reads: checks the result, throwing AssertionError when wrong. */
    public interface Check<T> {
        void accept(T result) throws Exception;
    }

    /** A read of a mutated file. */
    public interface Read<T> {
        T read() throws IOException;
    }

    /**
     * Runs one mutation: a read must either pass {@code check} or throw a {@link FormatException} that names
     * {@code file} and a field; any other outcome is recorded as a failure described by {@code what}.
     */
    public <T> void run(Path file, String what, Read<T> read, Check<T> check) {
        checked++;
        T result;
        try {
            result = read.read();
        } catch (FormatException e) {
            rejected++;
            String m = String.valueOf(e.getMessage());
            if (!m.contains(file.toString()) || e.field() == null || e.field().isBlank() || !m.contains(e.field())) {
                failures.add(what + ": FormatException without file or field: " + m);
            }
            return;
        } catch (Throwable e) {
            failures.add(what + ": " + e + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
            return;
        }
        reads++;
        try {
            check.accept(result);
        } catch (Throwable e) {
            failures.add(what + ": read, but wrongly: " + e.getMessage());
        }
    }

    public int count() {
        return checked;
    }

    /** Fails listing (the first 40) failures; prints the counts. */
    public void report(long nanos) {
        System.out.printf("fuzz %s: %d mutations, %d read, %d rejected with FormatException, %d failures, %.1f s%n",
                format, checked, reads, rejected, failures.size(), nanos / 1e9);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + checked + " " + format + " mutations failed:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    /** {@code text} in ISO-8859-1, space-padded or cut to {@code width} bytes (EDF header fields). */
    public static byte[] field(String text, int width) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[width];
        Arrays.fill(out, (byte) ' ');
        System.arraycopy(t, 0, out, 0, Math.min(width, t.length));
        return out;
    }

    /** Same channels, sample counts and annotations, and at most {@code maxDiff} differing sample values. */
    public static void sameButSamples(Recording expected, Recording actual, int maxDiff) {
        if (!expected.channels().equals(actual.channels())) {
            throw new AssertionError("channels " + actual.channels() + " instead of " + expected.channels());
        }
        if (!expected.annotations().equals(actual.annotations())) {
            throw new AssertionError("annotations differ");
        }
        if (!expected.start().equals(actual.start())) {
            throw new AssertionError("start " + actual.start() + " instead of " + expected.start());
        }
        int diff = 0;
        for (int c = 0; c < expected.channelCount(); c++) {
            float[] a = expected.samples()[c];
            float[] b = actual.samples()[c];
            if (a.length != b.length) {
                throw new AssertionError("channel " + c + ": " + b.length + " samples instead of " + a.length);
            }
            for (int i = 0; i < a.length; i++) {
                if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                    diff++;
                }
            }
        }
        if (diff > maxDiff) {
            throw new AssertionError(diff + " samples differ; at most " + maxDiff + " may");
        }
    }

    /** Every value of a recording read without error is a number: no NaN from a header's NaN scaling. */
    public static void sane(Recording r) {
        for (int c = 0; c < r.channelCount(); c++) {
            for (float v : r.samples()[c]) {
                if (Float.isNaN(v)) {
                    throw new AssertionError("channel " + r.channels().get(c).label() + " has NaN samples");
                }
            }
        }
        for (Annotation a : r.annotations()) {
            if (a.label() == null) {
                throw new AssertionError("annotation without label");
            }
        }
    }

    /** Read-only bytes in memory, of which the first {@code length} are the file. */
    public static final class ByteArrayChannel implements SeekableByteChannel {
        private final byte[] data;
        private final int length;
        private long position;
        private boolean open = true;

        public ByteArrayChannel(byte[] data, int length) {
            this.data = data;
            this.length = length;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), length - position);
            dst.put(data, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position " + newPosition);
            }
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
