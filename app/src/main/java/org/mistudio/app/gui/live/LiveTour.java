package org.mistudio.app.gui.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.application.Platform;

import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.protocol.GrazSchedule;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;
import org.mistudio.app.gui.Screenshots;
import org.mistudio.app.gui.live.SessionState.Phase;
import org.mistudio.app.gui.live.SessionState.Snapshot;
import org.mistudio.models.classical.ClassicalTrainer;
import org.mistudio.models.classical.CspLdaKind;
import org.mistudio.models.persist.ModelFile;

/**
 * The live screens for documentation, on a simulated patient over loopback (machine scope; 64 channels at 160 Hz,
 * streaming 8 times faster than real time): a calibration run with a cue on screen, then an online run with a
 * CSP+LDA model trained on a simulated calibration, caught while the feedback bar shows after a few trials. Call
 * off the JavaFX thread with JavaFX started.
 */
public final class LiveTour {

    /** The file names written, in order. */
    public static final List<String> FILES = List.of("live-calibration.png", "live-feedback.png");

    private static final double SPEED = 8;

    private LiveTour() {
    }

    public static List<Path> run(Path outDir, Path scratch) throws Exception {
        Files.createDirectories(outDir);
        LslConfig lsl = LslConfig.machine();
        String id = Long.toHexString(System.nanoTime());
        Path model = trainModel(scratch);
        GrazTiming timing = GrazTiming.openVibe().withoutBaseline();
        LiveSetup base = LiveSetup.defaults(lsl, scratch).withProtocol(timing, 20, 7, "unused");
        // One simulated patient per run: a patient follows the marker stream of one session.
        List<Path> written = new ArrayList<>();
        written.add(capture(base.withCalibration(true).withRecord(scratch.resolve("calibration.edf")),
                s -> s.phase() == Phase.CUE && s.cue() == Stimulation.RIGHT_HAND, outDir.resolve(FILES.get(0)),
                "Simulated patient " + id.substring(id.length() - 4) + "-1", "MIStudio-Live-Markers-" + id + "a"));
        written.add(capture(base.withModel(model).withRecord(scratch.resolve("online.edf")),
                s -> s.phase() == Phase.FEEDBACK && s.results().size() >= 3 && s.decodedClass() != null
                        && PatientScreen.barFraction(s.smoothed(), s.classNames().indexOf(s.decodedClass())) > 0.4,
                outDir.resolve(FILES.get(1)), "Simulated patient " + id.substring(id.length() - 4) + "-2",
                "MIStudio-Live-Markers-" + id + "b"));
        return written;
    }

    /** Opens the window, waits for the stream check, starts, saves the first frame that {@code when} accepts. */
    private static Path capture(LiveSetup base, Predicate<Snapshot> when, Path png, String eeg, String outlet)
            throws Exception {
        try (SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.EEGMMIDB_64, 160,
                0.6, 21, 200), eeg, base.lsl(), outlet, SPEED, false)) {
            return capture(base.withStream(eeg, null).withProtocol(base.timing(), base.trialsPerClass(), base.seed(),
                    outlet), when, png);
        }
    }

    private static Path capture(LiveSetup setup, Predicate<Snapshot> when, Path png) throws Exception {
        CompletableFuture<Path> saved = new CompletableFuture<>();
        LiveSessionWindow w = fx(() -> {
            LiveSessionWindow win = LiveSessionWindow.open(null, setup);
            win.view().screen().addDrawListener(s -> {
                if (s != null && !saved.isDone() && when.test(s)) {
                    // after this frame's labels are set too
                    Platform.runLater(() -> {
                        if (!saved.isDone()) {
                            Screenshots.save(win.stage().getScene(), png);
                            saved.complete(png);
                        }
                    });
                }
            });
            return win;
        });
        try {
            long end = System.nanoTime() + 30_000_000_000L;
            while (!fx(() -> w.view().check().getText().startsWith("✓"))) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("screenshots: the simulated stream did not check out: "
                            + fx(() -> w.view().check().getText() + " " + w.view().status().getText()));
                }
                Thread.sleep(100);
            }
            fx(() -> {
                w.view().start();
                return null;
            });
            CompletableFuture.anyOf(saved, w.view().finished()).get(120, TimeUnit.SECONDS);
            if (!saved.isDone()) {
                throw new IllegalStateException("screenshots: the live session ended before " + png.getFileName());
            }
            return saved.get();
        } finally {
            fx(() -> {
                w.view().stop();
                return null;
            });
            try {
                w.view().finished().get(30, TimeUnit.SECONDS);
            } finally {
                fx(() -> {
                    w.stage().close();
                    return null;
                });
            }
        }
    }

    private static Path trainModel(Path dir) throws Exception {
        StreamingSimulator sim = new StreamingSimulator(ChannelSets.EEGMMIDB_64, 160, 0.6, 21, 100);
        GrazSchedule cal = GrazSchedule.of(GrazTiming.openVibe().withoutBaseline(),
                List.of(Stimulation.LEFT_HAND, Stimulation.RIGHT_HAND), 30, 5);
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("left_hand", "left_hand");
        classes.put("right_hand", "right_hand");
        ClassicalTrainer.Trained t = ClassicalTrainer.train(List.of(SimulatedPatient.offlineSession(sim, cal, 2,
                LocalDateTime.of(2026, 1, 1, 9, 0))), List.of("calibration"),
                ClassicalTrainer.Spec.defaults(CspLdaKind.NAME, classes), "screenshots");
        Path f = dir.resolve("simulated-patient.mimodel");
        ModelFile.write(f, t.metadata(), t.entries());
        return f;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return Screenshots.onFxThread(work, 120);
    }
}
