package org.mistudio.acquisition.io.gdf;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mistudio.acquisition.io.Channels;
import org.mistudio.acquisition.io.FormatException;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/**
 * Reads GDF 1.x and 2.x files (A. Schlögl, "GDF - A general dataformat for biosignals", arXiv:cs/0608052, versions
 * 1.25 to 2.22): the BCI Competition IV and OpenViBE format. The header is parsed at once, samples are read on demand
 * (a channel or range reads only the bytes it needs), the event table becomes annotations.
 *
 * <p>Layout facts used (little-endian throughout):
 * <ul>
 * <li>Fixed header, 256 bytes: version "GDF v.vv" at 0; start at 168 (GDF 1: 16 ASCII characters
 * {@code YYYYMMDDhhmmsscc}; GDF 2: uint64, days since 0000-01-01 in 32.32 fixed point, day 367 = 0001-01-01); header
 * length at 184 (GDF 1: int64 bytes; GDF 2: uint16 blocks of 256 bytes); number of records int64 at 236; record
 * duration at 244 (uint32 numerator and denominator, from GDF 2.21 on a float64 of seconds); number of channels at
 * 252 (GDF 1: uint32; GDF 2: uint16).</li>
 * <li>Variable header, 256 bytes per channel, each field for all channels in turn (offsets times the channel count
 * ns): label 16, transducer 80 at 16ns, unit 8 (GDF 1) or 6 + uint16 code (GDF 2) at 96ns, physical min/max float64
 * at 104ns/112ns, digital min/max (GDF 1 int64, GDF 2 float64) at 120ns/128ns, samples per record int32 at 216ns,
 * data type int32 at 220ns. GDF 2 may add a tag-length-value header 3 before the data; the header length covers
 * it.</li>
 * <li>Event table after the data records: mode uint8 (1, or 3 with channels and durations); GDF 1: event sample rate
 * uint24 then count uint32; GDF 2: count uint24 then sample rate float32; then positions uint32 (1-based sample
 * numbers at the event rate), types uint16, and for mode 3 channels uint16 and durations uint32 (samples).</li>
 * </ul>
 */
public final class GdfReader implements Closeable {

    /** Start time used where the file leaves it unset (GDF 1: blank; GDF 2: 0). */
    public static final LocalDateTime UNKNOWN_START = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final Path file;
    private final SeekableByteChannel channel;
    private final GdfHeader header;

    private GdfReader(Path file, SeekableByteChannel channel, GdfHeader header) {
        this.file = file;
        this.channel = channel;
        this.header = header;
    }

    public static GdfReader open(Path file) throws IOException {
        return open(file, FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Opens bytes from any channel ({@code file} names them in errors); closes the channel on failure. */
    static GdfReader open(Path file, SeekableByteChannel ch) throws IOException {
        try {
            return new GdfReader(file, ch, parseHeader(file, ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Reads a whole file: every channel, the events as annotations, the start time. */
    public static Recording read(Path file) throws IOException {
        try (GdfReader reader = open(file)) {
            return reader.readAll();
        }
    }

    /** Reads a whole recording from any channel, e.g. bytes in memory; {@code file} names it in errors. */
    static Recording read(Path file, SeekableByteChannel ch) throws IOException {
        try (GdfReader reader = open(file, ch)) {
            return reader.readAll();
        }
    }

    public GdfHeader header() {
        return header;
    }

    public long sampleCount(int signal) {
        return header.records() * header.signals().get(signal).samplesPerRecord();
    }

    /** Reads {@code count} samples of one channel from sample {@code first}, in physical units. */
    public float[] readSignal(int signal, long first, int count) throws IOException {
        GdfSignal s = header.signals().get(signal);
        long total = sampleCount(signal);
        if (first < 0 || count < 0 || first + count > total) {
            throw new IllegalArgumentException(file + ": samples [" + first + ", " + (first + count)
                    + ") of channel '" + s.label() + "' are outside [0, " + total + ")");
        }
        int per = s.samplesPerRecord();
        int width = s.type().bytes();
        double gain = s.gain();
        double offset = s.offset();
        float[] out = new float[count];
        ByteBuffer buffer = ByteBuffer.allocate(per * width).order(ByteOrder.LITTLE_ENDIAN);
        long signalOffset = header.signalOffsetInRecord(signal);
        int written = 0;
        while (written < count) {
            long sample = first + written;
            long record = sample / per;
            int within = (int) (sample % per);
            int take = Math.min(per - within, count - written);
            buffer.clear().limit(take * width);
            readFully(buffer, header.headerBytes() + record * header.recordBytes() + signalOffset
                    + (long) within * width, "data record");
            for (int i = 0; i < take; i++) {
                out[written + i] = (float) (gain * s.type().read(buffer) + offset);
            }
            written += take;
        }
        return out;
    }

    /** Reads every channel and the event table into a recording. */
    public Recording readAll() throws IOException {
        List<GdfSignal> signals = header.signals();
        List<ChannelInfo> infos = new ArrayList<>();
        float[][] samples = new float[signals.size()][];
        List<String> labels = uniqueLabels();
        for (int c = 0; c < signals.size(); c++) {
            GdfSignal s = signals.get(c);
            infos.add(new ChannelInfo(labels.get(c), EdfReader.guessType(s.label()), s.unit(),
                    header.samplingRate(c)));
            long n = sampleCount(c);
            if (n > Integer.MAX_VALUE - 8) {
                throw new FormatException(file, 236, "number of data records", "channel '" + s.label() + "' has "
                        + n + " samples, more than one array holds; read it in ranges with readSignal");
            }
            samples[c] = new float[(int) n];
        }
        long recordBytes = header.recordBytes();
        long records = header.records();
        int perBlock = (int) Math.max(1, Math.min(records, (8L << 20) / Math.max(1, recordBytes)));
        ByteBuffer block = ByteBuffer.allocate((int) (perBlock * recordBytes)).order(ByteOrder.LITTLE_ENDIAN);
        for (long r0 = 0; r0 < records; r0 += perBlock) {
            int n = (int) Math.min(perBlock, records - r0);
            block.clear().limit((int) (n * recordBytes));
            readFully(block, header.headerBytes() + r0 * recordBytes, "data record");
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < signals.size(); c++) {
                    GdfSignal s = signals.get(c);
                    double gain = s.gain();
                    double offset = s.offset();
                    int per = s.samplesPerRecord();
                    block.position((int) (r * recordBytes + header.signalOffsetInRecord(c)));
                    int dst = (int) ((r0 + r) * per);
                    for (int j = 0; j < per; j++) {
                        samples[c][dst + j] = (float) (gain * s.type().read(block) + offset);
                    }
                }
            }
        }
        LocalDateTime start = header.start() != null ? header.start() : UNKNOWN_START;
        try {
            return new Recording(infos, samples, start, annotations());
        } catch (IllegalArgumentException e) {
            throw new FormatException(file, -1, "variable header", e.getMessage());
        }
    }

    /**
     * The event table as annotations: onset (position - 1) / event rate, duration (mode 3) in samples at the event
     * rate, label {@link GdfEvents#label}. Mode 3's channel field is not kept (0 means all channels). A file that
     * ends right after the data has no events.
     */
    public List<Annotation> annotations() throws IOException {
        long at = header.eventTableOffset();
        long size = channel.size();
        if (size == at) {
            return List.of();
        }
        if (size - at < 8) {
            throw new FormatException(file, at, "event table", "the file ends " + (size - at)
                    + " bytes after the data records; an event table header takes 8");
        }
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(h, at, "event table");
        int mode = h.get(0) & 0xff;
        if (mode != 1 && mode != 3) {
            throw new FormatException(file, at, "event table mode", "expected 1 or 3, found " + mode);
        }
        int u24 = (h.get(1) & 0xff) | (h.get(2) & 0xff) << 8 | (h.get(3) & 0xff) << 16;
        long count;
        double rate;
        if (header.isVersion2()) {
            count = u24;
            rate = h.getFloat(4);
        } else {
            rate = u24;
            count = h.getInt(4) & 0xffffffffL;
        }
        if (!(rate > 0) || !Double.isFinite(rate)) {
            // Unset rate: positions count samples at the highest channel rate.
            rate = 0;
            for (int c = 0; c < header.signals().size(); c++) {
                rate = Math.max(rate, header.samplingRate(c));
            }
        }
        long entry = mode == 3 ? 12 : 6;
        if (size - at - 8 != count * entry) {
            // more bytes than the events need means a wrong count, or data records the header does not count
            throw new FormatException(file, at + 1, "number of events", count + " events of mode " + mode
                    + " take " + count * entry + " bytes but " + (size - at - 8) + " follow the event table header");
        }
        if (count == 0) {
            return List.of();
        }
        ByteBuffer t = ByteBuffer.allocate((int) (count * entry)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(t, at + 8, "event table");
        List<Annotation> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            long pos = t.getInt(4 * k) & 0xffffffffL;
            int type = t.getShort((int) (4 * count + 2 * k)) & 0xffff;
            long duration = mode == 3 ? t.getInt((int) (8 * count + 4 * k)) & 0xffffffffL : 0;
            out.add(new Annotation((pos - 1) / rate, duration / rate, GdfEvents.label(type)));
        }
        out.sort((a, b) -> Double.compare(a.onset(), b.onset()));
        return List.copyOf(out);
    }

    private List<String> uniqueLabels() {
        Map<String, Integer> counts = new HashMap<>();
        for (GdfSignal s : header.signals()) {
            counts.merge(s.label(), 1, Integer::sum);
        }
        Map<String, Integer> next = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < header.signals().size(); c++) {
            String label = header.signals().get(c).label();
            if (label.isEmpty()) {
                label = "Channel " + (c + 1);
            }
            if (counts.getOrDefault(label, 1) > 1) {
                out.add(label + "-" + (next.merge(label, 1, Integer::sum) - 1));
            } else {
                out.add(label);
            }
        }
        return out;
    }

    private void readFully(ByteBuffer buffer, long position, String field) throws IOException {
        readFully(file, channel, buffer, position, field);
    }

    private static void readFully(Path file, SeekableByteChannel ch, ByteBuffer buffer, long position, String field)
            throws IOException {
        Channels.readFully(file, ch, buffer, position, field, "file ends early");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---------------------------------------------------------------- header

    private static GdfHeader parseHeader(Path file, SeekableByteChannel ch) throws IOException {
        long size = ch.size();
        if (size < 256) {
            throw new FormatException(file, 0, "fixed header", "file is " + size
                    + " bytes; a GDF fixed header alone is 256 bytes");
        }
        ByteBuffer f = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, ch, f, 0, "fixed header");
        String versionText = text(f, 0, 8);
        double version;
        if (!versionText.startsWith("GDF ")) {
            throw new FormatException(file, 0, "version", "expected 'GDF 1.xx' or 'GDF 2.xx', found '"
                    + versionText + "'");
        }
        try {
            version = Double.parseDouble(versionText.substring(4).trim());
        } catch (NumberFormatException e) {
            throw new FormatException(file, 4, "version", "expected a version number after 'GDF ', found '"
                    + versionText.substring(4) + "'");
        }
        if (version < 1 || version >= 3) {
            throw new FormatException(file, 4, "version", "this reader knows GDF 1.x and 2.x, found " + version);
        }
        boolean v2 = version >= 1.9;
        String patient = text(f, 8, v2 ? 66 : 80);
        String recording = text(f, 88, v2 ? 64 : 80);
        LocalDateTime start = v2 ? gdf2Date(file, f.getLong(168)) : gdf1Date(file, text(f, 168, 16));
        long headerBytes = v2 ? (long) (f.getShort(184) & 0xffff) * 256 : f.getLong(184);
        long records = f.getLong(236);
        double duration;
        if (version >= 2.21) {
            duration = f.getDouble(244);
        } else {
            long num = f.getInt(244) & 0xffffffffL;
            long den = f.getInt(248) & 0xffffffffL;
            if (den == 0) {
                throw new FormatException(file, 248, "duration of a data record", "denominator is 0");
            }
            duration = (double) num / den;
        }
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw new FormatException(file, 244, "duration of a data record", "must be a positive number of seconds,"
                    + " found " + duration);
        }
        long ns = v2 ? f.getShort(252) & 0xffff : f.getInt(252) & 0xffffffffL;
        if (ns == 0 || ns > 65535) {
            throw new FormatException(file, 252, "number of channels", "must be 1 to 65535, found " + ns);
        }
        int n = (int) ns;
        long needed = 256L * (n + 1);
        if (headerBytes < needed) {
            throw new FormatException(file, 184, "length of header", "is " + headerBytes + " bytes but " + n
                    + " channels need 256 * (1 + " + n + ") = " + needed);
        }
        if (size < needed) {
            throw new FormatException(file, size, "variable header", "file is " + size + " bytes but the headers of "
                    + n + " channels end at byte " + needed);
        }
        ByteBuffer v = ByteBuffer.allocate(256 * n).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, ch, v, 256, "variable header");
        List<GdfSignal> signals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String label = text(v, 16 * i, 16);
            String transducer = text(v, 16 * n + 80 * i, 80);
            String unit;
            int unitCode = 0;
            if (v2) {
                unitCode = v.getShort(102 * n + 2 * i) & 0xffff;
                String coded = GdfUnits.text(unitCode);
                unit = coded != null ? coded : text(v, 96 * n + 6 * i, 6);
            } else {
                unit = text(v, 96 * n + 8 * i, 8);
            }
            double physMin = v.getDouble(104 * n + 8 * i);
            double physMax = v.getDouble(112 * n + 8 * i);
            double digMin = v2 ? v.getDouble(120 * n + 8 * i) : v.getLong(120 * n + 8 * i);
            double digMax = v2 ? v.getDouble(128 * n + 8 * i) : v.getLong(128 * n + 8 * i);
            long perRecord = v.getInt(216 * n + 4 * i) & 0xffffffffL;
            long typeCode = v.getInt(220 * n + 4 * i) & 0xffffffffL;
            long base = 256;
            GdfType type = GdfType.of(typeCode);
            if (type == null) {
                throw new FormatException(file, base + 220L * n + 4L * i, "data type of channel " + i,
                        "'" + label + "': GDFTYP " + typeCode + " is not one of 1-8 (integers), 16 (float32), "
                                + "17 (float64)");
            }
            if (perRecord == 0 || perRecord > Integer.MAX_VALUE / 8) {
                throw new FormatException(file, base + 216L * n + 4L * i, "samples per record of channel " + i,
                        "'" + label + "': must be 1 to " + Integer.MAX_VALUE / 8 + ", found " + perRecord);
            }
            if (!(digMax != digMin) || !Double.isFinite(digMax - digMin)) {
                throw new FormatException(file, base + 128L * n + 8L * i, "digital maximum of channel " + i,
                        "'" + label + "': digital maximum " + digMax + " must differ from digital minimum " + digMin);
            }
            if (!(physMax != physMin) || !Double.isFinite(physMax - physMin)) {
                throw new FormatException(file, base + 112L * n + 8L * i, "physical maximum of channel " + i,
                        "'" + label + "': physical maximum " + physMax + " must differ from physical minimum "
                                + physMin);
            }
            GdfSignal signal = new GdfSignal(label, transducer, unit, unitCode, physMin, physMax, digMin, digMax,
                    (int) perRecord, type);
            if (!Double.isFinite(signal.gain()) || signal.gain() == 0 || !Double.isFinite(signal.offset())) {
                throw new FormatException(file, base + 104L * n + 8L * i, "physical minimum of channel " + i,
                        "'" + label + "': physical " + physMin + " to " + physMax + " over digital " + digMin + " to "
                                + digMax + " gives no finite, non-zero scaling");
            }
            if (!Double.isFinite(perRecord / duration)) {
                throw new FormatException(file, 244, "duration of a data record", duration + " s gives channel '"
                        + label + "' a sampling rate of " + perRecord / duration + " Hz");
            }
            signals.add(signal);
        }
        GdfHeader header = new GdfHeader(version, patient, recording, start, headerBytes, records, duration,
                signals);
        long recordBytes = header.recordBytes();
        long available = size - headerBytes;
        if (records == -1) {
            // Unknown number of records (still recording when the header was written): as many as the file holds.
            header = new GdfHeader(version, patient, recording, start, headerBytes, Math.max(0, available)
                    / recordBytes, duration, signals);
        } else if (records < 0) {
            throw new FormatException(file, 236, "number of data records", "must be >= 0 or -1, found " + records);
        } else if (available < 0 || records > available / recordBytes) {
            throw new FormatException(file, size, "data record", "the header declares " + records
                    + " data records of " + recordBytes + " bytes but only " + Math.max(0, available)
                    + " bytes follow the header: the file is truncated");
        }
        return header;
    }

    /** GDF 1: "YYYYMMDDhhmmsscc" (cc: centiseconds); blank means unknown. */
    private static LocalDateTime gdf1Date(Path file, String t) throws FormatException {
        if (t.isBlank()) {
            return null;
        }
        if (!t.matches("\\d{14}[\\d ]{0,2}")) {
            throw new FormatException(file, 168, "start date and time of recording", "expected YYYYMMDDhhmmsscc, "
                    + "found '" + t + "'");
        }
        try {
            String cc = t.length() >= 16 ? t.substring(14, 16).trim() : "";
            return LocalDateTime.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                    Integer.parseInt(t.substring(6, 8)), Integer.parseInt(t.substring(8, 10)),
                    Integer.parseInt(t.substring(10, 12)), Integer.parseInt(t.substring(12, 14)),
                    (cc.isEmpty() ? 0 : Integer.parseInt(cc)) * 10_000_000);
        } catch (DateTimeException e) {
            throw new FormatException(file, 168, "start date and time of recording", "'" + t
                    + "' is not a valid date and time: " + e.getMessage());
        }
    }

    /** GDF 2: uint64 days since 0000-01-01 in 32.32 fixed point (day 367 is 0001-01-01); 0 means unknown. */
    private static LocalDateTime gdf2Date(Path file, long raw) throws FormatException {
        if (raw == 0) {
            return null;
        }
        long days = raw >>> 32;
        long fraction = raw & 0xffffffffL;
        if (days < 367 || days > 367 + 3_652_059L) {
            throw new FormatException(file, 168, "start date and time of recording", "day number " + days
                    + " is outside years 1 to 9999");
        }
        long nanos = BigInteger.valueOf(fraction).multiply(BigInteger.valueOf(86_400_000_000_000L))
                .add(BigInteger.ONE.shiftLeft(31)).shiftRight(32).longValueExact();
        return LocalDateTime.of(1, 1, 1, 0, 0).plusDays(days - 367).plusNanos(nanos);
    }

    private static String text(ByteBuffer b, int offset, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = b.get(offset + i);
        }
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1).trim();
    }
}
