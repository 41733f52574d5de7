package org.mistudio.acquisition.io.edf;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;

/**
 * A crash-safe EDF+C / BDF+C writer for data that arrive over time (a live recording).
 *
 * <p>The header is written first with 0 data records. Frames (one value per channel, all channels at one rate)
 * are appended as they come; whenever a data record of {@code recordSeconds} is complete it is written with its
 * annotation signal, the data are forced to disk, then the header's record count is rewritten and forced too. A
 * process killed at any moment therefore leaves a file whose header counts only records that are fully on
 * disk (trailing bytes of a record being written are ignored by readers, which read the declared count).
 *
 * <p>Values are quantised over a fixed physical range per channel (known before the data are); values outside
 * it are clipped and counted ({@link #clippedCount()}). Within the range the error is at most half a digital
 * step ({@link #step(int)}).
 *
 * <p>Annotations go into the TALs of the next record written (EDF+ allows a TAL in any data record; onsets are
 * relative to the file start); the annotation signal holds {@code talBytes} bytes per record, and what does not
 * fit waits for the following records. {@link #close()} drops an incomplete last record, so every record in
 * the file holds received data only; {@link #close(boolean)} can pad it with its last frame instead.
 */
public final class EdfStreamWriter implements Closeable {
    private static final DateTimeFormatter EDF_PLUS_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ROOT);
    /** Offset of the "number of data records" field in the fixed header. */
    private static final int RECORDS_FIELD = 236;

    private final Path file;
    private final EdfVariant variant;
    private final FileChannel channel;
    private final int channels;
    private final int perRecord;
    private final double recordSeconds;
    private final int talBytes;
    private final double[] physMin;
    private final double[] gain;
    private final double[] step;
    private final ByteBuffer record;
    private final int width;
    private final ArrayDeque<byte[]> pendingTals = new ArrayDeque<>();
    private int framesInRecord;
    private long records;
    private long frames;
    private long clipped;
    private boolean closed;

    /**
     * @param variant        EDF_PLUS_C or BDF_PLUS_C
     * @param infos          the channels (labels at most 16 ASCII characters, units at most 8); all at one rate
     * @param physicalMin    per channel, the value of the smallest digital value
     * @param physicalMax    per channel, the value of the largest digital value
     * @param recordSeconds  duration of a data record; rate × duration must be a whole number
     * @param start          wall-clock time of the first frame
     * @param talBytes       bytes of the annotation signal per record (at least 64)
     */
    public EdfStreamWriter(Path file, EdfVariant variant, List<ChannelInfo> infos, double[] physicalMin,
            double[] physicalMax, double recordSeconds, LocalDateTime start, int talBytes) throws IOException {
        if (variant != EdfVariant.EDF_PLUS_C && variant != EdfVariant.BDF_PLUS_C) {
            throw new IllegalArgumentException("can stream EDF+C or BDF+C, not " + variant);
        }
        if (infos.isEmpty()) {
            throw new IllegalArgumentException(file + ": no channels to record");
        }
        this.file = file;
        this.variant = variant;
        this.channels = infos.size();
        this.width = variant.bytesPerSample();
        this.recordSeconds = recordSeconds;
        double rate = infos.get(0).samplingRate();
        double per = rate * recordSeconds;
        if (Math.abs(per - Math.rint(per)) > 1e-9 || per < 1) {
            throw new IllegalArgumentException(file + ": " + rate + " Hz x " + recordSeconds
                    + " s is not a whole number of samples per data record");
        }
        this.perRecord = (int) Math.rint(per);
        String durationText = BigDecimal.valueOf(recordSeconds).stripTrailingZeros().toPlainString();
        if (durationText.length() > 8) {
            throw new IllegalArgumentException("record duration " + recordSeconds + " does not fit 8 characters");
        }
        int talSamples = (Math.max(64, talBytes) + width - 1) / width;
        this.talBytes = talSamples * width;
        this.physMin = new double[channels];
        this.gain = new double[channels];
        this.step = new double[channels];
        String[] minText = new String[channels + 1];
        String[] maxText = new String[channels + 1];
        for (int c = 0; c < channels; c++) {
            ChannelInfo ch = infos.get(c);
            if (ch.samplingRate() != rate) {
                throw new IllegalArgumentException(file + ": channel '" + ch.label() + "' is at "
                        + ch.samplingRate() + " Hz, the others at " + rate + " Hz");
            }
            check("label", ch.label(), 16);
            check("unit of '" + ch.label() + "'", ch.unit(), 8);
            minText[c] = EdfWriter.eightChars(file, ch.label(), physicalMin[c], RoundingMode.FLOOR);
            maxText[c] = EdfWriter.eightChars(file, ch.label(), physicalMax[c], RoundingMode.CEILING);
            physMin[c] = Double.parseDouble(minText[c]);
            double hi = Double.parseDouble(maxText[c]);
            if (!(hi > physMin[c])) {
                throw new IllegalArgumentException(file + ": channel '" + ch.label() + "': physical maximum "
                        + hi + " must exceed the minimum " + physMin[c]);
            }
            gain[c] = (hi - physMin[c]) / ((double) variant.digitalMaximum() - variant.digitalMinimum());
            step[c] = gain[c];
        }
        minText[channels] = "-1";
        maxText[channels] = "1";
        int ns = channels + 1;
        StringBuilder h = new StringBuilder(256 * (ns + 1));
        h.append(pad(variant.isBdf() ? "BIOSEMI" : "0", 8));
        h.append(pad("X X X X", 80));
        h.append(pad("Startdate " + start.format(EDF_PLUS_DATE).toUpperCase(Locale.ROOT) + " X X MI_Studio_LSL", 80));
        h.append(String.format(Locale.ROOT, "%02d.%02d.%02d", start.getDayOfMonth(), start.getMonthValue(),
                start.getYear() % 100));
        h.append(String.format(Locale.ROOT, "%02d.%02d.%02d", start.getHour(), start.getMinute(), start.getSecond()));
        h.append(pad(Integer.toString(256 * (ns + 1)), 8));
        h.append(pad(variant.isBdf() ? "BDF+C" : "EDF+C", 44));
        h.append(pad("0", 8));
        h.append(pad(durationText, 8));
        h.append(pad(Integer.toString(ns), 4));
        String annotationLabel = variant.isBdf() ? EdfSignal.BDF_ANNOTATIONS_LABEL : EdfSignal.ANNOTATIONS_LABEL;
        for (int c = 0; c < ns; c++) {
            h.append(pad(c < channels ? infos.get(c).label() : annotationLabel, 16));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad("", 80));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad(c < channels ? infos.get(c).unit() : "", 8));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad(minText[c], 8));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad(maxText[c], 8));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad(Integer.toString(variant.digitalMinimum()), 8));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad(Integer.toString(variant.digitalMaximum()), 8));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad("", 80));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad(Integer.toString(c < channels ? perRecord : talSamples), 8));
        }
        for (int c = 0; c < ns; c++) {
            h.append(pad("", 32));
        }
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (variant.isBdf()) {
            header[0] = (byte) 0xff; // 0xFF "BIOSEMI"
            System.arraycopy("BIOSEMI".getBytes(StandardCharsets.US_ASCII), 0, header, 1, 7);
        }
        this.record = ByteBuffer.allocate(channels * perRecord * width + this.talBytes);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            writeFully(ByteBuffer.wrap(header), 0);
            channel.force(true);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Appends one frame: {@code values[c]} for every channel, physical units. */
    public synchronized void append(float[] values) throws IOException {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        if (values.length != channels) {
            throw new IllegalArgumentException("a frame has " + channels + " values, got " + values.length);
        }
        byte[] a = record.array();
        int lo = variant.digitalMinimum();
        int hi = variant.digitalMaximum();
        for (int c = 0; c < channels; c++) {
            double v = values[c];
            long d = Math.round((v - physMin[c]) / gain[c]) + lo;
            if (d < lo || d > hi || Double.isNaN(v)) {
                clipped++;
                d = Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, d));
            }
            int p = (c * perRecord + framesInRecord) * width;
            int digital = (int) d;
            a[p] = (byte) digital;
            a[p + 1] = (byte) (digital >> 8);
            if (width == 3) {
                a[p + 2] = (byte) (digital >> 16);
            }
        }
        frames++;
        if (++framesInRecord == perRecord) {
            flushRecord();
        }
    }

    /** Queues an annotation (onset relative to the first frame) for the next record written. */
    public synchronized void annotate(Annotation a) {
        String label = a.label().replace('\u0014', ' ').replace('\u0015', ' ').replace('\0', ' ');
        StringBuilder sb = new StringBuilder();
        sb.append(signed(a.onset()));
        if (a.duration() > 0) {
            sb.append('\u0015').append(plain(a.duration()));
        }
        sb.append('\u0014');
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] text = label.getBytes(StandardCharsets.UTF_8);
        int room = talBytes - 40 - head.length - 2; // the time-keeping TAL takes at most ~20 bytes
        if (text.length > room) {
            text = java.util.Arrays.copyOf(text, Math.max(0, room));
        }
        byte[] tal = new byte[head.length + text.length + 2];
        System.arraycopy(head, 0, tal, 0, head.length);
        System.arraycopy(text, 0, tal, head.length, text.length);
        tal[tal.length - 2] = 0x14;
        tal[tal.length - 1] = 0;
        pendingTals.add(tal);
    }

    private void flushRecord() throws IOException {
        byte[] a = record.array();
        int talStart = channels * perRecord * width;
        java.util.Arrays.fill(a, talStart, a.length, (byte) 0);
        byte[] keep = (signed(records * recordSeconds) + "\u0014\u0014\0").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(keep, 0, a, talStart, keep.length);
        int p = talStart + keep.length;
        while (!pendingTals.isEmpty() && p + pendingTals.peek().length <= a.length) {
            byte[] t = pendingTals.poll();
            System.arraycopy(t, 0, a, p, t.length);
            p += t.length;
        }
        long headerBytes = 256L * (channels + 2);
        writeFully(ByteBuffer.wrap(a), headerBytes + records * a.length);
        channel.force(false);
        records++;
        writeFully(ByteBuffer.wrap(pad(Long.toString(records), 8).getBytes(StandardCharsets.US_ASCII)),
                RECORDS_FIELD);
        channel.force(false);
        framesInRecord = 0;
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long pos = position;
        while (b.hasRemaining()) {
            pos += channel.write(b, pos);
        }
    }

    /** Data records completely on disk. */
    public synchronized long recordCount() {
        return records;
    }

    /** Frames appended (including those of the incomplete record). */
    public synchronized long frameCount() {
        return frames;
    }

    /** Values outside the physical range (clipped). */
    public synchronized long clippedCount() {
        return clipped;
    }

    /** Annotations still waiting for a record. */
    public synchronized int pendingAnnotations() {
        return pendingTals.size();
    }

    /** Physical units per digital step of channel {@code c}: the quantisation error is at most half of it. */
    public double step(int c) {
        return step[c];
    }

    /** Samples per data record. */
    public int samplesPerRecord() {
        return perRecord;
    }

    /**
     * With {@code padLast}, writes the incomplete last record (if it holds a frame) padded with its last frame,
     * with the annotations still pending; then closes. Without it the incomplete record is dropped.
     */
    public synchronized void close(boolean padLast) throws IOException {
        if (closed) {
            return;
        }
        try {
            if (padLast && framesInRecord > 0) {
                byte[] a = record.array();
                for (int c = 0; c < channels; c++) {
                    int last = (c * perRecord + framesInRecord - 1) * width;
                    for (int i = framesInRecord; i < perRecord; i++) {
                        System.arraycopy(a, last, a, (c * perRecord + i) * width, width);
                    }
                }
                flushRecord();
            }
        } finally {
            closed = true;
            channel.close();
        }
    }

    /** Closes, dropping an incomplete last record. */
    @Override
    public void close() throws IOException {
        close(false);
    }

    private void check(String what, String value, int max) {
        if (value.length() > max || !StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
            throw new IllegalArgumentException(file + ": " + what + " '" + value + "' must be at most " + max
                    + " ASCII characters in an EDF header");
        }
    }

    private static String signed(double v) {
        return (v < 0 ? "-" : "+") + plain(Math.abs(v));
    }

    private static String plain(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String pad(String s, int width) {
        if (s.length() > width) {
            throw new IllegalStateException("header field '" + s + "' longer than " + width);
        }
        return s + " ".repeat(width - s.length());
    }
}
