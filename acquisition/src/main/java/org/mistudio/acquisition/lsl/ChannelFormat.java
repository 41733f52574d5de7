package org.mistudio.acquisition.lsl;

/**
 * LSL channel formats with their XML names and value sizes (liblsl src/stream_info_impl.cpp
 * {@code channel_format_strings}; src/sample.cpp {@code format_sizes}). Java array type per format:
 * float[], double[], String[], int[], short[], byte[], long[].
 */
public enum ChannelFormat {
    FLOAT32("float32", 4, float[].class),
    DOUBLE64("double64", 8, double[].class),
    STRING("string", 0, String[].class),
    INT32("int32", 4, int[].class),
    INT16("int16", 2, short[].class),
    INT8("int8", 1, byte[].class),
    INT64("int64", 8, long[].class);

    private final String xmlName;
    private final int valueSize;
    private final Class<?> arrayType;

    ChannelFormat(String xmlName, int valueSize, Class<?> arrayType) {
        this.xmlName = xmlName;
        this.valueSize = valueSize;
        this.arrayType = arrayType;
    }

    /** The name in stream info XML ({@code <channel_format>}). */
    public String xmlName() {
        return xmlName;
    }

    /** Bytes per value on the wire; 0 for strings (the {@code Value-Size} header liblsl sends). */
    public int valueSize() {
        return valueSize;
    }

    /** The Java array type holding this format's values. */
    public Class<?> arrayType() {
        return arrayType;
    }

    /** A new array of {@code length} values of this format. */
    public Object newArray(int length) {
        return switch (this) {
            case FLOAT32 -> new float[length];
            case DOUBLE64 -> new double[length];
            case STRING -> new String[length];
            case INT32 -> new int[length];
            case INT16 -> new short[length];
            case INT8 -> new byte[length];
            case INT64 -> new long[length];
        };
    }

    /** The format named {@code name} in stream info XML. */
    public static ChannelFormat fromXml(String name) {
        for (ChannelFormat f : values()) {
            if (f.xmlName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown LSL channel format '" + name
                + "' (expected float32, double64, string, int32, int16, int8 or int64)");
    }
}
