package org.mistudio.acquisition.lsl.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongConsumer;

import org.mistudio.acquisition.io.edf.EdfStreamWriter;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;

/**
 * The crash-safe EDF+/BDF+ writer of {@link LslRecorder} ({@link EdfStreamWriter}: every completed data record
 * forced to disk and counted in the header) fed by a process that pulls the stream itself, such as a live session
 * that decodes the samples it records. Chunks and annotations are queued and written on a thread of their own, so
 * the caller never waits for the disk. The recording holds exactly the frames appended, in order; {@link #close}
 * writes everything queued and drops an incomplete last record.
 */
public final class SessionRecorder implements Closeable {
    private static final Object END = new Object();

    private final EdfStreamWriter writer;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile IOException failure;
    private volatile LongConsumer onRecord = r -> { };
    private long queuedFrames;
    private boolean closed;

    private SessionRecorder(Path out, LslRecorder.Options options, List<ChannelInfo> channels, LocalDateTime start)
            throws IOException {
        int n = channels.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(lo, options.physicalMin());
        java.util.Arrays.fill(hi, options.physicalMax());
        // predictions are annotated several times a second: room for about 40 short TALs per 1 s record
        writer = new EdfStreamWriter(out, options.variant(), channels, lo, hi, options.recordSeconds(), start, 2048);
        thread = new Thread(this::run, "session-recorder-" + out.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /** Creates {@code out} (header only) and starts the writer thread. */
    public static SessionRecorder start(Path out, LslRecorder.Options options, List<ChannelInfo> channels,
                                        LocalDateTime start) throws IOException {
        return new SessionRecorder(out, options, channels, start);
    }

    /** Called on the writer thread with the number of records on disk after each completed record. */
    public SessionRecorder onRecord(LongConsumer listener) {
        this.onRecord = listener;
        return this;
    }

    /** Queues a chunk {@code [channel][sample]} (handed over: not to be changed afterwards). */
    public synchronized void append(float[][] chunk) throws IOException {
        check();
        queue.add(chunk);
        queuedFrames += chunk.length == 0 ? 0 : chunk[0].length;
    }

    /** Queues an annotation (onset in seconds from the first frame). */
    public synchronized void annotate(Annotation a) throws IOException {
        check();
        queue.add(a);
    }

    /** Frames appended so far (queued or written). */
    public synchronized long framesAppended() {
        return queuedFrames;
    }

    /** Data records on disk. */
    public long recordCount() {
        return writer.recordCount();
    }

    /** Values clipped to the physical range. */
    public long clippedCount() {
        return writer.clippedCount();
    }

    public int samplesPerRecord() {
        return writer.samplesPerRecord();
    }

    private void check() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("the recording is closed");
        }
    }

    private void run() {
        try {
            while (true) {
                Object o = queue.take();
                if (o == END) {
                    break;
                }
                if (o instanceof Annotation a) {
                    writer.annotate(a);
                    continue;
                }
                float[][] x = (float[][]) o;
                int n = x.length == 0 ? 0 : x[0].length;
                float[] frame = new float[x.length];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < x.length; c++) {
                        frame[c] = x[c][i];
                    }
                    long before = writer.recordCount();
                    writer.append(frame);
                    if (writer.recordCount() != before) {
                        onRecord.accept(writer.recordCount());
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes everything queued, closes the file (an incomplete last record is dropped); rethrows a write error. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(END);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
