package org.mistudio.acquisition.lsl.play;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.mistudio.acquisition.lsl.ChannelFormat;
import org.mistudio.acquisition.lsl.LslChannel;
import org.mistudio.acquisition.lsl.LslClock;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.lsl.StreamOutlet;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/**
 * Streams a recording in real time, as MNE-LSL's player does: an EEG outlet ({@code name}, type EEG, float32,
 * the recording's rate, channel labels, units and types in {@code desc/channels}) and a string marker outlet
 * ({@code name-markers}, type Markers, irregular) carrying the annotations at their onsets.
 *
 * <p>Sample {@code i} is pushed once its time has come and stamped {@code start + i / (rate × speed)}; an
 * annotation is pushed when its onset has passed, stamped {@code start + onset / speed}, so the markers line up
 * with the samples on the LSL clock. With {@code loop} the recording starts over at its end, the clock running on.
 */
public final class LslPlayer implements Closeable {
    private final Recording recording;
    private final StreamOutlet eeg;
    private final StreamOutlet markers;
    private final boolean loop;
    private final double speed;
    private final Thread thread;
    private final double rate;
    private final List<Annotation> annotations;
    private volatile boolean stop;
    private volatile long pushed;
    /** Counted down once when the stream or recording ends by itself. */
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

    private LslPlayer(Recording recording, String name, LslConfig config, boolean loop, double speed)
            throws IOException {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be > 0, got " + speed);
        }
        this.recording = recording;
        this.rate = recording.samplingRate();
        this.loop = loop;
        this.speed = speed;
        this.annotations = recording.annotations().stream().sorted(Comparator.comparingDouble(Annotation::onset))
                .toList();
        List<LslChannel> chans = new ArrayList<>();
        for (ChannelInfo c : recording.channels()) {
            chans.add(new LslChannel(c.label(), c.unit(), c.type().name()));
        }
        this.eeg = new StreamOutlet(StreamInfo.of(name, "EEG", recording.channelCount(), rate, ChannelFormat.FLOAT32,
                name + "-eeg").withChannels(chans), config);
        try {
            this.markers = new StreamOutlet(StreamInfo.of(name + "-markers", "Markers", 1, StreamInfo.IRREGULAR_RATE,
                    ChannelFormat.STRING, name + "-markers"), config);
        } catch (IOException | RuntimeException e) {
            eeg.close();
            throw e;
        }
        thread = new Thread(this::run, "lsl-player-" + name);
        thread.setDaemon(true);
    }

    /** Starts playing {@code recording} (uniform sampling rate) as outlets {@code name} and {@code name-markers}. */
    public static LslPlayer start(Recording recording, String name, LslConfig config, boolean loop, double speed)
            throws IOException {
        LslPlayer p = new LslPlayer(recording, name, config, loop, speed);
        p.thread.start();
        return p;
    }

    public StreamInfo eegInfo() {
        return eeg.info();
    }

    public StreamInfo markerInfo() {
        return markers.info();
    }

    /** Samples pushed so far. */
    public long pushedSamples() {
        return pushed;
    }

    private void run() {
        try {
            int n = recording.sampleCount();
            int ch = recording.channelCount();
            float[][] x = recording.samples();
            double start = LslClock.now();
            long i = 0; // samples pushed over all loops
            long a = 0; // annotations pushed over all passes
            int maxChunk = (int) Math.max(1, Math.ceil(rate / 100));
            while (!stop) {
                double now = LslClock.now();
                long due = (long) Math.floor((now - start) * rate * speed) + 1;
                if (!loop) {
                    due = Math.min(due, n);
                }
                if (due <= i) {
                    if (!loop && i >= n) {
                        for (; a < annotations.size(); a++) { // onsets at or after the end
                            Annotation an = annotations.get((int) a);
                            markers.pushSample(new String[] {an.label()}, start + an.onset() / speed);
                        }
                        break;
                    }
                    double next = start + i / (rate * speed);
                    long sleepNanos = (long) ((next - LslClock.now()) * 1e9);
                    sleep(Math.max(200_000L, Math.min(sleepNanos, 5_000_000L)));
                    continue;
                }
                while (i < due && !stop) {
                    int m = (int) Math.min(maxChunk, due - i);
                    float[] flat = new float[m * ch];
                    double[] ts = new double[m];
                    for (int s = 0; s < m; s++) {
                        long k = i + s;
                        int idx = (int) (k % n);
                        ts[s] = start + k / (rate * speed);
                        for (int c = 0; c < ch; c++) {
                            flat[s * ch + c] = x[c][idx];
                        }
                    }
                    // annotations whose onset precedes these samples' end go first
                    double upTo = (i + m) / rate; // seconds of playback (over all passes)
                    int count = annotations.size();
                    while (count > 0 && (loop || a < count)) {
                        long passOf = a / count;
                        Annotation an = annotations.get((int) (a % count));
                        double at = passOf * (n / rate) + an.onset();
                        if (at >= upTo) {
                            break;
                        }
                        markers.pushSample(new String[] {an.label()}, start + at / speed);
                        a++;
                    }
                    eeg.pushChunk(flat, ts);
                    i += m;
                    pushed = i;
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a non-looping playback has pushed everything; false on timeout. */
    public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        return finished.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** A one-line description for the console. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d channels at %s Hz (%.1f s), %s: %d annotations", eeg.info().name(),
                recording.channelCount(), StreamInfo.formatDouble(rate).replaceAll("\\.?0+$", ""),
                recording.duration(), markers.info().name(), annotations.size());
    }

    /** Stops and closes both outlets. */
    @Override
    public void close() {
        stop = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        eeg.close();
        markers.close();
    }
}
