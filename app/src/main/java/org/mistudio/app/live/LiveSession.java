package org.mistudio.app.live;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.ChannelFormat;
import org.mistudio.acquisition.lsl.LslChannel;
import org.mistudio.acquisition.lsl.Resolver;
import org.mistudio.acquisition.lsl.Sample;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.lsl.StreamInlet;
import org.mistudio.acquisition.lsl.StreamOutlet;
import org.mistudio.acquisition.lsl.record.LslRecorder;
import org.mistudio.acquisition.lsl.record.SessionRecorder;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.protocol.GrazSchedule;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.dsp.evaluation.ChanceLevel;
import org.mistudio.dsp.filter.Butterworth;
import org.mistudio.dsp.online.LatencyStats;
import org.mistudio.dsp.online.SlidingWindowDecoder;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.persist.ChannelMap;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelKinds;
import org.mistudio.models.persist.ModelMetadata;

/**
 * A live motor-imagery session without a window: connect to an EEG stream, check it against the model, run the
 * Graz protocol (or follow an external marker stream's cues), decode a sliding window of causally filtered data,
 * and record everything received with the cues and predictions as annotations, crash-safe.
 *
 * <p>Clock: the protocol runs on stream time, i.e. the recording's time axis (0 at the first sample kept, sample
 * i at i / rate). A stimulation is given (published on the marker outlet stamped with its stream time, annotated,
 * reported) as soon as a sample at or after its time has arrived. With a device streaming in real time stream time
 * is wall time less the transport latency (milliseconds); a source running faster than real time (a simulator in
 * a test) simply makes the whole session run faster, unchanged. One thread does everything (pull, filter, decode,
 * protocol); the disk is written on the recorder's own thread, so the latency measured here is the decoder's.
 *
 * <p>A trial's decision: the class with the largest mean probability over the windows that lie entirely inside
 * its imagery period, from the cue to the end of the trial ({@link TrialResult}).
 *
 * <p>The session ends after the protocol's experiment stop (own protocol), after the requested number of trials
 * (external cues), after {@code maxSeconds} or on {@link #stop()}; it then keeps receiving until the recording's
 * last data record is complete, so every sample received is recorded.
 */
public final class LiveSession {
    /** Predictions kept to score trials whose cue came late (external markers), in seconds of stream time. */
    private static final double KEEP_PREDICTIONS_SECONDS = 30;

    private final LiveConfig cfg;
    private final ModelFile.Contents model;
    private final LiveListener listener;
    private volatile boolean stopRequested;
    private volatile LongConsumer onRecord = r -> { };
    private volatile BeepSink beep;

    /** An open trial: cue, end of its imagery period (recording seconds). */
    private static final class Trial {
        final int index;
        final Stimulation cue;
        final String trueClass;
        final double cueTime;
        double end;

        Trial(int index, Stimulation cue, String trueClass, double cueTime, double end) {
            this.index = index;
            this.cue = cue;
            this.trueClass = trueClass;
            this.cueTime = cueTime;
            this.end = end;
        }
    }

    private record Window(double start, double end, double[] probabilities) {
    }

    // run state (the session's thread only)
    private double fs;
    private double t0 = Double.NaN;
    private long count;
    private SessionRecorder recorder;
    private StreamOutlet outlet;
    private SlidingWindowDecoder decoder;
    private List<String> classNames = List.of();
    private final LatencyStats latency = new LatencyStats();
    private final ArrayDeque<Window> windows = new ArrayDeque<>();
    private final List<Trial> open = new ArrayList<>();
    private final List<TrialResult> results = new ArrayList<>();
    private int trialsStarted;
    private long markersSent;
    private long gaps;
    private int predictions;
    private float[][] held;

    /**
     * @param model    the model (null: a calibration run, no decoding)
     * @param listener progress reports
     */
    public LiveSession(LiveConfig cfg, ModelFile.Contents model, LiveListener listener) {
        this.cfg = cfg;
        this.model = model;
        this.listener = listener == null ? new LiveListener() { } : listener;
    }

    /** Called on the recorder's thread with the number of data records on disk after each one completes. */
    public LiveSession onRecord(LongConsumer l) {
        this.onRecord = l;
        return this;
    }

    /**
     * Where each beep goes (own protocol): called once per trial (and at the baseline's start and end), on the
     * session's thread, as the beep's marker is sent; null (the default) for none.
     */
    public LiveSession beep(BeepSink sink) {
        this.beep = sink;
        return this;
    }

    /** Asks the session to end (at the next completed data record). Safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    /** Runs the session to its end; a clear exception if a stream is missing or does not match the model. */
    public LiveSummary run() throws IOException, InterruptedException {
        WindowClassifier clf = model == null ? null : ModelKinds.load(model);
        StreamInfo found = resolve(cfg.stream(), "EEG");
        requireEeg(found);
        StreamInlet eeg = StreamInlet.open(found, cfg.lsl(), true);
        StreamInlet ext = null;
        try {
            StreamInfo full = eeg.info();
            fs = full.nominalSrate();
            List<String> labels = labels(full);
            List<String> units = units(full);
            List<String> warnings = new ArrayList<>();
            ChannelMap map = null;
            if (clf != null) {
                ModelMetadata md = model.metadata();
                map = ChannelMap.match(md, model.file().toString(), "stream '" + found.name() + "'", labels, units, fs);
                warnings.addAll(map.warnings());
                int step = (int) Math.max(1, Math.round(cfg.stepSeconds() * fs));
                decoder = new SlidingWindowDecoder(clf, md.filter() == null ? null
                        : Butterworth.bandpass(md.filter().order(), md.filter().lowHz(), md.filter().highHz(), fs), step,
                        cfg.smoothing());
                classNames = clf.classNames();
                for (String cls : cfg.cueClasses().values()) {
                    if (!classNames.contains(cls)) {
                        throw new IllegalArgumentException("the cue classes " + cfg.cueClasses().values() + " are not "
                                + "the model's classes " + classNames);
                    }
                }
            }
            listener.connected(found.name(), full.channelCount(), fs, warnings);
            if (cfg.markers() != null) {
                ext = StreamInlet.open(resolve(cfg.markers(), "marker"), cfg.lsl(), true);
            } else {
                outlet = new StreamOutlet(StreamInfo.of(cfg.outletName(), "Markers", 1, StreamInfo.IRREGULAR_RATE,
                        ChannelFormat.INT32, cfg.outletName() + "-" + UUID.randomUUID()), cfg.lsl());
            }
            waitForCorrection(eeg);
            if (ext != null) {
                waitForCorrection(ext);
            }
            eeg.pullChunk(Integer.MAX_VALUE); // stamped before the clock offset was known
            if (cfg.record() != null) {
                recorder = SessionRecorder.start(cfg.record(), LslRecorder.Options.forFile(cfg.record()),
                        LslRecorder.channelInfos(full), LocalDateTime.now());
                recorder.onRecord(r -> onRecord.accept(r));
            }
            loop(eeg, ext, map, full.channelCount());
        } finally {
            eeg.close();
            if (ext != null) {
                ext.close();
            }
            if (outlet != null) {
                outlet.close();
            }
            if (recorder != null) {
                recorder.close();
            }
        }
        long recorded = recorder == null ? 0 : recorder.recordCount() * recorder.samplesPerRecord();
        int decided = (int) results.stream().filter(r -> r.decoded() != null).count();
        long correct = results.stream().filter(TrialResult::correct).count();
        double acc = decided == 0 ? Double.NaN : (double) correct / decided;
        double threshold = decided == 0 ? Double.NaN : ChanceLevel.threshold(decided, Math.max(2, classNames.size()), 0.05);
        return new LiveSummary(model == null ? "calibration" : "online", cfg.stream(), fs, results, acc, threshold,
                predictions, latency.median(), latency.percentile(99), latency.max(), count, recorded, gaps, markersSent,
                count / fs, cfg.record());
    }

    /** Refuses a stream a session cannot decode: irregular or of strings. */
    static void requireEeg(StreamInfo found) {
        if (!(found.nominalSrate() > 0) || found.format() == ChannelFormat.STRING) {
            throw new IllegalArgumentException("stream '" + found.name() + "' is " + (found.format() == ChannelFormat.STRING
                    ? "a string stream" : "irregular") + "; a live session needs regular numeric EEG");
        }
    }

    /** A full stream info's channel labels ("Ch1"... where it gives none). */
    static List<String> labels(StreamInfo full) {
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < full.channelCount(); c++) {
            LslChannel ch = c < full.channels().size() ? full.channels().get(c) : null;
            labels.add(ch == null || ch.label().isBlank() ? "Ch" + (c + 1) : ch.label());
        }
        return labels;
    }

    /** A full stream info's channel units ("" where it gives none). */
    static List<String> units(StreamInfo full) {
        List<String> units = new ArrayList<>();
        for (int c = 0; c < full.channelCount(); c++) {
            LslChannel ch = c < full.channels().size() ? full.channels().get(c) : null;
            units.add(ch == null ? "" : ch.unit());
        }
        return units;
    }

    private StreamInfo resolve(String name, String what) throws IOException {
        List<StreamInfo> s = Resolver.byName(cfg.lsl(), name, (long) (cfg.resolveSeconds() * 1000));
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no LSL " + what + " stream named '" + name + "' found within "
                    + LslDuration.of(cfg.resolveSeconds()) + " (scope " + cfg.lsl().scope().name().toLowerCase(Locale.ROOT)
                    + ")");
        }
        return s.get(0);
    }

    /** Seconds as text without trailing zeros. */
    private static final class LslDuration {
        static String of(double s) {
            return java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString() + " s";
        }
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

    // ---------------------------------------------------------------- the loop

    private void loop(StreamInlet eeg, StreamInlet ext, ChannelMap map, int nch) throws IOException,
            InterruptedException {
        GrazSchedule schedule = ext == null
                ? GrazSchedule.of(cfg.timing(), cfg.cues(), cfg.trialsPerClass(), cfg.seed()) : null;
        int nextEvent = 0;
        boolean done = false;
        int perRecord = recorder == null ? 1 : recorder.samplesPerRecord();
        long idleSince = System.nanoTime();
        while (true) {
            boolean stopping = done || stopRequested || (cfg.maxSeconds() > 0 && count >= cfg.maxSeconds() * fs);
            if (stopping && count % perRecord == 0) {
                break;
            }
            Sample first = eeg.pullSample(100);
            if (first == null) {
                if (stopping && System.nanoTime() - idleSince > 2_000_000_000L) {
                    break; // the stream has stopped: the last record stays incomplete
                }
                continue;
            }
            idleSince = System.nanoTime();
            List<Sample> batch = new ArrayList<>();
            batch.add(first);
            batch.addAll(eeg.pullChunk(4096));
            long arrival = System.nanoTime();
            if (stopping) { // only what completes the last record
                long room = (perRecord - count % perRecord) % perRecord;
                while (batch.size() > room) {
                    batch.remove(batch.size() - 1);
                }
            }
            int from = 0;
            for (int i = 0; i <= batch.size(); i++) {
                boolean gap = i < batch.size() && batch.get(i).gapBefore() && !Double.isNaN(t0);
                if (i == batch.size() || gap) {
                    if (i > from) {
                        consume(frames(batch, from, i, nch), map, arrival);
                    }
                    from = i;
                }
                if (gap) {
                    fillGap(batch.get(i).timestamp(), nch, map, arrival);
                }
                if (Double.isNaN(t0) && i < batch.size()) {
                    t0 = batch.get(i).timestamp();
                }
            }
            double now = (count - 1) / fs;
            if (schedule != null) {
                List<GrazSchedule.Event> ev = schedule.events();
                while (nextEvent < ev.size() && ev.get(nextEvent).time() <= now) {
                    GrazSchedule.Event e = ev.get(nextEvent++);
                    give(e.time(), e.stimulation(), e.trial());
                    if (e.stimulation() == Stimulation.EXPERIMENT_STOP) {
                        done = true;
                    }
                }
            } else {
                for (Sample m : ext.pullChunk(1024)) {
                    external(m);
                }
                if (trialsStarted >= cfg.trialsPerClass() * cfg.cues().size() && open.isEmpty()) {
                    done = true;
                }
            }
            finishTrials(now, false);
        }
        finishTrials(Double.POSITIVE_INFINITY, true);
        if (recorder != null && latency.count() > 0) {
            recorder.annotate(new Annotation(Math.max(0, (count - 1) / fs), 0, String.format(Locale.ROOT,
                    "latency median %.2f ms p99 %.2f ms (%d predictions)", latency.median(), latency.percentile(99),
                    latency.count())));
        }
        if (recorder != null && held != null) {
            recorder.append(held);
            held = null;
        }
    }

    private static float[][] frames(List<Sample> batch, int from, int to, int nch) {
        float[][] x = new float[nch][to - from];
        for (int i = from; i < to; i++) {
            Object v = batch.get(i).values();
            if (v instanceof float[] f) {
                for (int c = 0; c < nch; c++) {
                    x[c][i - from] = f[c];
                }
            } else {
                for (int c = 0; c < nch; c++) {
                    x[c][i - from] = ((Number) java.lang.reflect.Array.get(v, c)).floatValue();
                }
            }
        }
        return x;
    }

    /** The stream was lost and came back: zeros for the missing span (at most an hour), annotated. */
    private void fillGap(double timestamp, int nch, ChannelMap map, long arrival) throws IOException {
        long missing = Math.min(Math.round((timestamp - t0) * fs) - count, Math.round(3600 * fs));
        gaps++;
        if (missing <= 0) {
            return;
        }
        if (recorder != null) {
            recorder.annotate(new Annotation(count / fs, missing / fs, EdfReader.GAP_LABEL));
        }
        for (long done = 0; done < missing;) {
            int m = (int) Math.min(4096, missing - done);
            consume(new float[nch][m], map, arrival);
            done += m;
        }
    }

    /**
     * Decodes one run of consecutive samples and records it. The recorder gets each run one step late, after the
     * annotations made while it was decoded: annotations go into the next data record written, so the ones about
     * the last samples (and the session's closing ones) still find a record.
     */
    private void consume(float[][] x, ChannelMap map, long arrival) throws IOException {
        if (recorder != null) {
            if (held != null) {
                recorder.append(held);
            }
            held = x;
        }
        count += x[0].length;
        if (decoder == null) {
            return;
        }
        List<SlidingWindowDecoder.Prediction> ps = decoder.push(map.apply(x));
        double ms = (System.nanoTime() - arrival) / 1e6;
        int w = decoder.classifier().windowSamples();
        for (SlidingWindowDecoder.Prediction p : ps) {
            latency.add(ms);
            predictions++;
            double end = (p.sampleCount() - 1) / fs;
            double start = (p.sampleCount() - w) / fs;
            windows.add(new Window(start, end, p.probabilities()));
            int trial = -1;
            for (Trial t : open) {
                if (start >= t.cueTime && end <= t.end) {
                    trial = t.index;
                }
            }
            LivePrediction lp = new LivePrediction(end, classNames, p.probabilities(), p.smoothed(), ms, trial);
            if (recorder != null) {
                recorder.annotate(new Annotation(end, 0, String.format(Locale.ROOT, "pred %s %.3f", lp.decoded(),
                        p.smoothed()[classNames.indexOf(lp.decoded())])));
            }
            listener.prediction(lp);
        }
        while (!windows.isEmpty() && windows.peekFirst().end() < (count - 1) / fs - KEEP_PREDICTIONS_SECONDS) {
            windows.pollFirst();
        }
    }

    /** Gives a stimulation of the session's own protocol. */
    private void give(double time, Stimulation s, int trial) throws IOException {
        outlet.pushSample(new int[] {s.code()}, t0 + time);
        markersSent++;
        if (recorder != null) {
            recorder.annotate(new Annotation(time, 0, s.label()));
        }
        BeepSink b = beep;
        if (s == Stimulation.BEEP && b != null) {
            b.beep(time, trial);
        }
        if (s.isCue()) {
            open.add(new Trial(trial, s, cfg.cueClasses().get(s), time, time + cfg.timing().imagerySeconds()));
            trialsStarted++;
        }
        listener.stimulation(time, s, trial);
    }

    /** A marker of the external stream: recorded as it is; a known cue opens a trial, an end of trial closes it. */
    private void external(Sample m) throws IOException {
        String text = LslRecorder.markerLabel(m.values());
        double time = m.timestamp() - t0;
        if (time < 0) {
            return; // before the first sample kept
        }
        if (recorder != null) {
            recorder.annotate(new Annotation(time, 0, text));
        }
        Optional<Stimulation> s = Stimulation.parse(text);
        if (s.isEmpty()) {
            return;
        }
        if (s.get().isCue() && cfg.cueClasses().containsKey(s.get())) {
            open.add(new Trial(trialsStarted, s.get(), cfg.cueClasses().get(s.get()), time,
                    time + cfg.timing().imagerySeconds()));
            listener.stimulation(time, s.get(), trialsStarted);
            trialsStarted++;
        } else if (s.get() == Stimulation.END_OF_TRIAL) {
            for (Trial t : open) {
                if (time > t.cueTime && time < t.end) {
                    t.end = time;
                }
            }
            listener.stimulation(time, s.get(), -1);
        }
    }

    /** Scores the trials whose imagery period is over (all of them at the end). */
    private void finishTrials(double now, boolean all) throws IOException {
        for (Iterator<Trial> it = open.iterator(); it.hasNext();) {
            Trial t = it.next();
            if (!all && now < t.end) {
                continue;
            }
            it.remove();
            double[] mean = null;
            int n = 0;
            for (Window w : windows) {
                if (w.start() >= t.cueTime && w.end() <= t.end) {
                    if (mean == null) {
                        mean = new double[w.probabilities().length];
                    }
                    for (int k = 0; k < mean.length; k++) {
                        mean[k] += w.probabilities()[k];
                    }
                    n++;
                }
            }
            String decoded = null;
            if (mean != null) {
                int best = 0;
                for (int k = 0; k < mean.length; k++) {
                    mean[k] /= n;
                    if (mean[k] > mean[best]) {
                        best = k;
                    }
                }
                decoded = classNames.get(best);
            }
            TrialResult r = new TrialResult(t.index, t.cueTime, t.cue.label(), t.trueClass, decoded,
                    mean == null ? new double[0] : mean, n);
            results.add(r);
            if (recorder != null && decoded != null) {
                recorder.annotate(new Annotation(Math.min(t.end, (count - 1) / fs), 0, "trial " + t.index + " "
                        + t.cue.label() + " decoded " + decoded));
            }
            listener.trialEnded(r);
        }
    }
}
