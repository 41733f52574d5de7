package org.mistudio.acquisition.io.xdf;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.mistudio.acquisition.io.FormatException;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

/**
 * A whole XDF file: its header and every stream, plus the conversion to MI Studio's data model.
 *
 * <p><b>Conversion.</b> Each numeric stream becomes one {@link Recording}:
 * <ul>
 * <li>Channels: labels, units and types from {@code desc/channels/channel} (labels made unique by appending
 * {@code -2}, {@code -3}, ...); the type is the channel's {@code <type>}, else the stream's, mapped to EEG/EOG/EMG,
 * STIM ({@code stim}, {@code trigger}, {@code markers}), otherwise MISC. Units are kept as written, except that
 * {@code microvolts}/{@code µV} become {@code uV}.</li>
 * <li>Sampling rate: the nominal rate for regular streams. Irregular numeric streams (nominal rate 0) get their
 * mean rate {@code (n-1)/(last-first)} (1 Hz when it cannot be computed), so sample positions in the Recording
 * are only approximate for them; their exact time stamps are in {@link XdfStream#timestamps()}.</li>
 * <li>Time zero is the stream's first (synchronised, dejittered) time stamp; for an empty stream, the earliest
 * first time stamp of any stream (0 when no stream has samples).</li>
 * <li>Start time: XDF stores times on LSL's clock (seconds since an arbitrary, per-host origin, usually boot), and
 * {@code created_at} is on that clock too, so neither is a calendar date. When the FileHeader has a
 * {@code <datetime>} (ISO 8601, as LabRecorder writes), the start is that date-time (its local part) plus the
 * stream's time zero minus the earliest time zero of all streams. Otherwise the start is
 * {@code 1970-01-01T00:00} plus the time zero in seconds: no real date, but differences between the streams'
 * starts are right.</li>
 * <li>Annotations: every marker stream ({@link XdfStream#isMarker()}: string streams and irregular numeric
 * streams) other than the stream itself, one annotation per sample, onset = marker time stamp - time zero,
 * duration 0, label = {@link XdfStream#sampleText(int)}, sorted by onset.</li>
 * </ul>
 *
 * @param file     where it was read from
 * @param version  the FileHeader's {@code <version>}
 * @param datetime the FileHeader's {@code <datetime>}, empty when absent
 * @param streams  the streams in the order of their StreamHeader chunks
 */
public record XdfFile(Path file, String version, String datetime, List<XdfStream> streams) {

    private static final LocalDateTime NO_DATE = LocalDateTime.of(1970, 1, 1, 0, 0);

    public XdfFile {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(datetime, "datetime");
        streams = List.copyOf(streams);
    }

    /** The first stream with this name. */
    public Optional<XdfStream> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<XdfStream> numericStreams() {
        return streams.stream().filter(XdfStream::isNumeric).toList();
    }

    public List<XdfStream> markerStreams() {
        return streams.stream().filter(XdfStream::isMarker).toList();
    }

    /** One recording per numeric stream, in stream order, each with the annotations of all marker streams. */
    public List<Recording> toRecordings() {
        List<Recording> out = new ArrayList<>();
        for (XdfStream s : numericStreams()) {
            out.add(toRecording(s));
        }
        return out;
    }

    /**
     * The recording {@code RecordingFiles.read} gives for an XDF file: the first numeric stream of type EEG that has
     * samples, else the first numeric stream with samples, else the first numeric stream.
     *
     * @throws FormatException when the file has no numeric stream
     */
    public Recording primaryRecording() throws FormatException {
        List<XdfStream> numeric = numericStreams();
        if (numeric.isEmpty()) {
            throw new FormatException(file, -1, "streams", "no numeric stream (only string/marker streams: "
                    + streams.stream().map(XdfStream::name).toList() + "); nothing to read as a recording");
        }
        for (XdfStream s : numeric) {
            if (s.type().equalsIgnoreCase("EEG") && s.sampleCount() > 0) {
                return toRecording(s);
            }
        }
        for (XdfStream s : numeric) {
            if (s.sampleCount() > 0) {
                return toRecording(s);
            }
        }
        return toRecording(numeric.get(0));
    }

    /** The time zero of a stream's recording: its first time stamp, or the file's earliest one when it is empty. */
    public double timeZero(XdfStream s) {
        if (s.sampleCount() > 0) {
            return s.timestamps()[0];
        }
        double earliest = earliestFirstTimestamp();
        return Double.isNaN(earliest) ? 0 : earliest;
    }

    private double earliestFirstTimestamp() {
        double earliest = Double.NaN;
        for (XdfStream o : streams) {
            if (o.sampleCount() > 0 && !(o.timestamps()[0] >= earliest)) {
                earliest = o.timestamps()[0];
            }
        }
        return earliest;
    }

    /** A numeric stream as a recording (see the class comment for the rules). */
    public Recording toRecording(XdfStream s) {
        if (!s.isNumeric()) {
            throw new IllegalArgumentException("stream '" + s.name() + "' holds strings; only numeric streams are "
                    + "recordings (its samples become annotations)");
        }
        int n = s.sampleCount();
        double rate = s.nominalRate();
        if (rate <= 0) {
            double span = n > 1 ? s.timestamps()[n - 1] - s.timestamps()[0] : 0;
            rate = span > 0 ? (n - 1) / span : 1.0;
        }
        List<ChannelInfo> infos = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (XdfChannel ch : s.channels()) {
            String label = ch.label().isBlank() ? "ch" + (infos.size() + 1) : ch.label();
            String unique = label;
            for (int k = 2; !used.add(unique); k++) {
                unique = label + "-" + k;
            }
            String typeName = ch.type().isBlank() ? s.type() : ch.type();
            infos.add(new ChannelInfo(unique, channelType(typeName), unit(ch.unit()), rate));
        }
        double zero = timeZero(s);
        List<Annotation> annotations = new ArrayList<>();
        for (XdfStream m : streams) {
            if (m == s || !m.isMarker()) {
                continue;
            }
            for (int k = 0; k < m.sampleCount(); k++) {
                annotations.add(new Annotation(m.timestamps()[k] - zero, 0, m.sampleText(k)));
            }
        }
        annotations.sort(Comparator.comparingDouble(Annotation::onset));
        return new Recording(infos, s.numericSamples(), start(zero), annotations);
    }

    private LocalDateTime start(double zero) {
        LocalDateTime base = headerDateTime();
        if (base != null) {
            double earliest = earliestFirstTimestamp();
            return plusSeconds(base, Double.isNaN(earliest) ? 0 : zero - earliest);
        }
        return plusSeconds(NO_DATE, zero);
    }

    private static LocalDateTime plusSeconds(LocalDateTime t, double seconds) {
        return t.plusNanos(Math.round(seconds * 1e9));
    }

    /** The FileHeader's datetime as local date-time, or null when absent or not ISO 8601. */
    LocalDateTime headerDateTime() {
        String d = datetime.trim();
        if (d.isEmpty()) {
            return null;
        }
        // LabRecorder writes e.g. 2019-05-14T14:13:35+0200
        for (String pattern : new String[] {"yyyy-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]XXX",
                "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]XX"}) {
            try {
                return OffsetDateTime.parse(d, DateTimeFormatter.ofPattern(pattern, Locale.ROOT)).toLocalDateTime();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return LocalDateTime.parse(d);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static ChannelType channelType(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "eeg":
                return ChannelType.EEG;
            case "eog":
                return ChannelType.EOG;
            case "emg":
                return ChannelType.EMG;
            case "stim":
            case "trigger":
            case "markers":
                return ChannelType.STIM;
            default:
                return ChannelType.MISC;
        }
    }

    static String unit(String unit) {
        String u = unit.trim();
        if (u.equalsIgnoreCase("microvolts") || u.equals("µV") || u.equals("μV")) {
            return "uV";
        }
        return u;
    }
}
