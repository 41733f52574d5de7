package org.mistudio.acquisition.lsl.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.io.edf.EdfStreamWriter;
import org.mistudio.acquisition.io.edf.EdfVariant;
import org.mistudio.acquisition.lsl.ChannelFormat;
import org.mistudio.acquisition.lsl.LslChannel;
import org.mistudio.acquisition.lsl.LslClock;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.lsl.Sample;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.lsl.StreamInlet;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;

/**
 * Records a regular numeric LSL stream (and optionally a string or integer marker stream) to EDF+C or BDF+C as the
 * samples arrive, through {@link EdfStreamWriter}: every completed data record is forced to disk and counted in the
 * header, so killing the recorder at any moment leaves a readable file holding every record completed by then.
 *
 * <p>Time axis: the first recorded EEG sample is at 0 s; sample {@code i} at {@code i / srate}. Both inlets'
 * time corrections are applied (the recorder waits for the first estimates and discards EEG samples that arrived
 * before; markers are corrected as they are pulled), and a marker's onset is its corrected timestamp minus the
 * first EEG sample's. Markers older than the first sample are
 * dropped. When the EEG inlet reports a gap (the outlet was lost and came back), the missing span (from the
 * timestamps) is filled with zeros and annotated {@value EdfReader#GAP_LABEL}, so the time axis stays right.
 */
public final class LslRecorder implements Closeable {
    /** Recording options: file variant, physical range of every channel, data record duration. */
    public record Options(EdfVariant variant, double physicalMin, double physicalMax, double recordSeconds,
            double durationSeconds) {
        /** BDF+ for {@code .bdf} files, EDF+ otherwise; ±3276.7 (EDF, 0.1 step) or ±262143 (BDF) units; 1 s records. */
        public static Options forFile(Path out) {
            boolean bdf = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".bdf");
            return bdf ? new Options(EdfVariant.BDF_PLUS_C, -262143, 262143, 1, 0)
                    : new Options(EdfVariant.EDF_PLUS_C, -3276.8, 3276.7, 1, 0);
        }

        public Options withRange(double min, double max) {
            return new Options(variant, min, max, recordSeconds, durationSeconds);
        }

        /** Stop after this many seconds of data (0: until closed). */
        public Options withDuration(double seconds) {
            return new Options(variant, physicalMin, physicalMax, recordSeconds, seconds);
        }
    }

    private final Path out;
    private final Options options;
    private final StreamInlet eeg;
    private final StreamInlet markers;
    private final StreamInfo eegInfo;
    private final double rate;
    private final List<ChannelInfo> channels;
    private final Thread thread;
    private final List<Sample> earlyMarkers = new ArrayList<>();
    private volatile LongConsumer onRecord = r -> { };
    private volatile boolean stop;
    private volatile IOException failure;
    private volatile EdfStreamWriter writer;
    private double t0 = Double.NaN;
    private double markerCorrection;
    private long markersWritten;
    private long markersDropped;
    private long gapsFilled;
    /** Counted down once when the stream or recording ends by itself. */
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

    private LslRecorder(LslConfig config, StreamInfo eegStream, StreamInfo markerStream, Path out, Options options)
            throws IOException {
        if (eegStream.nominalSrate() <= 0) {
            throw new IllegalArgumentException("stream " + eegStream.name() + " is irregular; only regular streams "
                    + "can be recorded as EDF");
        }
        if (eegStream.format() == ChannelFormat.STRING) {
            throw new IllegalArgumentException("stream " + eegStream.name() + " carries strings, not samples");
        }
        this.out = out;
        this.options = options;
        this.rate = eegStream.nominalSrate();
        this.eeg = StreamInlet.open(eegStream, config, true);
        StreamInlet m = null;
        try {
            // markers are corrected here, with the inlet's current estimate, so none needs to be discarded
            m = markerStream == null ? null : StreamInlet.open(markerStream, config, false);
            this.eegInfo = eeg.info();
            this.channels = channelInfos(eegInfo);
            waitForCorrection(eeg);
            if (m != null) {
                waitForCorrection(m);
            }
            eeg.pullChunk(Integer.MAX_VALUE); // stamped before the correction was known
        } catch (IOException | RuntimeException e) {
            eeg.close();
            if (m != null) {
                m.close();
            }
            throw e;
        }
        this.markers = m;
        thread = new Thread(this::loop, "lsl-recorder-" + eegStream.name());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts recording {@code eegStream} (and {@code markerStream} if not null) to {@code out}; returns once both
     * inlets are connected and time-corrected. Samples pushed from then on are recorded.
     */
    public static LslRecorder start(LslConfig config, StreamInfo eegStream, StreamInfo markerStream, Path out,
            Options options) throws IOException {
        return new LslRecorder(config, eegStream, markerStream, out, options);
    }

    /** Called with the number of data records on disk after each record is completed (on the recorder thread). */
    public LslRecorder onRecord(LongConsumer listener) {
        this.onRecord = listener;
        return this;
    }

    private static void waitForCorrection(StreamInlet inlet) throws IOException {
        try {
            inlet.timeCorrection(10_000);
        } catch (TimeoutException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the time correction", e);
        }
    }

    /** Channel infos for a stream: its labels made unique and at most 16 ASCII characters, units (uV where none). */
    public static List<ChannelInfo> channelInfos(StreamInfo info) {
        List<ChannelInfo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<LslChannel> chans = info.channels();
        for (int c = 0; c < info.channelCount(); c++) {
            String label = c < chans.size() ? ascii(chans.get(c).label()) : "";
            if (label.isBlank()) {
                label = "Ch" + (c + 1);
            }
            if (label.length() > 16) {
                label = label.substring(0, 16);
            }
            String base = label;
            for (int k = 2; !seen.add(label); k++) {
                String suffix = "_" + k;
                label = base.substring(0, Math.min(base.length(), 16 - suffix.length())) + suffix;
            }
            String unit = c < chans.size() ? ascii(chans.get(c).unit()) : "";
            if (unit.isEmpty() || unit.length() > 8) {
                unit = "uV";
            }
            String type = c < chans.size() ? chans.get(c).type() : "";
            ChannelType t = type.isBlank() ? EdfReader.guessType(label) : typeOf(type, label);
            out.add(new ChannelInfo(label, t, unit, info.nominalSrate()));
        }
        return out;
    }

    private static ChannelType typeOf(String lslType, String label) {
        try {
            return ChannelType.valueOf(lslType.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return EdfReader.guessType(label);
        }
    }

    private static String ascii(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch >= 32 && ch < 127) {
                b.append(ch);
            }
        }
        return b.toString().trim();
    }

    // ---------------------------------------------------------------- recording

    private void loop() {
        try {
            long limit = options.durationSeconds() > 0 ? Math.round(options.durationSeconds() * rate) : Long.MAX_VALUE;
            while (!stop) {
                Sample first = eeg.pullSample(20);
                if (first != null) {
                    List<Sample> batch = new ArrayList<>();
                    batch.add(first);
                    batch.addAll(eeg.pullChunk(4096));
                    for (Sample s : batch) {
                        if (writer != null && writer.frameCount() >= limit) {
                            break;
                        }
                        write(s);
                    }
                }
                if (markers != null) {
                    for (Sample s : markers.pullChunk(1024)) {
                        marker(s);
                    }
                }
                if (writer != null && writer.frameCount() >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            finished.countDown();
        }
    }

    private void write(Sample s) throws IOException {
        if (writer == null) {
            t0 = s.timestamp();
            int n = channels.size();
            double[] lo = new double[n];
            double[] hi = new double[n];
            java.util.Arrays.fill(lo, options.physicalMin());
            java.util.Arrays.fill(hi, options.physicalMax());
            LocalDateTime start = LocalDateTime.now().minusNanos((long) ((LslClock.now() - t0) * 1e9));
            writer = new EdfStreamWriter(out, options.variant(), channels, lo, hi, options.recordSeconds(), start,
                    1024);
            for (Sample m : earlyMarkers) {
                marker(m);
            }
            earlyMarkers.clear();
        } else if (s.gapBefore()) {
            long expected = Math.round((s.timestamp() - t0) * rate);
            long missing = Math.min(expected - writer.frameCount(), Math.round(3600 * rate));
            if (missing > 0) {
                writer.annotate(new Annotation(writer.frameCount() / rate, missing / rate, EdfReader.GAP_LABEL));
                float[] zeros = new float[channels.size()];
                for (long i = 0; i < missing; i++) {
                    append(zeros);
                }
                gapsFilled++;
            }
        }
        append(toFloats(s.values()));
    }

    private void append(float[] frame) throws IOException {
        long before = writer.recordCount();
        writer.append(frame);
        long after = writer.recordCount();
        if (after != before) {
            onRecord.accept(after);
        }
    }

    private void marker(Sample s) {
        if (writer == null) {
            earlyMarkers.add(s);
            return;
        }
        try {
            markerCorrection = markers.timeCorrection(0);
        } catch (TimeoutException | InterruptedException e) {
            // re-estimating after a reconnection: keep the last estimate
        }
        double onset = s.timestamp() + markerCorrection - t0;
        if (onset < -0.5 / rate) { // within half a sample of the first one: the two inlets' estimates differ by µs
            markersDropped++;
            return;
        }
        writer.annotate(new Annotation(Math.max(0, onset), 0, markerLabel(s.values())));
        markersWritten++;
    }

    /** A marker sample's text: its channels' values joined by "/" (int markers as decimal numbers). */
    public static String markerLabel(Object values) {
        int n = java.lang.reflect.Array.getLength(values);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append('/');
            }
            b.append(java.lang.reflect.Array.get(values, i));
        }
        return b.toString();
    }

    static float[] toFloats(Object v) {
        if (v instanceof float[] f) {
            return f;
        }
        int n = java.lang.reflect.Array.getLength(v);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) java.lang.reflect.Array.get(v, i)).floatValue();
        }
        return out;
    }

    // ---------------------------------------------------------------- state

    /** The channels as written (labels made unique and at most 16 characters). */
    public List<ChannelInfo> channels() {
        return channels;
    }

    /** Data records on disk (0 before the first sample). */
    public long recordCount() {
        EdfStreamWriter w = writer;
        return w == null ? 0 : w.recordCount();
    }

    /** Markers written as annotations, and markers dropped for predating the first sample. */
    public long markersWritten() {
        return markersWritten;
    }

    public long markersDropped() {
        return markersDropped;
    }

    /** Gaps filled with zeros after a reconnection. */
    public long gapsFilled() {
        return gapsFilled;
    }

    /** Values clipped to the physical range. */
    public long clippedCount() {
        EdfStreamWriter w = writer;
        return w == null ? 0 : w.clippedCount();
    }

    /** Waits until the recording ends by itself (duration reached) or the timeout expires; true if it ended. */
    public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        return finished.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Stops, closes the file (an incomplete last record is dropped) and the inlets; rethrows a write error. */
    @Override
    public void close() throws IOException {
        stop = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        eeg.close();
        if (markers != null) {
            markers.close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
