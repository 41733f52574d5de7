package org.mistudio.app.gui.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.app.live.LiveListener;
import org.mistudio.app.live.LivePrediction;
import org.mistudio.app.live.TrialResult;
import org.mistudio.dsp.online.LatencyStats;

/**
 * What the live screens show, collected from a session's reports on its decoding thread and read as an immutable
 * {@link Snapshot} by the UI thread. No signal processing here: the probabilities, trial decisions and latencies
 * are the engine's ({@link org.mistudio.app.live.LiveSession}); this only keeps the latest of each.
 */
final class SessionState implements LiveListener {

    /** Where the protocol is, as the patient sees it. */
    enum Phase {
        /** Not started yet, or connecting. */
        IDLE,
        /** Experiment started, before the first trial (and the baseline, if any). */
        GET_READY,
        /** The baseline block: sit still. */
        BASELINE,
        /** Fixation cross before the cue. */
        FIXATION,
        /** The arrow cue. */
        CUE,
        /** Imagery with feedback (online: the bar). */
        FEEDBACK,
        /** Between trials. */
        REST,
        /** The protocol is over. */
        FINISHED
    }

    /**
     * One frame of the screens.
     *
     * @param phase        protocol phase
     * @param cue          the current trial's cue (null outside a trial)
     * @param trial        the current trial, from 0 (-1 before the first)
     * @param totalTrials  trials the protocol gives (0: unknown, following external cues)
     * @param classNames   the model's classes (empty in calibration)
     * @param smoothed     the latest feedback probabilities (null before any prediction of this trial)
     * @param directions   model class to the cue that asks for it (where the bar grows for that class)
     * @param results      the trials decided so far
     * @param latency      every latency so far, ms, in order
     * @param streamTime   stream seconds reached
     * @param connection   "stream: N channels at R Hz", or empty before connecting
     * @param warnings     the channel check's warnings
     */
    record Snapshot(Phase phase, Stimulation cue, int trial, int totalTrials, List<String> classNames,
                    double[] smoothed, Map<String, Stimulation> directions, List<TrialResult> results, double[] latency,
                    double streamTime, String connection, List<String> warnings) {

        /** Correctly decoded trials. */
        long correct() {
            return results.stream().filter(TrialResult::correct).count();
        }

        /** Trials with a decision (a window fitted their imagery period). */
        long decided() {
            return results.stream().filter(r -> r.decoded() != null).count();
        }

        /** Median and 99th percentile of the latencies so far (NaN without predictions). */
        double[] latencyMedianP99() {
            LatencyStats s = new LatencyStats();
            for (double v : latency) {
                s.add(v);
            }
            return new double[] {s.median(), s.percentile(99)};
        }

        /** The class the feedback points to, or null. */
        String decodedClass() {
            if (smoothed == null || smoothed.length == 0) {
                return null;
            }
            int best = 0;
            for (int k = 1; k < smoothed.length; k++) {
                if (smoothed[k] > smoothed[best]) {
                    best = k;
                }
            }
            return classNames.get(best);
        }
    }

    private final int totalTrials;
    private final Map<String, Stimulation> directions;
    private final double displayCueSeconds;
    private final Runnable changed;

    // guarded by this
    private Phase phase = Phase.IDLE;
    private Stimulation cue;
    private int trial = -1;
    private double cueTime;
    private List<String> classNames = List.of();
    private double[] smoothed;
    private final List<TrialResult> results = new ArrayList<>();
    private final LatencyStats latency = new LatencyStats();
    private double streamTime;
    private String connection = "";
    private List<String> warnings = List.of();

    /**
     * @param totalTrials       trials of the protocol (0 if unknown)
     * @param cueClasses        each cue and the model class it asks for
     * @param displayCueSeconds how long the arrow stays before feedback (external cues carry no feedback marker)
     * @param changed           called (on the session's thread) after every change; keep it short
     */
    SessionState(int totalTrials, Map<Stimulation, String> cueClasses, double displayCueSeconds, Runnable changed) {
        this.totalTrials = totalTrials;
        Map<String, Stimulation> d = new LinkedHashMap<>();
        cueClasses.forEach((s, cls) -> d.put(cls, s));
        this.directions = Map.copyOf(d);
        this.displayCueSeconds = displayCueSeconds;
        this.changed = changed;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(phase, cue, trial, totalTrials, classNames, smoothed == null ? null : smoothed.clone(),
                directions, List.copyOf(results), latency.values(), streamTime, connection, warnings);
    }

    /** The session has ended (normally, stopped or failed). */
    void finished() {
        synchronized (this) {
            phase = Phase.FINISHED;
            cue = null;
            smoothed = null;
        }
        changed.run();
    }

    @Override
    public void connected(String stream, int channels, double rate, List<String> warns) {
        synchronized (this) {
            connection = stream + ": " + channels + " channels at " + (rate == Math.rint(rate)
                    ? String.valueOf((long) rate) : String.valueOf(rate)) + " Hz";
            warnings = List.copyOf(warns);
        }
        changed.run();
    }

    @Override
    public void stimulation(double time, Stimulation s, int trialIndex) {
        synchronized (this) {
            streamTime = Math.max(streamTime, time);
            switch (s) {
                case EXPERIMENT_START -> phase = Phase.GET_READY;
                case BASELINE_START -> phase = Phase.BASELINE;
                case BASELINE_STOP -> phase = Phase.GET_READY;
                case TRIAL_START, CROSS_ON_SCREEN -> {
                    phase = Phase.FIXATION;
                    trial = trialIndex;
                    cue = null;
                    smoothed = null;
                }
                case FEEDBACK_CONTINUOUS -> phase = Phase.FEEDBACK;
                case END_OF_TRIAL -> {
                    phase = Phase.REST;
                    cue = null;
                    smoothed = null;
                }
                case EXPERIMENT_STOP -> {
                    phase = Phase.FINISHED;
                    cue = null;
                    smoothed = null;
                }
                default -> {
                    if (s.isCue()) {
                        phase = Phase.CUE;
                        cue = s;
                        trial = trialIndex;
                        cueTime = time;
                        smoothed = null;
                    }
                }
            }
        }
        changed.run();
    }

    @Override
    public void prediction(LivePrediction p) {
        synchronized (this) {
            classNames = p.classNames();
            latency.add(p.latencyMillis());
            streamTime = Math.max(streamTime, p.time());
            // External cues carry no feedback marker: the feedback follows the arrow after its display time.
            if (phase == Phase.CUE && p.time() >= cueTime + displayCueSeconds) {
                phase = Phase.FEEDBACK;
            }
            // Continuous feedback, as OpenViBE's: whatever the decoder says during the feedback period.
            if (phase == Phase.FEEDBACK) {
                smoothed = p.smoothed().clone();
            }
        }
        changed.run();
    }

    @Override
    public void trialEnded(TrialResult r) {
        synchronized (this) {
            results.add(r);
        }
        changed.run();
    }
}
