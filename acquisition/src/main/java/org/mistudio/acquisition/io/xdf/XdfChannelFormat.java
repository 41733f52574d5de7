package org.mistudio.acquisition.io.xdf;

import java.util.Locale;

/**
 * The value formats an XDF stream header may declare in {@code <channel_format>} (XDF specification, section
 * "StreamHeader chunk"; the same names as LSL's channel formats). Numeric values are little-endian.
 */
public enum XdfChannelFormat {
    FLOAT32("float32", 4),
    DOUBLE64("double64", 8),
    STRING("string", -1),
    INT8("int8", 1),
    INT16("int16", 2),
    INT32("int32", 4),
    INT64("int64", 8);

    private final String xmlName;
    private final int bytes;

    XdfChannelFormat(String xmlName, int bytes) {
        this.xmlName = xmlName;
        this.bytes = bytes;
    }

    /** The name as written in the stream header, e.g. {@code int16}. */
    public String xmlName() {
        return xmlName;
    }

    /** Bytes per value; -1 for {@link #STRING}, whose values carry their own length. */
    public int bytesPerValue() {
        return bytes;
    }

    public boolean isNumeric() {
        return this != STRING;
    }

    /** The format named {@code name} (case-insensitive, trimmed), or null when the name is not an XDF format. */
    public static XdfChannelFormat fromXml(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (XdfChannelFormat f : values()) {
            if (f.xmlName.equals(n)) {
                return f;
            }
        }
        return null;
    }
}
