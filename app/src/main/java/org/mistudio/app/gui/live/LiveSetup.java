package org.mistudio.app.gui.live;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.app.live.LiveConfig;

/**
 * How the live-session window opens: what it preselects and the protocol settings its fields start with (from
 * {@code mistudio live --gui}'s options, or defaults); the operator can change trials, timing, step and smoothing
 * on screen before each session.
 *
 * @param lsl            discovery scope
 * @param stream         EEG stream to preselect by name (null: the first EEG stream found)
 * @param markers        follow this marker stream's cues instead of giving the protocol (null: own protocol)
 * @param model          model file to load (null: choose one, or calibration)
 * @param calibration    start in calibration mode (no model)
 * @param record         recording to write (null: a new file in {@code recordDir})
 * @param recordDir      where new recordings go (a workspace's folder, say)
 * @param timing         Graz timing
 * @param trialsPerClass trials of each cue
 * @param seed           trial order and rests
 * @param step           seconds between predictions
 * @param smoothing      predictions averaged for the feedback
 * @param outletName     the session's marker stream
 * @param cues           cue to class, as given (null: from the model's training labels)
 * @param autoStart      start as soon as the window is shown (needs {@code stream})
 * @param closeAtEnd     close the window when the session ends
 * @param beep           play the trial beep (the "Beep" box starts ticked)
 * @param workspace      the workspace the window was opened from, which gets each session's recording (null: none)
 */
public record LiveSetup(LslConfig lsl, String stream, String markers, Path model, boolean calibration, Path record,
                        Path recordDir, GrazTiming timing, int trialsPerClass, long seed, double step, int smoothing,
                        String outletName, Map<String, String> cues, boolean autoStart, boolean closeAtEnd,
                        boolean beep, WorkspaceRecordings workspace) {

    public LiveSetup {
        Objects.requireNonNull(lsl, "lsl");
        Objects.requireNonNull(recordDir, "recordDir");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(outletName, "outletName");
        if (autoStart && stream == null) {
            throw new IllegalArgumentException("live session: starting at once needs the stream's name");
        }
    }

    /** OpenViBE's protocol, 20 trials per class, recordings in {@code recordDir}, nothing preselected. */
    public static LiveSetup defaults(LslConfig lsl, Path recordDir) {
        return new LiveSetup(lsl, null, null, null, false, null, recordDir, GrazTiming.openVibe(), 20, 42,
                LiveConfig.DEFAULT_STEP_SECONDS, LiveConfig.DEFAULT_SMOOTHING, "MIStudio-Live-Markers", null, false,
                false, true, null);
    }

    public LiveSetup withModel(Path file) {
        return new LiveSetup(lsl, stream, markers, file, calibration, record, recordDir, timing, trialsPerClass, seed,
                step, smoothing, outletName, cues, autoStart, closeAtEnd, beep, workspace);
    }

    public LiveSetup withStream(String name, String markerStream) {
        return new LiveSetup(lsl, name, markerStream, model, calibration, record, recordDir, timing, trialsPerClass,
                seed, step, smoothing, outletName, cues, autoStart, closeAtEnd, beep, workspace);
    }

    public LiveSetup withProtocol(GrazTiming t, int perClass, long newSeed, String outlet) {
        return new LiveSetup(lsl, stream, markers, model, calibration, record, recordDir, t, perClass, newSeed, step,
                smoothing, outlet, cues, autoStart, closeAtEnd, beep, workspace);
    }

    public LiveSetup withRecord(Path file) {
        return new LiveSetup(lsl, stream, markers, model, calibration, file, recordDir, timing, trialsPerClass, seed,
                step, smoothing, outletName, cues, autoStart, closeAtEnd, beep, workspace);
    }

    /** Online with {@code model}, or calibration when {@code calib}. */
    public LiveSetup withCalibration(boolean calib) {
        return new LiveSetup(lsl, stream, markers, model, calib, record, recordDir, timing, trialsPerClass, seed, step,
                smoothing, outletName, cues, autoStart, closeAtEnd, beep, workspace);
    }

    public LiveSetup withDecoding(double newStep, int newSmoothing, Map<String, String> cueClasses) {
        return new LiveSetup(lsl, stream, markers, model, calibration, record, recordDir, timing, trialsPerClass, seed,
                newStep, newSmoothing, outletName, cueClasses, autoStart, closeAtEnd, beep, workspace);
    }

    public LiveSetup withRun(boolean start, boolean close) {
        return new LiveSetup(lsl, stream, markers, model, calibration, record, recordDir, timing, trialsPerClass, seed,
                step, smoothing, outletName, cues, start, close, beep, workspace);
    }

    public LiveSetup withBeep(boolean play) {
        return new LiveSetup(lsl, stream, markers, model, calibration, record, recordDir, timing, trialsPerClass, seed,
                step, smoothing, outletName, cues, autoStart, closeAtEnd, play, workspace);
    }

    /** Opened from a workspace: recordings default to {@code dir} and each finished one is added to it. */
    public LiveSetup withWorkspace(Path dir, WorkspaceRecordings ws) {
        return new LiveSetup(lsl, stream, markers, model, calibration, record, dir, timing, trialsPerClass, seed,
                step, smoothing, outletName, cues, autoStart, closeAtEnd, beep, ws);
    }

    /** Adds a finished session's recording to a workspace and saves it (atomically); returns its workspace path. */
    @FunctionalInterface
    public interface WorkspaceRecordings {
        /** UI thread; {@code read} is the recording as read back from disk. */
        String add(Path file, org.mistudio.acquisition.io.RecordingFiles.Described read) throws java.io.IOException;
    }
}
