package org.mistudio.acquisition.io.xdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes XDF bytes by hand, straight from the specification (https://github.com/sccn/xdf/wiki/Specifications):
 * "XDF:", then chunks [NumLengthBytes 1|4|8][Length][Tag uint16][Content], little-endian. Independent of the
 * reader under test: it shares no code with it.
 */
final class XdfBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** Length-field width for the next chunks: 0 = smallest that fits (1 or 4), else 1, 4 or 8. */
    private int forcedWidth;

    XdfBytes() {
        out.writeBytes("XDF:".getBytes(StandardCharsets.US_ASCII));
    }

    XdfBytes width(int w) {
        forcedWidth = w;
        return this;
    }

    int size() {
        return out.size();
    }

    static byte[] le(int bytes, long value) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        byte[] r = new byte[bytes];
        System.arraycopy(b.array(), 0, r, 0, bytes);
        return r;
    }

    static byte[] f64(double v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array();
    }

    /** A variable-length integer: [NumBytes][value], smallest of 1, 4, 8 unless {@code width} > 0. */
    static void varLen(ByteArrayOutputStream o, long v, int width) {
        int w = width > 0 ? width : (v < 256 ? 1 : v <= 0xffffffffL ? 4 : 8);
        o.write(w);
        o.writeBytes(le(w, v));
    }

    XdfBytes chunk(int tag, byte[] content) {
        long length = 2L + content.length;
        int w = forcedWidth > 0 ? forcedWidth : (length < 256 ? 1 : 4);
        out.write(w);
        out.writeBytes(le(w, length));
        out.writeBytes(le(2, tag));
        out.writeBytes(content);
        return this;
    }

    private static byte[] withId(long id, byte[] rest) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(le(4, id));
        o.writeBytes(rest);
        return o.toByteArray();
    }

    XdfBytes fileHeader(String xml) {
        return chunk(1, xml.getBytes(StandardCharsets.UTF_8));
    }

    XdfBytes fileHeader() {
        return fileHeader("<?xml version=\"1.0\"?><info><version>1.0</version></info>");
    }

    XdfBytes streamHeader(long id, String xml) {
        return chunk(2, withId(id, xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String header(String name, String type, int channels, double rate, String format, String desc) {
        return "<?xml version=\"1.0\"?><info><name>" + name + "</name><type>" + type + "</type><channel_count>"
                + channels + "</channel_count><nominal_srate>" + rate + "</nominal_srate><channel_format>" + format
                + "</channel_format><source_id>src-" + name + "</source_id><created_at>123.5</created_at><desc>"
                + desc + "</desc></info>";
    }

    /**
     * A Samples chunk of numeric values. {@code stamps[k]} NaN = time stamp omitted (TimeStampBytes 0).
     * {@code values[k][c]} is written in {@code format}.
     */
    XdfBytes samples(long id, String format, double[] stamps, double[][] values) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        varLen(o, stamps.length, 0);
        for (int k = 0; k < stamps.length; k++) {
            stamp(o, stamps[k]);
            for (double v : values[k]) {
                switch (format) {
                    case "int8":
                        o.writeBytes(le(1, (long) v));
                        break;
                    case "int16":
                        o.writeBytes(le(2, (long) v));
                        break;
                    case "int32":
                        o.writeBytes(le(4, (long) v));
                        break;
                    case "int64":
                        o.writeBytes(le(8, (long) v));
                        break;
                    case "float32":
                        o.writeBytes(le(4, Float.floatToIntBits((float) v)));
                        break;
                    case "double64":
                        o.writeBytes(f64(v));
                        break;
                    default:
                        throw new IllegalArgumentException(format);
                }
            }
        }
        return chunk(3, withId(id, o.toByteArray()));
    }

    /** int64 values given exactly (not through double). */
    XdfBytes samplesInt64(long id, double[] stamps, long[][] values) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        varLen(o, stamps.length, 0);
        for (int k = 0; k < stamps.length; k++) {
            stamp(o, stamps[k]);
            for (long v : values[k]) {
                o.writeBytes(le(8, v));
            }
        }
        return chunk(3, withId(id, o.toByteArray()));
    }

    /** A Samples chunk of strings; each value [NumLengthBytes][Length][UTF-8 bytes]. */
    XdfBytes strings(long id, double[] stamps, String[][] values) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        varLen(o, stamps.length, 0);
        for (int k = 0; k < stamps.length; k++) {
            stamp(o, stamps[k]);
            for (String v : values[k]) {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                varLen(o, b.length, 0);
                o.writeBytes(b);
            }
        }
        return chunk(3, withId(id, o.toByteArray()));
    }

    private static void stamp(ByteArrayOutputStream o, double t) {
        if (Double.isNaN(t)) {
            o.write(0);
        } else {
            o.write(8);
            o.writeBytes(f64(t));
        }
    }

    XdfBytes clockOffset(long id, double time, double value) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(f64(time));
        o.writeBytes(f64(value));
        return chunk(4, withId(id, o.toByteArray()));
    }

    XdfBytes boundary() {
        return chunk(5, new byte[] {(byte) 0x43, (byte) 0xA5, (byte) 0x46, (byte) 0xDC, (byte) 0xCB, (byte) 0xF5,
                (byte) 0x41, (byte) 0x0F, (byte) 0xB3, (byte) 0x0E, (byte) 0xD5, (byte) 0x46, (byte) 0x73,
                (byte) 0x83, (byte) 0xCB, (byte) 0xE4});
    }

    XdfBytes footer(long id, String xml) {
        return chunk(6, withId(id, xml.getBytes(StandardCharsets.UTF_8)));
    }

    XdfBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }
}
