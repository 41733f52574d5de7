package org.mistudio.acquisition.lsl;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sample encoding of data protocol 1.10 (liblsl src/sample.cpp {@code save_streambuf}/{@code load_streambuf}):
 * a tag byte, 1 = deduced timestamp (no timestamp follows; the receiver uses the previous one + 1/srate) or
 * 2 = transmitted (an 8-byte double follows); then the channel values, little-endian (we always answer
 * {@code Byte-Order: 1234}). A string value is one byte giving the width of its length (1, 4 or 8), the length
 * in that width, then the bytes (UTF-8 here). Sample data travels as flat, sample-major primitive arrays.
 */
public final class SampleCodec {
    /** Timestamp value meaning "deduce it" (liblsl {@code DEDUCED_TIMESTAMP}). */
    public static final double DEDUCED = -1.0;
    /** Tag byte of a sample whose timestamp is deduced. */
    public static final int TAG_DEDUCED = 1;
    /** Tag byte of a sample whose timestamp follows. */
    public static final int TAG_TRANSMITTED = 2;
    /** Timestamp of the two test-pattern samples (src/sample.cpp {@code assign_test_pattern}). */
    public static final double TEST_PATTERN_TIMESTAMP = 123456.789;

    private SampleCodec() {
    }

    /** Encodes {@code n} samples starting at sample {@code from} of a flat array; timestamps[i] or DEDUCED. */
    public static byte[] encode(ChannelFormat f, int channels, Object flat, int from, int n, double[] timestamps) {
        checkArray(f, flat);
        int fixed = f == ChannelFormat.STRING ? 0 : channels * f.valueSize();
        int size = 0;
        for (int i = 0; i < n; i++) {
            size += 1 + (timestamps[i] == DEDUCED ? 0 : 8) + fixed;
        }
        byte[][] strings = null;
        if (f == ChannelFormat.STRING) {
            String[] s = (String[]) flat;
            strings = new byte[n * channels][];
            for (int i = 0; i < strings.length; i++) {
                String v = s[from * channels + i];
                byte[] b = (v == null ? "" : v).getBytes(StandardCharsets.UTF_8);
                strings[i] = b;
                size += (b.length <= 0xFF ? 2 : 5) + b.length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double ts = timestamps[i];
            if (ts == DEDUCED) {
                out.put((byte) TAG_DEDUCED);
            } else {
                out.put((byte) TAG_TRANSMITTED).putDouble(ts);
            }
            int base = (from + i) * channels;
            switch (f) {
                case FLOAT32 -> out.asFloatBuffer().put((float[]) flat, base, channels);
                case DOUBLE64 -> out.asDoubleBuffer().put((double[]) flat, base, channels);
                case INT32 -> out.asIntBuffer().put((int[]) flat, base, channels);
                case INT16 -> out.asShortBuffer().put((short[]) flat, base, channels);
                case INT64 -> out.asLongBuffer().put((long[]) flat, base, channels);
                case INT8 -> out.put((byte[]) flat, base, channels);
                case STRING -> {
                    for (int k = 0; k < channels; k++) {
                        byte[] b = strings[i * channels + k];
                        if (b.length <= 0xFF) {
                            out.put((byte) 1).put((byte) b.length);
                        } else {
                            out.put((byte) 4).putInt(b.length);
                        }
                        out.put(b);
                    }
                }
            }
            if (f != ChannelFormat.STRING && f != ChannelFormat.INT8) {
                out.position(out.position() + fixed); // the views above do not move the buffer's position
            }
        }
        return out.array();
    }

    static void checkArray(ChannelFormat f, Object flat) {
        if (flat == null || flat.getClass() != f.arrayType()) {
            throw new IllegalArgumentException("a " + f.xmlName() + " stream takes " + f.arrayType().getSimpleName()
                    + " data, got " + (flat == null ? "null" : flat.getClass().getSimpleName()));
        }
    }

    /**
     * The test-pattern sample liblsl sends after the streamfeed handshake (src/sample.cpp {@code test_pattern},
     * {@code assign_test_pattern}): channel k holds ±(k + offset + base), + for even k, − for odd k; integer
     * formats take (k + offset + base) modulo the type's maximum first; int64 is not reduced; string channels
     * hold the decimal text of ±(k + 10), whatever the offset.
     */
    public static Object testPattern(ChannelFormat f, int channels, int offset) {
        Object a = f.newArray(channels);
        for (int k = 0; k < channels; k++) {
            int sign = k % 2 == 0 ? 1 : -1;
            switch (f) {
                case FLOAT32 -> ((float[]) a)[k] = sign * (float) (k + offset);
                case DOUBLE64 -> ((double[]) a)[k] = sign * (double) (k + offset + 16777217L);
                case INT32 -> ((int[]) a)[k] = sign * (int) ((k + offset + 65537L) % Integer.MAX_VALUE);
                case INT16 -> ((short[]) a)[k] = (short) (sign * (int) ((k + offset + 257L) % Short.MAX_VALUE));
                case INT8 -> ((byte[]) a)[k] = (byte) (sign * (int) ((k + offset + 1L) % Byte.MAX_VALUE));
                case INT64 -> ((long[]) a)[k] = sign * (k + offset + 2147483649L);
                case STRING -> ((String[]) a)[k] = Integer.toString(sign * (k + 10));
            }
        }
        return a;
    }

    /** True if two sample arrays hold the same values (floats compared bit by bit). */
    public static boolean sameValues(Object a, Object b) {
        if (a instanceof float[] x && b instanceof float[] y) {
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof double[] x && b instanceof double[] y) {
            return Arrays.equals(x, y);
        }
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    /** Reads samples of one stream from an input stream (buffer it: reads are small). */
    public static final class Reader {
        private final InputStream in;
        private final ChannelFormat format;
        private final int channels;
        private final byte[] fixed;
        private final ByteBuffer fixedBuf;
        private final byte[] eight = new byte[8];

        public Reader(InputStream in, ChannelFormat format, int channels) {
            this.in = in;
            this.format = format;
            this.channels = channels;
            this.fixed = new byte[format == ChannelFormat.STRING ? 0 : channels * format.valueSize()];
            this.fixedBuf = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Reads one sample into a new array; returns the raw timestamp via {@code ts[0]} (DEDUCED if tag 1). */
        public Object read(double[] ts) throws IOException {
            int tag = in.read();
            if (tag < 0) {
                throw new EOFException("LSL stream ended");
            }
            if (tag == TAG_TRANSMITTED) {
                readFully(eight, 8);
                ts[0] = ByteBuffer.wrap(eight).order(ByteOrder.LITTLE_ENDIAN).getDouble();
            } else if (tag == TAG_DEDUCED) {
                ts[0] = DEDUCED;
            } else {
                throw LslProtocolException.expected("sample tag 1 (deduced) or 2 (transmitted)", "tag " + tag);
            }
            Object out = format.newArray(channels);
            if (format == ChannelFormat.STRING) {
                String[] s = (String[]) out;
                for (int k = 0; k < channels; k++) {
                    s[k] = readString();
                }
                return out;
            }
            readFully(fixed, fixed.length);
            fixedBuf.clear();
            switch (format) {
                case FLOAT32 -> fixedBuf.asFloatBuffer().get((float[]) out);
                case DOUBLE64 -> fixedBuf.asDoubleBuffer().get((double[]) out);
                case INT32 -> fixedBuf.asIntBuffer().get((int[]) out);
                case INT16 -> fixedBuf.asShortBuffer().get((short[]) out);
                case INT64 -> fixedBuf.asLongBuffer().get((long[]) out);
                case INT8 -> System.arraycopy(fixed, 0, out, 0, channels);
                default -> throw new IllegalStateException();
            }
            return out;
        }

        private String readString() throws IOException {
            int width = in.read();
            long len;
            switch (width) {
                case 1 -> len = readByte();
                case 4 -> {
                    readFully(eight, 4);
                    len = ByteBuffer.wrap(eight, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                }
                case 8 -> {
                    readFully(eight, 8);
                    len = ByteBuffer.wrap(eight).order(ByteOrder.LITTLE_ENDIAN).getLong();
                }
                case -1 -> throw new EOFException("LSL stream ended inside a string value");
                default -> throw LslProtocolException.expected("string length width 1, 4 or 8", width);
            }
            if (len < 0 || len > (1 << 26)) {
                throw LslProtocolException.expected("a string length below 64 MiB", len);
            }
            byte[] b = new byte[(int) len];
            readFully(b, b.length);
            return new String(b, StandardCharsets.UTF_8);
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("LSL stream ended inside a sample");
            }
            return b;
        }

        private void readFully(byte[] b, int n) throws IOException {
            int off = 0;
            while (off < n) {
                int r = in.read(b, off, n - off);
                if (r < 0) {
                    throw new EOFException("LSL stream ended inside a sample");
                }
                off += r;
            }
        }
    }
}
