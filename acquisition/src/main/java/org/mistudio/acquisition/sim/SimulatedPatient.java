package org.mistudio.acquisition.sim;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mistudio.acquisition.lsl.ChannelFormat;
import org.mistudio.acquisition.lsl.LslChannel;
import org.mistudio.acquisition.lsl.LslClock;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.lsl.Resolver;
import org.mistudio.acquisition.lsl.Sample;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.lsl.StreamInlet;
import org.mistudio.acquisition.lsl.StreamOutlet;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.protocol.GrazSchedule;
import org.mistudio.acquisition.protocol.Stimulation;

/**
 * A simulated patient on LSL: a {@link StreamingSimulator} streamed as an EEG outlet, imagining whatever a marker
 * stream cues. It knows nothing of the session but what arrives on that stream: a cue (769 left, 770 right, 771
 * feet, as codes or labels) starts the imagery at the marker's timestamp, an end of trial (800) or the next cue ends
 * it. So a live session's protocol drives its EEG exactly as a real patient's would be, through the same wire.
 *
 * <p>Sample {@code k} is stamped {@code start + k / rate} and pushed once {@code start + k / (rate x speed)} has
 * come on the local clock: with {@code speed} 1 in real time; faster for tests, where the stream's timestamps
 * (stream time) run ahead of the wall clock and a session that schedules its protocol on stream time sees the
 * same session, only sooner.
 */
public final class SimulatedPatient implements Closeable {
    private final StreamingSimulator sim;
    private final StreamOutlet outlet;
    private final LslConfig config;
    private final String follow;
    private final double speed;
    private final boolean keepHistory;
    private final List<float[][]> history = new ArrayList<>();
    private final ConcurrentLinkedQueue<double[]> events = new ConcurrentLinkedQueue<>(); // {time, code}
    private final List<Marker> received = new CopyOnWriteArrayList<>();
    private final Thread generator;
    private final Thread follower;
    private volatile boolean stop;
    private volatile double start = Double.NaN;
    private volatile long pushed;

    private SimulatedPatient(StreamingSimulator sim, String name, LslConfig config, String followMarkers, double speed,
                             boolean keepHistory) throws IOException {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        this.sim = sim;
        this.config = config;
        this.follow = followMarkers;
        this.speed = speed;
        this.keepHistory = keepHistory;
        List<LslChannel> chans = sim.labels().stream().map(l -> new LslChannel(l, "uV", "EEG")).toList();
        outlet = new StreamOutlet(StreamInfo.of(name, "EEG", chans.size(), sim.samplingRate(), ChannelFormat.FLOAT32,
                name + "-patient").withChannels(chans), config);
        generator = new Thread(this::generate, "patient-" + name);
        generator.setDaemon(true);
        follower = followMarkers == null ? null : new Thread(this::followMarkers, "patient-follow-" + name);
        if (follower != null) {
            follower.setDaemon(true);
        }
    }

    /**
     * Starts streaming {@code sim} as outlet {@code name}, following the marker stream {@code followMarkers} (by
     * name; looked for until it appears) or no stream (null: a patient at rest).
     *
     * @param keepHistory keep every pushed sample in memory ({@link #history()}), for checks
     */
    public static SimulatedPatient start(StreamingSimulator sim, String name, LslConfig config, String followMarkers,
                                         double speed, boolean keepHistory) throws IOException {
        SimulatedPatient p = new SimulatedPatient(sim, name, config, followMarkers, speed, keepHistory);
        p.generator.start();
        if (p.follower != null) {
            p.follower.start();
        }
        return p;
    }

    public StreamInfo info() {
        return outlet.info();
    }

    /** Samples pushed so far. */
    public long pushedSamples() {
        return pushed;
    }

    /** LSL time of sample 0 (NaN before the first push). */
    public double startTime() {
        return start;
    }

    /** A marker received from the followed stream: its (time-corrected) timestamp and its text. */
    public record Marker(double timestamp, String text) {
    }

    /** The markers received from the followed stream, in order. */
    public List<Marker> receivedMarkers() {
        return List.copyOf(received);
    }

    /** Every pushed sample, {@code [channel][sample]} (only with {@code keepHistory}). */
    public synchronized float[][] history() {
        int n = 0;
        for (float[][] h : history) {
            n += h[0].length;
        }
        float[][] out = new float[sim.labels().size()][n];
        int at = 0;
        for (float[][] h : history) {
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(h[c], 0, out[c], at, h[c].length);
            }
            at += h[0].length;
        }
        return out;
    }

    private void generate() {
        double fs = sim.samplingRate();
        int ch = sim.labels().size();
        int maxChunk = (int) Math.max(1, Math.ceil(fs * speed / 100)); // about 10 ms of wall time per chunk
        double t0 = LslClock.now();
        start = t0;
        long k = 0;
        while (!stop) {
            long due = (long) Math.floor((LslClock.now() - t0) * fs * speed) + 1;
            if (due <= k) {
                sleepMillis(2);
                continue;
            }
            int m = (int) Math.min(maxChunk, due - k);
            applyEvents(t0, (k + m - 1) / fs);
            float[][] x = sim.next(m);
            float[] flat = new float[m * ch];
            double[] ts = new double[m];
            for (int s = 0; s < m; s++) {
                ts[s] = t0 + (k + s) / fs;
                for (int c = 0; c < ch; c++) {
                    flat[s * ch + c] = x[c][s];
                }
            }
            if (keepHistory) {
                synchronized (this) {
                    history.add(x);
                }
            }
            outlet.pushChunk(flat, ts);
            k += m;
            pushed = k;
        }
    }

    /** Hands the simulator the cues and ends stamped up to {@code upTo} (simulator seconds). */
    private void applyEvents(double t0, double upTo) {
        for (double[] e; (e = events.peek()) != null && e[0] - t0 <= upTo;) {
            events.poll();
            Optional<Stimulation> s = Stimulation.ofCode((int) e[1]);
            double at = e[0] - t0;
            if (s.isPresent() && s.get().miClass().isPresent()) {
                sim.cue(s.get().miClass().get(), at);
            } else if (s.isPresent() && s.get() == Stimulation.END_OF_TRIAL) {
                sim.end(at);
            }
        }
    }

    private void followMarkers() {
        while (!stop) {
            try {
                List<StreamInfo> found = Resolver.byName(config, follow, 500);
                if (found.isEmpty()) {
                    continue;
                }
                try (StreamInlet in = StreamInlet.open(found.get(0), config, true)) {
                    while (!stop) {
                        Sample s = in.pullSample(100);
                        if (s == null) {
                            continue;
                        }
                        String text = String.valueOf(java.lang.reflect.Array.get(s.values(), 0));
                        received.add(new Marker(s.timestamp(), text));
                        Optional<Stimulation> st = Stimulation.parse(text);
                        if (st.isPresent() && (st.get().isCue() || st.get() == Stimulation.END_OF_TRIAL)) {
                            events.add(new double[] {s.timestamp(), st.get().code()});
                        }
                    }
                }
            } catch (IOException e) {
                sleepMillis(200); // the session went away: look for it again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop = true;
        try {
            generator.join(5000);
            if (follower != null) {
                follower.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outlet.close();
    }

    /**
     * A whole session without LSL, as fast as it computes: the patient imagines every cue of {@code schedule}
     * (starting {@code leadSeconds} into the recording) until its end of trial. The annotations are the schedule's
     * stimulations by label, as a live session records them. Same generator as the streamed patient, so a model
     * trained on this calibration applies to it.
     */
    public static Recording offlineSession(StreamingSimulator sim, GrazSchedule schedule, double leadSeconds,
                                           LocalDateTime startTime) {
        double fs = sim.samplingRate();
        List<Annotation> ann = new ArrayList<>();
        List<float[][]> parts = new ArrayList<>();
        double end = Math.ceil(leadSeconds + schedule.duration() + 1);
        long total = Math.round(end * fs);
        int next = 0;
        List<GrazSchedule.Event> ev = schedule.events();
        long done = 0;
        while (done < total) {
            int m = (int) Math.min(Math.round(fs / 10), total - done);
            double upTo = (done + m - 1) / fs;
            while (next < ev.size() && leadSeconds + ev.get(next).time() <= upTo) {
                GrazSchedule.Event e = ev.get(next++);
                double at = leadSeconds + e.time();
                ann.add(new Annotation(at, 0, e.stimulation().label()));
                if (e.stimulation().miClass().isPresent()) {
                    sim.cue(e.stimulation().miClass().get(), at);
                } else if (e.stimulation() == Stimulation.END_OF_TRIAL) {
                    sim.end(at);
                }
            }
            parts.add(sim.next(m));
            done += m;
        }
        float[][] x = new float[sim.labels().size()][(int) total];
        int at = 0;
        for (float[][] p : parts) {
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(p[c], 0, x[c], at, p[c].length);
            }
            at += p[0].length;
        }
        return new Recording(sim.channelInfos(), x, startTime, ann);
    }
}
