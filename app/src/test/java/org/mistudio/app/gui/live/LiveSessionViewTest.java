package org.mistudio.app.gui.live;

import org.mistudio.app.live.RecordingChecks;
import org.mistudio.app.gui.Fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.protocol.GrazSchedule;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;
import org.mistudio.app.gui.live.SessionState.Phase;
import org.mistudio.app.gui.live.SessionState.Snapshot;
import org.mistudio.app.live.LiveSummary;
import org.mistudio.app.live.SessionFile;
import org.mistudio.models.classical.ClassicalTrainer;
import org.mistudio.models.classical.CspLdaKind;
import org.mistudio.models.persist.ModelFile;

/**
 * The live-session window on the real (headless Monocle) toolkit, end to end over loopback: a simulated patient
 * streaming 64 channels at 160 Hz faster than real time and imagining whatever the session's marker stream cues, a
 * CSP+LDA model trained on a simulated calibration of that patient. The window finds the streams, names what does
 * not fit the model, runs the session, draws the cue arrow and the feedback bar (checked pixel by pixel), and shows
 * the trial results and latency; the recording holds the samples the patient streamed.
 */
@Timeout(150)
class LiveSessionViewTest {
    static final double SPEED = 8;
    static final double FS = 160;
    static final long SUBJECT = 21;
    static final double ERD = 0.6;

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    static <T> T fx(Callable<T> work) throws Exception {
        return Fx.run(work);
    }

    static void waitFor(String what, double seconds, BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            Thread.sleep(50);
        }
    }

    static boolean fxTrue(Callable<Boolean> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A CSP+LDA model from an offline calibration of the patient (30 trials per class). */
    static Path trainModel(Path dir) throws Exception {
        StreamingSimulator sim = new StreamingSimulator(ChannelSets.EEGMMIDB_64, FS, ERD, SUBJECT, 100);
        GrazSchedule cal = GrazSchedule.of(GrazTiming.openVibe().withoutBaseline(),
                List.of(Stimulation.LEFT_HAND, Stimulation.RIGHT_HAND), 30, 5);
        Recording rec = SimulatedPatient.offlineSession(sim, cal, 2, LocalDateTime.of(2026, 1, 1, 9, 0));
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("left_hand", "left_hand");
        classes.put("right_hand", "right_hand");
        ClassicalTrainer.Trained t = ClassicalTrainer.train(List.of(rec), List.of("calibration"),
                ClassicalTrainer.Spec.defaults(CspLdaKind.NAME, classes), "test");
        Path f = dir.resolve("patient.mimodel");
        ModelFile.write(f, t.metadata(), t.entries());
        return f;
    }

    /** A frame as drawn and what it showed. */
    record Shot(Snapshot state, WritableImage image) {
    }

    /** Columns (x) of the pixels of {@code colour}, relative to the centre: {min, max, count}. */
    static int[] extent(WritableImage img, Color colour) {
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int cx = w / 2;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Color c = r.getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) < 0.03 && Math.abs(c.getGreen() - colour.getGreen()) < 0.03
                        && Math.abs(c.getBlue() - colour.getBlue()) < 0.03) {
                    min = Math.min(min, x - cx);
                    max = Math.max(max, x - cx);
                    n++;
                }
            }
        }
        return new int[] {min, max, n};
    }

    @Test
    void onlineSessionShowsCueBarResultsAndLatencyAndRecordsTheStream(@TempDir Path dir) throws Exception {
        Path model = trainModel(dir);
        String id = UUID.randomUUID().toString().substring(0, 8);
        LslConfig lsl = LslConfig.machine();
        Path rec = dir.resolve("online.edf");
        LiveSetup setup = LiveSetup.defaults(lsl, dir).withModel(model)
                .withProtocol(GrazTiming.openVibe().withoutBaseline(), 3, 7, "session-" + id).withRecord(rec);
        Shot[] cue = new Shot[1];
        Shot[] bar = new Shot[1];
        // 22 channels at 250 Hz, and the patient: 64 channels at 160 Hz following the session's cues
        try (SimulatedPatient wrong = SimulatedPatient.start(new StreamingSimulator(ChannelSets.BCI_IV_2A, 250, ERD, 1, 1),
                "wrong-" + id, lsl, null, 1, false);
             SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.EEGMMIDB_64, FS, ERD,
                     SUBJECT, 200), "patient-" + id, lsl, "session-" + id, SPEED, true)) {
            LiveSessionWindow w = fx(() -> LiveSessionWindow.open(null, setup));
            LiveSessionView v = w.view();
            fx(() -> {
                v.screen().addDrawListener(s -> {
                    if (s == null) {
                        return;
                    }
                    if (cue[0] == null && s.phase() == Phase.CUE && s.cue() != null) {
                        cue[0] = new Shot(s, v.screen().canvas().snapshot(null, null));
                    }
                    String d = s.decodedClass();
                    if (bar[0] == null && s.phase() == Phase.FEEDBACK && d != null
                            && PatientScreen.barFraction(s.smoothed(), s.classNames().indexOf(d)) > 0.2) {
                        bar[0] = new Shot(s, v.screen().canvas().snapshot(null, null));
                    }
                });
                return null;
            });
            try {
                waitFor("the model and both streams", 30, () -> fxTrue(() -> v.modelLoaded()
                        && v.streams().getItems().stream().anyMatch(s -> s.name().equals("wrong-" + id))
                        && v.streams().getItems().stream().anyMatch(s -> s.name().equals("patient-" + id))));

                // the stream that does not fit: the check says why, in words
                fx(() -> {
                    v.streams().setValue(find(v, "wrong-" + id));
                    return null;
                });
                waitFor("the mismatch", 20, () -> fxTrue(() -> v.check().getText().startsWith("✗")));
                String mismatch = fx(() -> v.check().getText());
                assertTrue(mismatch.contains("stream 'wrong-" + id + "' does not match the model"), mismatch);
                assertTrue(mismatch.contains("sampling rate is 250 Hz, the model needs 160 Hz"), mismatch);
                assertTrue(mismatch.contains("42 of the model's 64 channels are missing"), mismatch);

                fx(() -> {
                    v.streams().setValue(find(v, "patient-" + id));
                    return null;
                });
                waitFor("the stream to fit", 20, () -> fxTrue(() -> v.check().getText().startsWith("✓")));
                assertTrue(fx(() -> v.check().getText()).contains("64 channels at 160 Hz, fits the model"));

                fx(() -> {
                    v.startButton().fire();
                    return null;
                });
                LiveSummary s = v.finished().get(120, TimeUnit.SECONDS);
                fx(() -> null); // the end of the session is shown after the summary completes

                // six trials, each decided, listed with the running accuracy and the latency the engine measured
                assertEquals(6, s.trials().size());
                assertTrue(s.trials().stream().allMatch(t -> t.decoded() != null));
                List<String> lines = fx(() -> List.copyOf(v.results().getItems()));
                assertEquals(6, lines.size());
                for (int i = 0; i < 6; i++) {
                    var t = s.trials().get(i);
                    assertEquals(String.format(Locale.ROOT, "trial %d: cue %s, decoded %s (%s)", i + 1, t.cue(),
                            t.decoded(), t.correct() ? "correct" : "wrong"), lines.get(i));
                }
                assertEquals(String.format(Locale.ROOT, "Running accuracy %.1f %% (%d of 6)",
                        100.0 * s.correctTrials() / 6, s.correctTrials()), fx(() -> v.accuracy().getText()));
                assertEquals(String.format(Locale.ROOT, "Latency median %.2f ms, p99 %.2f ms (%d predictions)",
                        s.latencyMedian(), s.latencyP99(), s.predictions()), fx(() -> v.latency().getText()));
                assertTrue(s.predictions() > 100, "predictions " + s.predictions());
                assertTrue(fx(() -> v.status().getText()).startsWith("Finished: 6 trials"));
                System.err.printf(Locale.ROOT, "live window: accuracy %.3f, latency median %.2f ms p99 %.2f ms "
                        + "(%d predictions)%n", s.accuracy(), s.latencyMedian(), s.latencyP99(), s.predictions());

                // the arrow of the cue, on the cue's side only
                assertNotNull(cue[0], "no frame showed a cue");
                int[] arrow = extent(cue[0].image(), PatientScreen.ARROW);
                assertTrue(arrow[2] > 500, "arrow pixels " + arrow[2]);
                if (cue[0].state().cue() == Stimulation.LEFT_HAND) {
                    assertTrue(arrow[0] < -100 && arrow[1] <= 1, "left arrow spans " + arrow[0] + ".." + arrow[1]);
                } else {
                    assertTrue(arrow[1] > 100 && arrow[0] >= -1, "right arrow spans " + arrow[0] + ".." + arrow[1]);
                }
                // the bar, toward the decoded class, as long as its smoothed probability says
                assertNotNull(bar[0], "no frame showed the feedback bar");
                Snapshot b = bar[0].state();
                String decoded = b.decodedClass();
                double fraction = PatientScreen.barFraction(b.smoothed(), b.classNames().indexOf(decoded));
                double expected = fraction * 0.42 * bar[0].image().getWidth();
                int[] px = extent(bar[0].image(), PatientScreen.BAR);
                if (decoded.equals("left_hand")) {
                    assertTrue(px[1] <= 1 && Math.abs(-px[0] - expected) <= 3, "left bar spans " + px[0] + ".."
                            + px[1] + ", expected length " + expected);
                } else {
                    assertTrue(px[0] >= -1 && Math.abs(px[1] - expected) <= 3, "right bar spans " + px[0] + ".."
                            + px[1] + ", expected length " + expected);
                }

                // the recording: every sample received, as the patient streamed them; the summary beside it
                Recording r = EdfReader.read(rec);
                assertEquals(s.samplesReceived(), s.samplesRecorded());
                assertEquals(s.samplesReceived(), r.sampleCount());
                assertEquals(64, r.channelCount());
                RecordingChecks.assertHoldsPushed(r, patient.history());
                assertTrue(Files.readString(SessionFile.beside(rec)).contains("\"p99_ms\""));
            } finally {
                fx(() -> {
                    w.stage().close();
                    return null;
                });
            }
        }
    }

    @Test
    void calibrationRunShowsTheCuesWithoutABar(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LslConfig lsl = LslConfig.machine();
        Path rec = dir.resolve("calibration.edf");
        LiveSetup setup = LiveSetup.defaults(lsl, dir).withCalibration(true)
                .withProtocol(GrazTiming.openVibe().withoutBaseline(), 1, 3, "cal-" + id).withRecord(rec)
                .withStream("cal-patient-" + id, null).withRun(true, false);
        int[] barPixels = new int[1];
        Shot[] cue = new Shot[1];
        try (SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.EEGMMIDB_64, FS, ERD,
                SUBJECT, 300), "cal-patient-" + id, lsl, "cal-" + id, SPEED, false)) {
            LiveSessionWindow w = fx(() -> {
                LiveSessionWindow win = LiveSessionWindow.open(null, setup);
                win.view().screen().addDrawListener(s -> {
                    if (s == null) {
                        return;
                    }
                    WritableImage img = win.view().screen().canvas().snapshot(null, null);
                    if (s.phase() == Phase.FEEDBACK) {
                        barPixels[0] += extent(img, PatientScreen.BAR)[2];
                    }
                    if (cue[0] == null && s.phase() == Phase.CUE) {
                        cue[0] = new Shot(s, img);
                    }
                });
                return win;
            });
            try {
                LiveSummary s = w.view().finished().get(60, TimeUnit.SECONDS);
                fx(() -> null);
                assertEquals("calibration", s.mode());
                assertEquals(2, s.trials().size());
                assertEquals(0, s.predictions());
                assertEquals(0, barPixels[0], "a calibration run draws no feedback bar");
                assertNotNull(cue[0], "no frame showed a cue");
                int[] arrow = extent(cue[0].image(), PatientScreen.ARROW);
                assertTrue(cue[0].state().cue() == Stimulation.LEFT_HAND ? arrow[0] < -100 && arrow[1] <= 1
                        : arrow[1] > 100 && arrow[0] >= -1, "arrow spans " + arrow[0] + ".." + arrow[1]);
                assertEquals("Calibration: no decoding", fx(() -> w.view().accuracy().getText()));
                assertEquals(s.samplesReceived(), EdfReader.read(rec).sampleCount());
            } finally {
                fx(() -> {
                    w.stage().close();
                    return null;
                });
            }
        }
    }

    private static StreamInfo find(LiveSessionView v, String name) {
        return v.streams().getItems().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
