package org.mistudio.acquisition.io.xdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.mistudio.acquisition.io.FormatException;
import org.mistudio.acquisition.io.xdf.XdfStream.Segment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads XDF files (Extensible Data Format, the format of LabRecorder and LSL; specification:
 * https://github.com/sccn/xdf/wiki/Specifications, "XDF 1.0").
 *
 * <p>File layout (spec, "File structure" and "Chunk structure"): the magic {@code XDF:}, then chunks, each
 * {@code [NumLengthBytes: 1 byte, 1, 4 or 8] [Length: unsigned, little-endian, that many bytes] [Tag: uint16]
 * [Content: Length - 2 bytes]}. Tags: 1 FileHeader (XML), 2 StreamHeader (StreamID uint32 + XML), 3 Samples
 * (StreamID + [NumSampleBytes][NumSamples] + samples), 4 ClockOffset (StreamID + CollectionTime double +
 * OffsetValue double), 5 Boundary (a fixed 16-byte UUID), 6 StreamFooter (StreamID + XML). A sample is
 * {@code [TimeStampBytes: 0 or 8] [TimeStamp: double, if 8] [values]}; a missing time stamp is the previous one
 * plus 1/nominal_srate (spec, "Samples chunk"; pyxdf {@code _read_chunk3} starts from 0.0). String values are
 * {@code [NumLengthBytes][Length][bytes]} (UTF-8; invalid bytes replaced, as pyxdf does).
 *
 * <p>Reading is strict and happens in two passes. The first walks the chunk framing over the whole file, so a
 * corrupt or truncated file fails at the first byte whose framing is wrong (e.g. "invalid length-width byte 0x30
 * at offset 71"), before any content is interpreted. The second decodes every chunk and checks it against the
 * specification: the first chunk must be the FileHeader with version 1.x; chunk contents must be exactly as long as
 * their declared length (no trailing or missing bytes); Boundary chunks must hold the boundary UUID; time-stamp
 * flags must be 0 or 8; time stamps and clock offsets must be finite. Unknown tags are skipped, as pyxdf does
 * (the specification reserves them for future chunk types). Errors are {@link FormatException}s naming the file,
 * the byte offset and what was expected. Unlike pyxdf, which logs and scans forward to the next Boundary chunk,
 * we never skip damaged data silently.
 *
 * <p>Chunk order: a Samples, ClockOffset or StreamFooter chunk for a stream whose StreamHeader has not appeared
 * yet, a second StreamHeader or StreamFooter for one stream, and a Samples chunk after the stream's footer are
 * rejected. Samples chunks are concatenated in file order and time stamps are never reordered: a decrease is
 * legitimate after a clock reset (see {@code clock_resets.xdf}), and pyxdf keeps file order too.
 *
 * <p>After reading, time stamps are post-processed as pyxdf's {@code load_xdf} defaults do
 * ({@link Options#defaults()}; see {@link XdfTiming}).
 */
public final class XdfReader {

    /** The Boundary chunk's content (spec, "Boundary chunk"). */
    static final byte[] BOUNDARY_UUID = {(byte) 0x43, (byte) 0xA5, (byte) 0x46, (byte) 0xDC, (byte) 0xCB,
            (byte) 0xF5, (byte) 0x41, (byte) 0x0F, (byte) 0xB3, (byte) 0x0E, (byte) 0xD5, (byte) 0x46, (byte) 0x73,
            (byte) 0x83, (byte) 0xCB, (byte) 0xE4};

    static final int TAG_FILE_HEADER = 1;
    static final int TAG_STREAM_HEADER = 2;
    static final int TAG_SAMPLES = 3;
    static final int TAG_CLOCK_OFFSET = 4;
    static final int TAG_BOUNDARY = 5;
    static final int TAG_STREAM_FOOTER = 6;

    /**
     * Channel counts above this are rejected: no amplifier has a million channels, and a corrupt count must not
     * allocate gigabytes.
     */
    static final int MAX_CHANNELS = 1 << 20;

    /** One XML parser per thread: creating a factory per chunk (a service look-up) dominated reading small files. */
    private static final ThreadLocal<DocumentBuilder> XML = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser in this JVM", e);
        }
    });

    /**
     * Time-stamp post-processing, as pyxdf's {@code load_xdf} keyword arguments of the same names (thresholds are
     * pyxdf's defaults, see {@link XdfTiming}).
     *
     * @param synchronizeClocks  apply the ClockOffset chunks (pyxdf {@code synchronize_clocks})
     * @param handleClockResets  split the offset fit at clock resets (pyxdf {@code handle_clock_resets})
     * @param dejitterTimestamps replace regular streams' stamps by fitted lines (pyxdf {@code dejitter_timestamps})
     */
    public record Options(boolean synchronizeClocks, boolean handleClockResets, boolean dejitterTimestamps) {

        /** pyxdf's defaults: all three on. */
        public static Options defaults() {
            return new Options(true, true, true);
        }

        /** The time stamps exactly as stored in the file. */
        public static Options raw() {
            return new Options(false, false, false);
        }
    }

    private record Chunk(long start, int tag, long content, long end) {
    }

    /** Per-stream state while reading, like pyxdf's {@code StreamData}. */
    private static final class Builder {
        final long id;
        final long headerOffset;
        final String name;
        final String type;
        final String sourceId;
        final XdfChannelFormat format;
        final double nominalRate;
        final double createdAt;
        final boolean canDropSamples;
        final List<XdfChannel> channels;
        final double tdiff;
        double lastTimestamp = 0.0;
        final List<double[]> stampChunks = new ArrayList<>();
        final List<float[][]> numericChunks = new ArrayList<>();
        final List<String[][]> stringChunks = new ArrayList<>();
        final List<Double> clockTimes = new ArrayList<>();
        final List<Double> clockValues = new ArrayList<>();
        XdfFooter footer;
        long footerOffset = -1;

        Builder(long id, long headerOffset, String name, String type, String sourceId, XdfChannelFormat format,
                double nominalRate, double createdAt, boolean canDropSamples, List<XdfChannel> channels) {
            this.id = id;
            this.headerOffset = headerOffset;
            this.name = name;
            this.type = type;
            this.sourceId = sourceId;
            this.format = format;
            this.nominalRate = nominalRate;
            this.createdAt = createdAt;
            this.canDropSamples = canDropSamples;
            this.channels = channels;
            this.tdiff = nominalRate > 0 ? 1.0 / nominalRate : 0.0;
        }
    }

    private final Path file;
    private final ByteBuffer buf;
    private final long size;
    /** Streams by StreamID, in the order of their headers (pyxdf's order). */
    private final Map<Long, Builder> current = new LinkedHashMap<>();

    private XdfReader(Path file, ByteBuffer buf) {
        this.file = file;
        this.buf = buf;
        this.size = buf.limit();
    }

    /** Reads a whole file with pyxdf's default time-stamp processing. */
    public static XdfFile read(Path file) throws IOException {
        return read(file, Options.defaults());
    }

    /** Reads a whole file with the given time-stamp processing. */
    public static XdfFile read(Path file, Options options) throws IOException {
        ByteBuffer buf;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length > Integer.MAX_VALUE) {
                throw new FormatException(file, -1, "file size", "XDF files over 2 GiB are not supported ("
                        + length + " bytes)");
            }
            buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, length);
        }
        return read(file, buf, options);
    }

    /** Reads a whole file from bytes in memory; {@code file} names them in errors. */
    static XdfFile read(Path file, ByteBuffer bytes, Options options) throws IOException {
        ByteBuffer buf = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new XdfReader(file, buf).readAll(options);
    }

    private FormatException error(long offset, String field, String problem) {
        return new FormatException(file, offset, field, problem);
    }

    private XdfFile readAll(Options options) throws IOException {
        List<Chunk> chunks = walkChunks();
        Map<Long, Builder> streams = current;
        String version = null;
        String datetime = "";
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (i == 0 && c.tag() != TAG_FILE_HEADER) {
                throw error(c.start(), "chunk tag", "the first chunk has tag " + c.tag()
                        + "; the XDF specification requires the FileHeader chunk (tag 1) first");
            }
            switch (c.tag()) {
                case TAG_FILE_HEADER: {
                    if (i != 0) {
                        throw error(c.start(), "FileHeader chunk", "a second FileHeader chunk; a file has one");
                    }
                    Element info = parseXml(c.content(), c.end(), "FileHeader XML");
                    version = text(info, "version");
                    if (!version.matches("\\s*1(\\.\\d+)?\\s*")) {
                        throw error(c.content(), "FileHeader version", "version '" + version
                                + "'; this reader knows XDF 1.0 (expected <version>1.0</version>)");
                    }
                    datetime = text(info, "datetime");
                    break;
                }
                case TAG_STREAM_HEADER: {
                    long id = streamId(c);
                    if (streams.containsKey(id)) {
                        throw error(c.start(), "StreamHeader chunk", "a second StreamHeader for stream " + id
                                + " (the first is at offset " + streams.get(id).headerOffset + ")");
                    }
                    parseStreamHeader(id, c);
                    break;
                }
                case TAG_SAMPLES: {
                    Builder s = knownStream(c, "Samples");
                    if (s.footer != null) {
                        throw error(c.start(), "Samples chunk", "samples for stream " + s.id
                                + " after its StreamFooter at offset " + s.footerOffset
                                + "; out-of-order chunks are not accepted");
                    }
                    readSamples(s, c);
                    break;
                }
                case TAG_CLOCK_OFFSET: {
                    Builder s = knownStream(c, "ClockOffset");
                    long p = c.content() + 4;
                    if (c.end() - p != 16) {
                        throw error(c.start(), "ClockOffset chunk", "content of " + (c.end() - c.content())
                                + " bytes; expected 20 (StreamID, CollectionTime and OffsetValue)");
                    }
                    double time = buf.getDouble((int) p);
                    double value = buf.getDouble((int) p + 8);
                    if (!Double.isFinite(time) || !Double.isFinite(value)) {
                        throw error(p, "ClockOffset values", "collection time " + time + " and offset " + value
                                + "; expected finite numbers of seconds");
                    }
                    s.clockTimes.add(time);
                    s.clockValues.add(value);
                    break;
                }
                case TAG_BOUNDARY: {
                    if (c.end() - c.content() != BOUNDARY_UUID.length) {
                        throw error(c.start(), "Boundary chunk", "content of " + (c.end() - c.content())
                                + " bytes; expected the 16-byte boundary UUID");
                    }
                    for (int k = 0; k < BOUNDARY_UUID.length; k++) {
                        if (buf.get((int) c.content() + k) != BOUNDARY_UUID[k]) {
                            throw error(c.content() + k, "Boundary chunk", "the content is not the boundary UUID "
                                    + "43 A5 46 DC CB F5 41 0F B3 0E D5 46 73 83 CB E4");
                        }
                    }
                    break;
                }
                case TAG_STREAM_FOOTER: {
                    Builder s = knownStream(c, "StreamFooter");
                    if (s.footer != null) {
                        throw error(c.start(), "StreamFooter chunk", "a second StreamFooter for stream " + s.id
                                + " (the first is at offset " + s.footerOffset + ")");
                    }
                    s.footer = parseFooter(c);
                    s.footerOffset = c.start();
                    break;
                }
                default:
                    // reserved for future chunk types: skipped, as pyxdf does
                    break;
            }
        }
        List<XdfStream> result = new ArrayList<>();
        for (Builder b : streams.values()) {
            result.add(finish(b, options));
        }
        return new XdfFile(file, version, datetime, result);
    }

    /** First pass: the chunk framing of the whole file. */
    private List<Chunk> walkChunks() throws FormatException {
        byte[] magic = "XDF:".getBytes(StandardCharsets.US_ASCII);
        if (size < 4) {
            throw error(0, "magic", "file of " + size + " bytes; expected it to start with 'XDF:'");
        }
        for (int k = 0; k < 4; k++) {
            if (buf.get(k) != magic[k]) {
                throw error(k, "magic", "the file does not start with 'XDF:' (byte 0x"
                        + String.format(Locale.ROOT, "%02X", buf.get(k) & 0xff) + " at offset " + k + ")");
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        long pos = 4;
        while (pos < size) {
            long start = pos;
            int width = buf.get((int) pos) & 0xff;
            if (width != 1 && width != 4 && width != 8) {
                throw error(start, "chunk length width", String.format(Locale.ROOT,
                        "invalid length-width byte 0x%02X at offset %d; expected 1, 4 or 8", width, start));
            }
            if (start + 1 + width > size) {
                throw error(start + 1, "chunk length", "the file ends inside a " + width
                        + "-byte chunk length (file size " + size + "): truncated file");
            }
            long length = readUnsigned(start + 1, width);
            if (length < 0 || length > size) {
                throw error(start + 1, "chunk length", "chunk length " + Long.toUnsignedString(length)
                        + " exceeds the file size " + size);
            }
            if (length < 2) {
                throw error(start + 1, "chunk length", "chunk length " + length
                        + " is smaller than the 2-byte chunk tag");
            }
            long tagAt = start + 1 + width;
            long end = tagAt + length;
            if (end > size) {
                throw error(start + 1, "chunk length", "the chunk at offset " + start + " declares " + length
                        + " bytes but only " + (size - tagAt) + " remain: truncated file or corrupt length");
            }
            int tag = buf.getShort((int) tagAt) & 0xffff;
            chunks.add(new Chunk(start, tag, tagAt + 2, end));
            pos = end;
        }
        if (chunks.isEmpty()) {
            throw error(4, "FileHeader chunk", "the file has no chunks after 'XDF:'; expected a FileHeader chunk");
        }
        return chunks;
    }

    private long readUnsigned(long at, int width) {
        switch (width) {
            case 1:
                return buf.get((int) at) & 0xffL;
            case 4:
                return buf.getInt((int) at) & 0xffffffffL;
            default:
                return buf.getLong((int) at);
        }
    }

    private long streamId(Chunk c) throws FormatException {
        if (c.end() - c.content() < 4) {
            throw error(c.content(), "StreamID", "chunk with tag " + c.tag() + " has " + (c.end() - c.content())
                    + " content bytes; expected at least the 4-byte StreamID");
        }
        return buf.getInt((int) c.content()) & 0xffffffffL;
    }

    private Builder knownStream(Chunk c, String kind) throws FormatException {
        long id = streamId(c);
        Builder b = current.get(id);
        if (b == null) {
            throw error(c.content(), "StreamID", kind + " chunk for stream " + id
                    + " before any StreamHeader of that stream; out-of-order chunks are not accepted");
        }
        return b;
    }

    private Builder parseStreamHeader(long id, Chunk c) throws FormatException {
        long xmlAt = c.content() + 4;
        Element info = parseXml(xmlAt, c.end(), "StreamHeader XML");
        String countText = text(info, "channel_count");
        int count;
        try {
            count = Integer.parseInt(countText.trim());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_CHANNELS) {
            throw error(xmlAt, "StreamHeader channel_count", "channel_count '" + countText + "' of stream " + id
                    + "; expected a positive integer up to " + MAX_CHANNELS);
        }
        String rateText = text(info, "nominal_srate");
        double rate;
        try {
            rate = Double.parseDouble(rateText.trim());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!Double.isFinite(rate) || rate < 0) {
            throw error(xmlAt, "StreamHeader nominal_srate", "nominal_srate '" + rateText + "' of stream " + id
                    + "; expected a number of Hz >= 0 (0 = irregular)");
        }
        String formatText = text(info, "channel_format");
        XdfChannelFormat format = XdfChannelFormat.fromXml(formatText);
        if (format == null) {
            throw error(xmlAt, "StreamHeader channel_format", "channel_format '" + formatText + "' of stream " + id
                    + "; expected float32, double64, string, int8, int16, int32 or int64");
        }
        double createdAt;
        try {
            createdAt = Double.parseDouble(text(info, "created_at").trim());
        } catch (NumberFormatException e) {
            createdAt = Double.NaN;
        }
        Element desc = child(info, "desc");
        List<XdfChannel> channels = new ArrayList<>(count);
        List<Element> described = new ArrayList<>();
        Element chs = desc == null ? null : child(desc, "channels");
        if (chs != null) {
            for (Node n = chs.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element && "channel".equals(n.getNodeName())) {
                    described.add((Element) n);
                }
            }
        }
        // desc/channels/channel is a convention, not a requirement: channels it does not describe get defaults
        for (int k = 0; k < count; k++) {
            Element e = k < described.size() ? described.get(k) : null;
            String label = e == null ? "" : text(e, "label").trim();
            channels.add(new XdfChannel(label.isEmpty() ? "ch" + (k + 1) : label,
                    e == null ? "" : text(e, "type").trim(), e == null ? "" : text(e, "unit").trim()));
        }
        Element sync = desc == null ? null : child(desc, "synchronization");
        boolean canDrop = sync != null && "true".equalsIgnoreCase(text(sync, "can_drop_samples").trim());
        Builder b = new Builder(id, c.start(), text(info, "name").trim(), text(info, "type").trim(),
                text(info, "source_id").trim(), format, rate, createdAt, canDrop, channels);
        current.put(id, b);
        return b;
    }

    private XdfFooter parseFooter(Chunk c) throws FormatException {
        long xmlAt = c.content() + 4;
        Element info = parseXml(xmlAt, c.end(), "StreamFooter XML");
        double first = number(info, "first_timestamp", xmlAt);
        double last = number(info, "last_timestamp", xmlAt);
        double count = number(info, "sample_count", xmlAt);
        // pyxdf: int(float(sample_count)), as it "can be with .0 suffix"
        return new XdfFooter(first, last, Double.isNaN(count) ? -1 : (long) count);
    }

    private double number(Element info, String name, long at) throws FormatException {
        String t = text(info, name).trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error(at, "StreamFooter " + name, "'" + t + "' is not a number");
        }
    }

    /** Reads a Samples chunk (spec, "Samples chunk"), appending to the stream. */
    private void readSamples(Builder s, Chunk c) throws FormatException {
        long p = c.content() + 4;
        long end = c.end();
        long countAt = p;
        long[] cursor = {p};
        long n = varLength(cursor, end, "NumSamples");
        p = cursor[0];
        int nch = s.channels.size();
        long minSampleBytes = 1 + (long) nch * (s.format.isNumeric() ? s.format.bytesPerValue() : 2);
        if (n > (end - p) / minSampleBytes) {
            throw error(countAt, "NumSamples", n + " samples of stream " + s.id + " cannot fit in the "
                    + (end - p) + " bytes left in the chunk (at least " + minSampleBytes + " bytes each)");
        }
        int count = (int) n;
        double[] stamps = new double[count];
        float[][] numeric = s.format.isNumeric() ? new float[nch][count] : null;
        String[][] strings = s.format.isNumeric() ? null : new String[nch][count];
        int width = s.format.bytesPerValue();
        for (int k = 0; k < count; k++) {
            if (p >= end) {
                throw error(p, "TimeStampBytes", "the Samples chunk ends at sample " + k + " of " + count
                        + " of stream " + s.id);
            }
            int flag = buf.get((int) p) & 0xff;
            if (flag == 8) {
                if (p + 9 > end) {
                    throw error(p + 1, "TimeStamp", "the Samples chunk ends inside the time stamp of sample " + k);
                }
                double t = buf.getDouble((int) p + 1);
                if (!Double.isFinite(t)) {
                    throw error(p + 1, "TimeStamp", "time stamp " + t + " of sample " + k + " of stream " + s.id
                            + "; expected a finite number of seconds");
                }
                stamps[k] = t;
                p += 9;
            } else if (flag == 0) {
                // spec: omitted time stamp = previous time stamp + 1/nominal_srate (pyxdf: last_timestamp + tdiff)
                stamps[k] = s.lastTimestamp + s.tdiff;
                p += 1;
            } else {
                throw error(p, "TimeStampBytes", String.format(Locale.ROOT,
                        "time-stamp byte 0x%02X for sample %d of stream %d; expected 0 (omitted) or 8", flag, k,
                        s.id));
            }
            s.lastTimestamp = stamps[k];
            if (numeric != null) {
                if (p + (long) nch * width > end) {
                    throw error(p, "sample values", "the Samples chunk ends inside the values of sample " + k
                            + " of stream " + s.id + " (" + nch + " x " + s.format.xmlName() + ")");
                }
                int q = (int) p;
                for (int ch = 0; ch < nch; ch++) {
                    numeric[ch][k] = value(s.format, q);
                    q += width;
                }
                p = q;
            } else {
                for (int ch = 0; ch < nch; ch++) {
                    cursor[0] = p;
                    long len = varLength(cursor, end, "string length");
                    p = cursor[0];
                    if (len > end - p) {
                        throw error(p, "string value", "a string of " + len + " bytes (sample " + k + ", channel "
                                + ch + " of stream " + s.id + ") runs past the chunk's end");
                    }
                    byte[] bytes = new byte[(int) len];
                    buf.get((int) p, bytes);
                    strings[ch][k] = new String(bytes, StandardCharsets.UTF_8);
                    p += len;
                }
            }
        }
        if (p != end) {
            throw error(p, "Samples chunk", (end - p) + " bytes left over after the " + count + " samples of stream "
                    + s.id + " that the chunk declares; the chunk length and its content disagree");
        }
        s.stampChunks.add(stamps);
        if (numeric != null) {
            s.numericChunks.add(numeric);
        } else {
            s.stringChunks.add(strings);
        }
    }

    private float value(XdfChannelFormat f, int at) {
        switch (f) {
            case FLOAT32:
                return buf.getFloat(at);
            case DOUBLE64:
                return (float) buf.getDouble(at);
            case INT8:
                return buf.get(at);
            case INT16:
                return buf.getShort(at);
            case INT32:
                return buf.getInt(at);
            case INT64:
                return buf.getLong(at);
            default:
                throw new IllegalStateException(f.toString());
        }
    }

    /** A variable-length integer ([NumBytes: 1, 4 or 8][value]); advances {@code cursor[0]}. */
    private long varLength(long[] cursor, long end, String field) throws FormatException {
        long p = cursor[0];
        if (p >= end) {
            throw error(p, field, "the chunk ends where a variable-length integer was expected");
        }
        int width = buf.get((int) p) & 0xff;
        if (width != 1 && width != 4 && width != 8) {
            throw error(p, field, String.format(Locale.ROOT,
                    "invalid length-width byte 0x%02X at offset %d; expected 1, 4 or 8", width, p));
        }
        if (p + 1 + width > end) {
            throw error(p, field, "the chunk ends inside a " + width + "-byte integer");
        }
        long v = readUnsigned(p + 1, width);
        if (v < 0) {
            throw error(p + 1, field, "value " + Long.toUnsignedString(v) + " is too large");
        }
        cursor[0] = p + 1 + width;
        return v;
    }

    private Element parseXml(long from, long to, String field) throws FormatException {
        byte[] bytes = new byte[(int) (to - from)];
        buf.get((int) from, bytes);
        try {
            DocumentBuilder db = XML.get();
            db.reset();
            db.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            Document doc = db.parse(new InputSource(new ByteArrayInputStream(bytes)));
            Element root = doc.getDocumentElement();
            if (!"info".equals(root.getNodeName())) {
                throw error(from, field, "root element <" + root.getNodeName() + ">; expected <info>");
            }
            return root;
        } catch (SAXException e) {
            throw error(from, field, "not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw error(from, field, "cannot parse XML: " + e.getMessage());
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(n.getNodeName())) {
                return (Element) n;
            }
        }
        return null;
    }

    /** The text of a direct child element, "" when absent. */
    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent();
    }

    /** Concatenates chunks and applies pyxdf's post-processing (load_xdf's order: truncate, sync, dejitter). */
    private static XdfStream finish(Builder b, Options options) {
        int n = 0;
        for (double[] s : b.stampChunks) {
            n += s.length;
        }
        double[] stamps = new double[n];
        int nch = b.channels.size();
        float[][] numeric = b.format.isNumeric() ? new float[nch][n] : null;
        String[][] strings = b.format.isNumeric() ? null : new String[nch][n];
        int at = 0;
        for (int i = 0; i < b.stampChunks.size(); i++) {
            double[] s = b.stampChunks.get(i);
            System.arraycopy(s, 0, stamps, at, s.length);
            for (int ch = 0; ch < nch; ch++) {
                if (numeric != null) {
                    System.arraycopy(b.numericChunks.get(i)[ch], 0, numeric[ch], at, s.length);
                } else {
                    System.arraycopy(b.stringChunks.get(i)[ch], 0, strings[ch], at, s.length);
                }
            }
            at += s.length;
        }
        double[] clockTimes = b.clockTimes.stream().mapToDouble(Double::doubleValue).toArray();
        double[] clockValues = b.clockValues.stream().mapToDouble(Double::doubleValue).toArray();

        List<Segment> clockSegments = List.of();
        if (options.synchronizeClocks()) {
            // pyxdf _truncate_corrupted_offsets (pylsl#67, liblsl#246): more samples than the footer's count AND
            // an anomalous last clock offset -> drop that offset and the extra samples
            if (b.footer != null && b.footer.sampleCount() >= 0 && n > b.footer.sampleCount()
                    && XdfTiming.lastClockOffsetCorrupted(clockTimes, clockValues)) {
                int keep = (int) b.footer.sampleCount();
                clockTimes = java.util.Arrays.copyOf(clockTimes, clockTimes.length - 1);
                clockValues = java.util.Arrays.copyOf(clockValues, clockValues.length - 1);
                stamps = java.util.Arrays.copyOf(stamps, keep);
                for (int ch = 0; ch < nch; ch++) {
                    if (numeric != null) {
                        numeric[ch] = java.util.Arrays.copyOf(numeric[ch], keep);
                    } else {
                        strings[ch] = java.util.Arrays.copyOf(strings[ch], keep);
                    }
                }
                n = keep;
            }
            clockSegments = XdfTiming.synchronize(stamps, clockTimes, clockValues, options.handleClockResets());
        }
        List<Segment> segments;
        double effective;
        if (options.dejitterTimestamps()) {
            XdfTiming.Jitter j = XdfTiming.removeJitter(stamps, b.nominalRate, b.canDropSamples);
            segments = j.segments();
            effective = j.effectiveRate();
        } else {
            // pyxdf without dejittering: one segment; effective rate (n-1)/duration for regular streams
            segments = n > 0 ? List.of(new Segment(0, n - 1)) : List.of();
            effective = b.nominalRate != 0 && n > 1 ? (n - 1) / (stamps[n - 1] - stamps[0]) : 0;
        }
        return new XdfStream(b.id, b.name, b.type, b.sourceId, b.format, b.nominalRate, b.createdAt, b.channels,
                stamps, numeric, strings, effective, segments, clockSegments, clockTimes, clockValues, b.footer);
    }
}
