package org.mistudio.app.live;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;

/**
 * What a live session does.
 *
 * @param lsl            discovery scope
 * @param stream         the EEG stream's name
 * @param markers        an external marker stream whose cues define the trials (null: the session runs its own Graz
 *                       protocol and publishes its markers as {@code outletName})
 * @param outletName     name of the session's marker outlet (own protocol)
 * @param timing         Graz timing (own protocol; with external cues, the imagery period after each cue)
 * @param cueClasses     each cue the session gives or follows, and the model class it means (calibration: any
 *                       name); the cues' order is the classes' order
 * @param trialsPerClass own protocol: trials of each cue; external cues: the session ends after this many trials
 *                       per class in total ({@code trialsPerClass x classes})
 * @param seed           trial order and rests
 * @param stepSeconds    time between two predictions
 * @param smoothing      predictions averaged for the feedback
 * @param record         the recording to write (EDF+ or BDF+), or null
 * @param resolveSeconds how long to look for the streams
 * @param maxSeconds     stop after this much stream time in any case (0: no limit)
 */
public record LiveConfig(LslConfig lsl, String stream, String markers, String outletName, GrazTiming timing,
                         Map<Stimulation, String> cueClasses, int trialsPerClass, long seed, double stepSeconds,
                         int smoothing, Path record, double resolveSeconds, double maxSeconds) {

    /**
     * OpenViBE's online motor-imagery scenario classifies a 1 s window every 1/16 s
     * ({@code motor-imagery-bci-3-online.xml}, time-based epoching); we keep its step.
     */
    public static final double DEFAULT_STEP_SECONDS = 0.0625;

    /** Feedback smoothed over the last half second of predictions at the default step. */
    public static final int DEFAULT_SMOOTHING = 8;

    public LiveConfig {
        Objects.requireNonNull(lsl, "lsl");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(timing, "timing");
        cueClasses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cueClasses));
        if (cueClasses.size() < 2 || cueClasses.keySet().stream().anyMatch(s -> !s.isCue())) {
            throw new IllegalArgumentException("live session: need at least 2 cues (left_hand, right_hand, feet, "
                    + "tongue), got " + cueClasses.keySet());
        }
        if (trialsPerClass < 1) {
            throw new IllegalArgumentException("live session: --trials must be at least 1 per class, got "
                    + trialsPerClass);
        }
        if (!(stepSeconds > 0) || smoothing < 1) {
            throw new IllegalArgumentException("live session: step must be > 0 s and smoothing >= 1, got " + stepSeconds
                    + " s, " + smoothing);
        }
    }

    /** Defaults: own OpenViBE-timed protocol, left and right hand, 20 trials per class, no recording. */
    public static LiveConfig defaults(LslConfig lsl, String stream) {
        Map<Stimulation, String> cues = new LinkedHashMap<>();
        cues.put(Stimulation.LEFT_HAND, Stimulation.LEFT_HAND.label());
        cues.put(Stimulation.RIGHT_HAND, Stimulation.RIGHT_HAND.label());
        return new LiveConfig(lsl, stream, null, "MIStudio-Live-Markers", GrazTiming.openVibe(), cues, 20, 42,
                DEFAULT_STEP_SECONDS, DEFAULT_SMOOTHING, null, 10, 0);
    }

    public List<Stimulation> cues() {
        return List.copyOf(cueClasses.keySet());
    }

    public LiveConfig withMarkers(String name) {
        return new LiveConfig(lsl, stream, name, outletName, timing, cueClasses, trialsPerClass, seed, stepSeconds,
                smoothing, record, resolveSeconds, maxSeconds);
    }

    public LiveConfig withOutletName(String name) {
        return new LiveConfig(lsl, stream, markers, name, timing, cueClasses, trialsPerClass, seed, stepSeconds,
                smoothing, record, resolveSeconds, maxSeconds);
    }

    public LiveConfig withTiming(GrazTiming t) {
        return new LiveConfig(lsl, stream, markers, outletName, t, cueClasses, trialsPerClass, seed, stepSeconds,
                smoothing, record, resolveSeconds, maxSeconds);
    }

    public LiveConfig withCueClasses(Map<Stimulation, String> cues) {
        return new LiveConfig(lsl, stream, markers, outletName, timing, cues, trialsPerClass, seed, stepSeconds,
                smoothing, record, resolveSeconds, maxSeconds);
    }

    public LiveConfig withTrials(int perClass, long newSeed) {
        return new LiveConfig(lsl, stream, markers, outletName, timing, cueClasses, perClass, newSeed, stepSeconds,
                smoothing, record, resolveSeconds, maxSeconds);
    }

    public LiveConfig withDecoding(double step, int smooth) {
        return new LiveConfig(lsl, stream, markers, outletName, timing, cueClasses, trialsPerClass, seed, step, smooth,
                record, resolveSeconds, maxSeconds);
    }

    public LiveConfig withRecord(Path out) {
        return new LiveConfig(lsl, stream, markers, outletName, timing, cueClasses, trialsPerClass, seed, stepSeconds,
                smoothing, out, resolveSeconds, maxSeconds);
    }

    public LiveConfig withLimits(double resolve, double max) {
        return new LiveConfig(lsl, stream, markers, outletName, timing, cueClasses, trialsPerClass, seed, stepSeconds,
                smoothing, record, resolve, max);
    }
}
