package org.mistudio.acquisition.io.gdf;

import java.nio.ByteBuffer;

/**
 * The sample data types of GDF ("GDFTYP", GDF specification, Schlögl 2006/2011, table "data types"), stored little
 * endian.
 */
public enum GdfType {
    INT8(1, 1), UINT8(2, 1), INT16(3, 2), UINT16(4, 2), INT32(5, 4), UINT32(6, 4), INT64(7, 8), UINT64(8, 8),
    FLOAT32(16, 4), FLOAT64(17, 8);

    private final int code;
    private final int bytes;

    GdfType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    public int code() {
        return code;
    }

    public int bytes() {
        return bytes;
    }

    /** The type of a GDFTYP code, or null when this reader does not know it. */
    public static GdfType of(long code) {
        for (GdfType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** Reads one value at the buffer's position (little-endian buffer) as a double. */
    double read(ByteBuffer b) {
        switch (this) {
            case INT8:
                return b.get();
            case UINT8:
                return b.get() & 0xff;
            case INT16:
                return b.getShort();
            case UINT16:
                return b.getShort() & 0xffff;
            case INT32:
                return b.getInt();
            case UINT32:
                return b.getInt() & 0xffffffffL;
            case INT64:
                return b.getLong();
            case UINT64: {
                long v = b.getLong();
                return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
            }
            case FLOAT32:
                return b.getFloat();
            default:
                return b.getDouble();
        }
    }
}
