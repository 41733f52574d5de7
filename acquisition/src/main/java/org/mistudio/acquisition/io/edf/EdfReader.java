package org.mistudio.acquisition.io.edf;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mistudio.acquisition.io.Channels;
import org.mistudio.acquisition.io.FormatException;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

/**
 * Reads EDF, EDF+, BDF and BDF+ files: the header at once, signals on demand (a channel or a time range reads only
 * the bytes it needs), annotations from the EDF+ time-stamped annotation lists (TALs).
 *
 * <p>References: Kemp et al. 1992, "A simple format for exchange of digitized polygraphic recordings" (EDF);
 * Kemp and Olivan 2003, "European data format 'plus' (EDF+)"; BioSemi's BDF notes (24-bit little-endian
 * samples, version field 0xFF "BIOSEMI").
 */
public final class EdfReader implements Closeable {

    /**
     * Label of the annotation that marks a gap between the data records of an EDF+D/BDF+D file (MNE-Python's name for
     * skipped acquisition; epochs overlapping a {@code BAD_} annotation are rejected there and here).
     */
    public static final String GAP_LABEL = "BAD_ACQ_SKIP";

    private static final int FIXED_HEADER = 256;
    private static final int SIGNAL_HEADER = 256;

    private final Path file;
    private final SeekableByteChannel channel;
    private final EdfHeader header;
    private List<Annotation> annotations;
    private double firstRecordOnset = Double.NaN;
    /** The time-keeping onset of each data record, from its first TAL (EDF+ section 2.2.4). */
    private final Map<Long, Double> recordOnsets = new HashMap<>();
    private static final java.util.regex.Pattern TAL_NUMBER = java.util.regex.Pattern.compile("\\d+(\\.\\d*)?");
    private static final java.util.regex.Pattern TAL_ONSET =
            java.util.regex.Pattern.compile("[+-]\\d+(\\.\\d*)?(\u0015(\\d+(\\.\\d*)?)?)?");

    private EdfReader(Path file, SeekableByteChannel channel, EdfHeader header) {
        this.file = file;
        this.channel = channel;
        this.header = header;
    }

    /** Opens a file and parses its header; the samples stay on disk until asked for. */
    public static EdfReader open(Path file) throws IOException {
        return open(file, FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Opens bytes from any channel ({@code file} names them in errors); closes the channel on failure. */
    static EdfReader open(Path file, SeekableByteChannel ch) throws IOException {
        try {
            EdfHeader header = parseHeader(file, ch);
            return new EdfReader(file, ch, header);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Reads a whole file into a recording: every data signal, the annotations, the exact start time. */
    public static Recording read(Path file) throws IOException {
        try (EdfReader reader = open(file)) {
            return reader.readAll();
        }
    }

    /** Reads a whole recording from any channel, e.g. bytes in memory; {@code file} names it in errors. */
    static Recording read(Path file, SeekableByteChannel ch) throws IOException {
        try (EdfReader reader = open(file, ch)) {
            return reader.readAll();
        }
    }

    public EdfHeader header() {
        return header;
    }

    public Path file() {
        return file;
    }

    /** Indices of the signals that carry samples (not annotations). */
    public List<Integer> dataSignals() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < header.signals().size(); i++) {
            if (!header.signals().get(i).isAnnotation()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Samples of a signal over the whole file. */
    public long sampleCount(int signal) {
        return header.records() * header.signals().get(signal).samplesPerRecord();
    }

    /**
     * Reads {@code count} samples of one signal from sample {@code first}, in physical units, touching only the
     * data records that hold them.
     */
    public float[] readSignal(int signal, long first, int count) throws IOException {
        EdfSignal s = header.signals().get(signal);
        if (s.isAnnotation()) {
            throw new IllegalArgumentException(file + ": signal " + signal + " is an annotation signal");
        }
        long total = sampleCount(signal);
        if (first < 0 || count < 0 || first + count > total) {
            throw new IllegalArgumentException(file + ": samples [" + first + ", " + (first + count) + ") of signal '"
                    + s.label() + "' are outside [0, " + total + ")");
        }
        int perRecord = s.samplesPerRecord();
        int width = header.variant().bytesPerSample();
        double gain = s.gain();
        double offset = s.offset();
        float[] out = new float[count];
        int written = 0;
        ByteBuffer buffer = ByteBuffer.allocate(perRecord * width);
        long signalOffset = header.signalOffsetInRecord(signal);
        while (written < count) {
            long sample = first + written;
            long record = sample / perRecord;
            int within = (int) (sample % perRecord);
            int take = Math.min(perRecord - within, count - written);
            long position = header.headerBytes() + record * header.recordBytes() + signalOffset
                    + (long) within * width;
            buffer.clear().limit(take * width);
            readFully(buffer, position);
            byte[] b = buffer.array();
            for (int i = 0; i < take; i++) {
                int p = i * width;
                int digital = width == 2
                        ? (short) ((b[p] & 0xff) | (b[p + 1] << 8))
                        : (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] << 16);
                out[written + i] = (float) (gain * digital + offset);
            }
            written += take;
        }
        return out;
    }

    /** Reads every data signal and the annotations into a recording. */
    public Recording readAll() throws IOException {
        List<Integer> signals = dataSignals();
        List<ChannelInfo> infos = new ArrayList<>();
        float[][] samples = new float[signals.size()][];
        List<String> labels = uniqueLabels(signals);
        for (int k = 0; k < signals.size(); k++) {
            int i = signals.get(k);
            EdfSignal s = header.signals().get(i);
            if (header.recordDuration() <= 0) {
                throw new FormatException(file, 244, "duration of a data record",
                        "is 0, which only annotation-only files may have, but signal '" + s.label()
                                + "' has samples");
            }
            double rate = header.samplingRate(i);
            if (s.samplesPerRecord() == 0) {
                throw new FormatException(file, FIXED_HEADER + 216L * header.signals().size() + 8L * i,
                        "number of samples in each data record of signal " + i, "'" + s.label()
                                + "' has 0 samples per data record; a data signal needs at least 1");
            }
            if (!Double.isFinite(rate)) {
                throw new FormatException(file, 244, "duration of a data record", header.recordDuration()
                        + " s gives signal '" + s.label() + "' a sampling rate of " + rate + " Hz");
            }
            infos.add(new ChannelInfo(labels.get(k), guessType(s.label()), s.physicalDimension(), rate));
        }
        readAllSignals(signals, samples);
        List<Annotation> notes = annotations();
        if (header.variant().isDiscontinuous() && !signals.isEmpty()) {
            notes = placeDiscontinuousRecords(signals, samples, notes);
        }
        LocalDateTime start = header.start();
        if (!Double.isNaN(firstRecordOnset) && firstRecordOnset > 0 && firstRecordOnset < 1) {
            // EDF+ section 2.2.4: the first time-keeping TAL refines the header's start time below a second.
            start = start.plusNanos(Math.round(firstRecordOnset * 1e9));
        }
        try {
            return new Recording(infos, samples, start, notes);
        } catch (IllegalArgumentException e) {
            // the model's invariants (e.g. every channel spanning the same time) broken by the header
            throw new FormatException(file, -1, "signal headers", e.getMessage());
        }
    }

    /**
     * The onset of each data record in seconds after the file's start time, from its time-keeping TAL (EDF+ section
     * 2.2.4); for EDF, BDF and EDF+C/BDF+C files without annotation signal, record {@code r} starts at
     * {@code r * duration}. Reads only the annotation signals.
     */
    public double[] recordOnsets() throws IOException {
        annotations();
        double[] out = new double[(int) header.records()];
        for (int r = 0; r < out.length; r++) {
            Double onset = recordOnsets.get((long) r);
            out[r] = onset != null ? onset : (Double.isNaN(firstRecordOnset) ? 0 : firstRecordOnset)
                    + r * header.recordDuration();
        }
        return out;
    }

    /**
     * EDF+D/BDF+D (EDF+ section 2.1.3.2): data records are not contiguous; each starts at its time-keeping TAL's
     * onset. We place each record's samples at that time on one continuous time line and fill every gap with zeros,
     * marked by a {@link #GAP_LABEL} annotation spanning the gap, so that sample times and annotation onsets stay
     * true. (MNE-Python 1.3 reads EDF+D as if contiguous; for files without gaps, such as the Nihon Kohden export in
     * the reference data, both agree.) Records must follow each other in time without overlap; the positions are
     * rounded to the nearest sample of each signal. {@code samples} is replaced row by row.
     */
    private List<Annotation> placeDiscontinuousRecords(List<Integer> signals, float[][] samples,
                                                      List<Annotation> notes) throws IOException {
        double[] onsets = recordOnsets();
        if (onsets.length == 0) {
            return notes;
        }
        double duration = header.recordDuration();
        double period = Double.POSITIVE_INFINITY;
        for (int i : signals) {
            period = Math.min(period, 1 / header.samplingRate(i));
        }
        List<Annotation> out = new ArrayList<>(notes);
        double[] starts = new double[onsets.length];
        boolean gaps = false;
        for (int r = 0; r < onsets.length; r++) {
            starts[r] = onsets[r] - onsets[0];
            if (r > 0) {
                double previousEnd = starts[r - 1] + duration;
                if (starts[r] < previousEnd - period / 2) {
                    throw new FormatException(file, header.headerBytes() + r * header.recordBytes()
                            + firstAnnotationOffset(), "EDF Annotations", "data record " + r + " starts at +"
                            + onsets[r] + " s, before data record " + (r - 1) + " ends at +" + (onsets[0]
                            + previousEnd) + " s; EDF+D records must follow each other in time without overlap");
                }
                if (starts[r] > previousEnd + period / 2) {
                    gaps = true;
                    out.add(new Annotation(previousEnd, starts[r] - previousEnd, GAP_LABEL));
                }
            }
        }
        if (!gaps) {
            return notes;
        }
        for (int k = 0; k < signals.size(); k++) {
            int per = header.signals().get(signals.get(k)).samplesPerRecord();
            double rate = header.samplingRate(signals.get(k));
            long total = Math.round((starts[starts.length - 1] + duration) * rate);
            if (total > Integer.MAX_VALUE - 8) {
                throw new FormatException(file, -1, "EDF Annotations", "the records' onsets span " + total
                        + " samples of signal '" + header.signals().get(signals.get(k)).label()
                        + "', more than one array holds");
            }
            float[] placed = new float[(int) total];
            for (int r = 0; r < starts.length; r++) {
                int at = (int) Math.min(Math.round(starts[r] * rate), total - per);
                System.arraycopy(samples[k], r * per, placed, at, per);
            }
            samples[k] = placed;
        }
        out.sort((a, b) -> Double.compare(a.onset(), b.onset()));
        return out;
    }

    private long firstAnnotationOffset() {
        for (int i = 0; i < header.signals().size(); i++) {
            if (header.signals().get(i).isAnnotation()) {
                return header.signalOffsetInRecord(i);
            }
        }
        return 0;
    }

    /** Reads all data signals record by record in large sequential blocks. */
    private void readAllSignals(List<Integer> signals, float[][] samples) throws IOException {
        int width = header.variant().bytesPerSample();
        long records = header.records();
        if (records == 0) {
            for (int k = 0; k < signals.size(); k++) {
                samples[k] = new float[0];
            }
            return;
        }
        for (int k = 0; k < signals.size(); k++) {
            long n = sampleCount(signals.get(k));
            if (n > Integer.MAX_VALUE - 8) {
                throw new FormatException(file, -1, "number of data records", "signal '"
                        + header.signals().get(signals.get(k)).label() + "' has " + n
                        + " samples, more than one array holds; read it in ranges with readSignal");
            }
            samples[k] = new float[(int) n];
        }
        long recordBytes = header.recordBytes();
        int recordsPerBlock = (int) Math.max(1, Math.min(records, (8L << 20) / Math.max(1, recordBytes)));
        ByteBuffer block = ByteBuffer.allocate((int) (recordsPerBlock * recordBytes));
        long[] signalOffsets = new long[header.signals().size()];
        for (int i = 0; i < signalOffsets.length; i++) {
            signalOffsets[i] = header.signalOffsetInRecord(i);
        }
        for (long r0 = 0; r0 < records; r0 += recordsPerBlock) {
            int count = (int) Math.min(recordsPerBlock, records - r0);
            block.clear().limit((int) (count * recordBytes));
            readFully(block, header.headerBytes() + r0 * recordBytes);
            byte[] b = block.array();
            for (int k = 0; k < signals.size(); k++) {
                int i = signals.get(k);
                EdfSignal s = header.signals().get(i);
                double gain = s.gain();
                double offset = s.offset();
                int perRecord = s.samplesPerRecord();
                float[] out = samples[k];
                for (int r = 0; r < count; r++) {
                    int p = (int) (r * recordBytes + signalOffsets[i]);
                    int dst = (int) ((r0 + r) * perRecord);
                    for (int j = 0; j < perRecord; j++, p += width) {
                        int digital = width == 2
                                ? (short) ((b[p] & 0xff) | (b[p + 1] << 8))
                                : (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] << 16);
                        out[dst + j] = (float) (gain * digital + offset);
                    }
                }
            }
        }
    }

    /**
     * The annotations of all annotation signals, onsets relative to the recording's start (the first data record's
     * onset), sorted by onset. The time-keeping TAL that opens each record is not an annotation.
     */
    public List<Annotation> annotations() throws IOException {
        if (annotations != null) {
            return annotations;
        }
        List<Integer> annotationSignals = new ArrayList<>();
        for (int i = 0; i < header.signals().size(); i++) {
            if (header.signals().get(i).isAnnotation()) {
                annotationSignals.add(i);
            }
        }
        List<double[]> times = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (!annotationSignals.isEmpty() && header.records() > 0) {
            int width = header.variant().bytesPerSample();
            // Read only the bytes of the annotation signals in each record, not the samples around them.
            long spanStart = Long.MAX_VALUE;
            long spanEnd = 0;
            for (int i : annotationSignals) {
                spanStart = Math.min(spanStart, header.signalOffsetInRecord(i));
                spanEnd = Math.max(spanEnd, header.signalOffsetInRecord(i)
                        + (long) header.signals().get(i).samplesPerRecord() * width);
            }
            ByteBuffer span = ByteBuffer.allocate((int) (spanEnd - spanStart));
            for (long r = 0; r < header.records(); r++) {
                span.clear();
                long spanPosition = header.headerBytes() + r * header.recordBytes() + spanStart;
                readFully(span, spanPosition);
                boolean first = true;
                for (int i : annotationSignals) {
                    int off = (int) (header.signalOffsetInRecord(i) - spanStart);
                    int len = header.signals().get(i).samplesPerRecord() * width;
                    parseTals(span.array(), off, len, spanPosition, first, r, times, texts);
                    first = false;
                }
            }
        }
        double origin = Double.isNaN(firstRecordOnset) ? 0 : firstRecordOnset;
        List<Annotation> out = new ArrayList<>();
        for (int k = 0; k < times.size(); k++) {
            out.add(new Annotation(times.get(k)[0] - origin, times.get(k)[1], texts.get(k)));
        }
        out.sort((a, b) -> Double.compare(a.onset(), b.onset()));
        annotations = List.copyOf(out);
        return annotations;
    }

    /**
     * Parses the TALs of one annotation signal in one data record (EDF+ section 2.2.2: {@code +onset[0x15 duration]
     * 0x14 text 0x14 ... 0x00}, the rest of the signal 0x00 padding). The first TAL of the first annotation signal is
     * the record's time-keeping TAL (section 2.2.4); its onset is the record's start.
     *
     * <p>Writer quirk: Nihon Kohden exports omit the 0 byte after the time-keeping TAL
     * ({@code +1.000000 0x14 0x14 +1.140000 0x14 A1+A2 OFF 0x14}). An empty text (two 0x14 in a row) followed by a
     * well-formed onset cannot be annotation text, so it is read as the start of the next TAL.
     */
    private void parseTals(byte[] b, int off, int len, long fileOffset, boolean firstSignal, long record,
                           List<double[]> times, List<String> texts) throws FormatException {
        int end = off + len;
        int p = off;
        boolean timekeeping = firstSignal;
        while (p < end) {
            if (b[p] == 0) {
                // Padding: an annotation signal may hold no TAL in this record, or end in zeros.
                p++;
                continue;
            }
            int talStart = p;
            int talEnd = p;
            while (talEnd < end && b[talEnd] != 0) {
                talEnd++;
            }
            if (talEnd == end) {
                throw new FormatException(file, fileOffset + talStart, "EDF Annotations",
                        "time-stamped annotation list in data record " + record + " is not terminated by a 0 byte");
            }
            // onset [0x15 duration] 0x14 [text 0x14]*
            int q = talStart;
            while (q < talEnd && b[q] != 0x14 && b[q] != 0x15) {
                q++;
            }
            String onsetText = ascii(b, talStart, q);
            double onset = parseTalNumber(onsetText, fileOffset + talStart, "onset", true);
            double duration = 0;
            if (q < talEnd && b[q] == 0x15) {
                int d = ++q;
                while (q < talEnd && b[q] != 0x14) {
                    q++;
                }
                String durationText = ascii(b, d, q);
                duration = durationText.isEmpty() ? 0
                        : parseTalNumber(durationText, fileOffset + d, "duration", false);
            }
            if (q >= talEnd || b[q] != 0x14) {
                throw new FormatException(file, fileOffset + q, "EDF Annotations",
                        "expected byte 20 after the onset of a time-stamped annotation list");
            }
            if (timekeeping) {
                recordOnsets.put(record, onset);
                if (record == 0) {
                    firstRecordOnset = onset;
                }
                timekeeping = false;
            }
            q++;
            boolean previousEmpty = false;
            while (q < talEnd) {
                int t = q;
                while (q < talEnd && b[q] != 0x14) {
                    q++;
                }
                String text = utf8(b, t, q, fileOffset + t);
                q++;
                if (previousEmpty && TAL_ONSET.matcher(text).matches()) {
                    int split = text.indexOf('\u0015');
                    onset = parseTalNumber(split < 0 ? text : text.substring(0, split), fileOffset + t, "onset", true);
                    duration = split < 0 || split == text.length() - 1 ? 0
                            : parseTalNumber(text.substring(split + 1), fileOffset + t + split + 1, "duration", false);
                    previousEmpty = false;
                    continue;
                }
                previousEmpty = text.isEmpty();
                if (!text.isEmpty()) {
                    times.add(new double[] {onset, duration});
                    texts.add(text);
                }
            }
            p = talEnd;
        }
    }

    private double parseTalNumber(String text, long offset, String what, boolean signed) throws FormatException {
        if (signed && (text.isEmpty() || (text.charAt(0) != '+' && text.charAt(0) != '-'))) {
            throw new FormatException(file, offset, "EDF Annotations", "annotation " + what + " '" + text
                    + "' must start with + or -");
        }
        // EDF+ section 2.2.2: onset "+" or "-" then digits with an optional fraction; duration without sign
        if (!TAL_NUMBER.matcher(signed ? text.substring(1) : text).matches()) {
            throw new FormatException(file, offset, "EDF Annotations", "annotation " + what + " '" + text
                    + "' is not a number of seconds (digits, optionally '.' and more digits)");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new FormatException(file, offset, "EDF Annotations", "annotation " + what + " '" + text
                    + "' is too large");
        }
        return v;
    }

    private String utf8(byte[] b, int from, int to, long offset) throws FormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(file, offset, "EDF Annotations",
                    "annotation text is not valid UTF-8 as EDF+ requires (section 2.2.2)");
        }
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1).trim();
    }

    private List<String> uniqueLabels(List<Integer> signals) {
        // Duplicate labels get -0, -1, ... suffixes in file order, as MNE-Python names them.
        Map<String, Integer> counts = new HashMap<>();
        for (int i : signals) {
            counts.merge(label(i), 1, Integer::sum);
        }
        Map<String, Integer> next = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i : signals) {
            String label = label(i);
            if (counts.get(label) > 1) {
                int k = next.merge(label, 1, Integer::sum) - 1;
                out.add(label + "-" + k);
            } else {
                out.add(label);
            }
        }
        return out;
    }

    /** A signal's label; a blank one becomes "Channel n" (1-based), as the GDF reader names them. */
    private String label(int i) {
        String label = header.signals().get(i).label();
        return label.isBlank() ? "Channel " + (i + 1) : label;
    }

    /** A channel type from the label conventions of EDF (EDF+ section 2.1.3.1: "EEG Fpz-Cz", "EOG ..."). */
    public static ChannelType guessType(String label) {
        String l = label.toUpperCase(Locale.ROOT);
        if (l.startsWith("EOG")) {
            return ChannelType.EOG;
        }
        if (l.startsWith("EMG")) {
            return ChannelType.EMG;
        }
        if (l.startsWith("STATUS") || l.startsWith("TRIGGER") || l.startsWith("STI")) {
            return ChannelType.STIM;
        }
        if (l.startsWith("ECG") || l.startsWith("EKG") || l.startsWith("RESP") || l.startsWith("TEMP")
                || l.startsWith("SAO2") || l.startsWith("EVENT")) {
            return ChannelType.MISC;
        }
        return ChannelType.EEG;
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        Channels.readFully(file, channel, buffer, position, "data record", "file ends early");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---------------------------------------------------------------- header

    private static EdfHeader parseHeader(Path file, SeekableByteChannel ch) throws IOException {
        long size = ch.size();
        if (size < FIXED_HEADER) {
            throw new FormatException(file, 0, "header", "file is " + size
                    + " bytes; an EDF/BDF header alone is at least 256 bytes");
        }
        ByteBuffer fixed = ByteBuffer.allocate(FIXED_HEADER);
        read(ch, fixed, 0, file);
        byte[] h = fixed.array();
        boolean bdf;
        if ((h[0] & 0xff) == 0xff && new String(h, 1, 7, StandardCharsets.ISO_8859_1).equals("BIOSEMI")) {
            bdf = true;
        } else if (field(h, 0, 8).equals("0")) {
            bdf = false;
        } else {
            throw new FormatException(file, 0, "version", "expected '0' (EDF) or 0xFF 'BIOSEMI' (BDF), found '"
                    + field(h, 0, 8) + "'");
        }
        String patient = field(h, 8, 80);
        String recording = field(h, 88, 80);
        String reserved = field(h, 192, 44);
        EdfVariant variant;
        if (reserved.startsWith("EDF+C") || reserved.startsWith("BDF+C")) {
            variant = bdf ? EdfVariant.BDF_PLUS_C : EdfVariant.EDF_PLUS_C;
        } else if (reserved.startsWith("EDF+D") || reserved.startsWith("BDF+D")) {
            variant = bdf ? EdfVariant.BDF_PLUS_D : EdfVariant.EDF_PLUS_D;
        } else {
            variant = bdf ? EdfVariant.BDF : EdfVariant.EDF;
        }
        LocalDateTime start = parseStart(file, h, recording, variant.isPlus());
        int headerBytes = (int) parseNumber(file, h, 0, 184, 8, "number of bytes in header record", true);
        long records = (long) parseNumber(file, h, 0, 236, 8, "number of data records", true);
        double duration = parseNumber(file, h, 0, 244, 8, "duration of a data record", false);
        int ns = (int) parseNumber(file, h, 0, 252, 4, "number of signals", true);
        if (ns < 0) {
            throw new FormatException(file, 252, "number of signals", "must be >= 0, found " + ns);
        }
        if (!(duration >= 0) || !Double.isFinite(duration)) {
            throw new FormatException(file, 244, "duration of a data record", "must be a finite number of seconds "
                    + ">= 0, found " + duration);
        }
        long expectedHeader = FIXED_HEADER + (long) SIGNAL_HEADER * ns;
        if (headerBytes != expectedHeader) {
            throw new FormatException(file, 184, "number of bytes in header record", "is " + headerBytes
                    + " but " + ns + " signals need 256 * (1 + " + ns + ") = " + expectedHeader);
        }
        if (size < expectedHeader) {
            throw new FormatException(file, size, "signal headers", "file is " + size + " bytes but the headers of "
                    + ns + " signals end at byte " + expectedHeader);
        }
        ByteBuffer signalHeader = ByteBuffer.allocate(SIGNAL_HEADER * ns);
        read(ch, signalHeader, FIXED_HEADER, file);
        byte[] s = signalHeader.array();
        List<EdfSignal> signals = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            String label = field(s, 16 * i, 16);
            String transducer = field(s, 16 * ns + 80 * i, 80);
            String unit = field(s, 96 * ns + 8 * i, 8);
            double physMin = parseNumber(file, s, FIXED_HEADER, 104 * ns + 8 * i, 8, "physical minimum of signal " + i, false);
            double physMax = parseNumber(file, s, FIXED_HEADER, 112 * ns + 8 * i, 8, "physical maximum of signal " + i, false);
            int digMin = (int) parseNumber(file, s, FIXED_HEADER, 120 * ns + 8 * i, 8, "digital minimum of signal " + i, true);
            int digMax = (int) parseNumber(file, s, FIXED_HEADER, 128 * ns + 8 * i, 8, "digital maximum of signal " + i, true);
            String prefiltering = field(s, 136 * ns + 80 * i, 80);
            int perRecord = (int) parseNumber(file, s, FIXED_HEADER, 216 * ns + 8 * i, 8,
                    "number of samples in each data record of signal " + i, true);
            if (digMax <= digMin) {
                throw new FormatException(file, FIXED_HEADER + 128L * ns + 8L * i, "digital maximum of signal " + i,
                        "'" + label + "': digital maximum " + digMax + " must exceed digital minimum " + digMin);
            }
            if (!Double.isFinite(physMin)) {
                throw new FormatException(file, FIXED_HEADER + 104L * ns + 8L * i, "physical minimum of signal " + i,
                        "'" + label + "': expected a finite number, found " + physMin);
            }
            if (!Double.isFinite(physMax)) {
                throw new FormatException(file, FIXED_HEADER + 112L * ns + 8L * i, "physical maximum of signal " + i,
                        "'" + label + "': expected a finite number, found " + physMax);
            }
            if (!Double.isFinite(physMax - physMin)) {
                throw new FormatException(file, FIXED_HEADER + 112L * ns + 8L * i, "physical maximum of signal " + i,
                        "'" + label + "': physical range " + physMin + " to " + physMax + " overflows");
            }
            if (physMax == physMin) {
                throw new FormatException(file, FIXED_HEADER + 112L * ns + 8L * i, "physical maximum of signal " + i,
                        "'" + label + "': physical maximum equals physical minimum (" + physMin + ")");
            }
            if (perRecord < 0) {
                throw new FormatException(file, FIXED_HEADER + 216L * ns + 8L * i,
                        "number of samples in each data record of signal " + i, "must be >= 0, found " + perRecord);
            }
            signals.add(new EdfSignal(label, transducer, unit, physMin, physMax, digMin, digMax, prefiltering,
                    perRecord));
        }
        EdfHeader header = new EdfHeader(variant, patient, recording, start, headerBytes, records, duration, signals);
        long recordBytes = header.recordBytes();
        long available = size - headerBytes;
        if (records < 0) {
            // -1: the recording was still running when the header was written (EDF section 2.1.1).
            if (records != -1) {
                throw new FormatException(file, 236, "number of data records", "must be >= 0 or -1, found "
                        + records);
            }
            if (recordBytes == 0) {
                throw new FormatException(file, 236, "number of data records",
                        "is -1 (unknown) and data records are empty, so the count cannot be derived");
            }
            if (available % recordBytes != 0) {
                throw new FormatException(file, size, "data record", "the number of data records is -1 (unknown) "
                        + "and the file ends inside a data record: " + (available % recordBytes) + " of "
                        + recordBytes + " bytes after " + available / recordBytes + " whole records");
            }
            header = new EdfHeader(variant, patient, recording, start, headerBytes, available / recordBytes,
                    duration, signals);
        } else if (recordBytes > 0 && records > available / recordBytes) {
            throw new FormatException(file, size, "data record", "the header declares " + records
                    + " data records of " + recordBytes + " bytes but only " + available + " bytes ("
                    + available / recordBytes + " whole records) follow the header: the file is truncated");
        } else if (available > records * recordBytes) {
            // Surplus bytes mean the header's sizes disagree with the file: reading on would misplace samples.
            long end = headerBytes + records * recordBytes;
            throw new FormatException(file, end, "number of data records", "the header declares " + records
                    + " data records of " + recordBytes + " bytes, ending at byte " + end + ", but the file has "
                    + (size - end) + " more bytes; the record count or a signal's samples per record is wrong");
        }
        return header;
    }

    private static LocalDateTime parseStart(Path file, byte[] h, String recording, boolean plus)
            throws FormatException {
        String date = field(h, 168, 8);
        String time = field(h, 176, 8);
        if (!date.matches("\\d\\d\\.\\d\\d\\.\\d\\d")) {
            throw new FormatException(file, 168, "startdate of recording", "expected dd.mm.yy, found '" + date + "'");
        }
        if (!time.matches("\\d\\d[.:]\\d\\d[.:]\\d\\d")) {
            throw new FormatException(file, 176, "starttime of recording", "expected hh.mm.ss, found '" + time + "'");
        }
        int day = Integer.parseInt(date.substring(0, 2));
        int month = Integer.parseInt(date.substring(3, 5));
        int yy = Integer.parseInt(date.substring(6, 8));
        // EDF's clipping date: 85-99 are 1985-1999, 00-84 are 2000-2084 (EDF+ section 2.1.3.3).
        int year = yy >= 85 ? 1900 + yy : 2000 + yy;
        if (plus && recording.startsWith("Startdate ")) {
            // EDF+ repeats the date with a four-digit year: "Startdate 02-MAR-2002 ...".
            String[] parts = recording.split(" ");
            if (parts.length > 1 && parts[1].matches("\\d\\d-[A-Za-z]{3}-\\d{4}")) {
                year = Integer.parseInt(parts[1].substring(7, 11));
            }
        }
        try {
            return LocalDateTime.of(year, Month.of(month), day, Integer.parseInt(time.substring(0, 2)),
                    Integer.parseInt(time.substring(3, 5)), Integer.parseInt(time.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new FormatException(file, 168, "startdate of recording", "'" + date + " " + time
                    + "' is not a valid date and time: " + e.getMessage());
        }
    }

    /** Parses a numeric header field; {@code b} starts at {@code base} in the file. */
    private static double parseNumber(Path file, byte[] b, long base, int offset, int length, String field,
                                      boolean integer) throws FormatException {
        String text = field(b, offset, length);
        long fileOffset = base + offset;
        try {
            if (integer) {
                return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            }
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new FormatException(file, fileOffset, field, "expected " + (integer ? "an integer" : "a number")
                    + ", found '" + text + "'");
        }
    }

    private static String field(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1).trim();
    }

    private static void read(SeekableByteChannel ch, ByteBuffer buffer, long position, Path file) throws IOException {
        Channels.readFully(file, ch, buffer, position, "header", "file ends inside the header");
    }
}
