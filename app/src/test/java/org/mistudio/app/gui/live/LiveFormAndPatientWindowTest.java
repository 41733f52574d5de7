package org.mistudio.app.gui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;
import org.mistudio.app.gui.Fx;
import org.mistudio.app.gui.live.LiveSessionViewTest.Shot;
import org.mistudio.app.gui.live.SessionState.Phase;
import org.mistudio.app.live.LiveConfig;
import org.mistudio.app.live.LiveSummary;
import org.mistudio.app.live.Tone;
import org.mistudio.app.live.TonePlayer;

/**
 * The live window's protocol fields (checked, named in the message when wrong, handed to the session when right)
 * and the patient's own window (the cue arrow drawn there, the screen back in the operator's window when it closes).
 * Headless (Monocle), a simulated patient over loopback.
 */
@Timeout(120)
class LiveFormAndPatientWindowTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    private static TextField field(LiveSessionWindow w, String id) {
        return (TextField) w.stage().getScene().getRoot().lookup("#" + id);
    }

    private static void set(LiveSessionWindow w, String id, String text) throws Exception {
        Fx.run(() -> {
            field(w, id).setText(text);
            return null;
        });
    }

    /** Tries to start; returns the status line. */
    private static String start(LiveSessionWindow w) throws Exception {
        return Fx.run(() -> {
            w.view().start();
            return w.view().status().getText();
        });
    }

    @Test
    void theFieldsReachTheSessionAndABadValueIsNamedAndDoesNotStart(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LslConfig lsl = LslConfig.machine();
        Path rec = dir.resolve("form.edf");
        LiveSetup setup = LiveSetup.defaults(lsl, dir).withCalibration(true)
                .withProtocol(GrazTiming.openVibe().withoutBaseline(), 20, 3, "form-" + id).withRecord(rec)
                .withStream("form-patient-" + id, null).withBeep(false);
        LiveSessionWindow w = Fx.run(() -> LiveSessionWindow.open(null, setup));
        try {
            // the fields start with the setup's values
            assertEquals("20", Fx.run(() -> field(w, "live-trials").getText()));
            assertEquals("2", Fx.run(() -> field(w, "live-fixation").getText()));
            assertEquals("1.25", Fx.run(() -> field(w, "live-cue").getText()));
            assertEquals("0.0625", Fx.run(() -> field(w, "live-step").getText()));
            assertEquals("8", Fx.run(() -> field(w, "live-smoothing").getText()));

            // wrong values: a message naming the field and its range; nothing starts
            set(w, "live-cue", "abc");
            assertEquals("Cue (s) must be a number from 0 to 30, got 'abc'.", start(w));
            set(w, "live-cue", "1");
            set(w, "live-trials", "0");
            assertEquals("Trials/class must be a whole number from 1 to 200, got 0.", start(w));
            set(w, "live-trials", "2.5");
            assertEquals("Trials/class must be a whole number from 1 to 200, got 2.5.", start(w));
            set(w, "live-trials", "1");
            set(w, "live-rest-min", "2");
            set(w, "live-rest-max", "1");
            assertEquals("Rest max (s) must be a number from 2 to 60, got 1.", start(w));
            set(w, "live-rest-max", "2.5");
            set(w, "live-smoothing", "5000");
            assertEquals("Smoothing must be a whole number from 1 to 1000, got 5000.", start(w));
            set(w, "live-smoothing", "4");
            set(w, "live-step", "0");
            assertEquals("Step (s) must be a number from 0.01 to 10, got 0.", start(w));
            assertFalse(w.view().started());
            assertNull(Fx.run(() -> w.view().config()));
            assertTrue(Fx.run(() -> field(w, "live-step").getStyle()).contains("border-color"), "the field is marked");

            // right values: the session gets them
            set(w, "live-step", "0.125");
            set(w, "live-fixation", "1.5");
            set(w, "live-beep-to-cue", "0.5");
            set(w, "live-feedback", "2");
            LiveSummary s;
            try (SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.EEGMMIDB_64, 160,
                    0.6, 21, 500), "form-patient-" + id, lsl, "form-" + id, 8, false)) {
                start(w);
                assertTrue(w.view().started());
                s = w.view().finished().get(60, TimeUnit.SECONDS);
            }
            Fx.run(() -> null);
            LiveConfig cfg = Fx.run(() -> w.view().config());
            assertEquals(1, cfg.trialsPerClass());
            assertEquals(0.125, cfg.stepSeconds());
            assertEquals(4, cfg.smoothing());
            GrazTiming base = GrazTiming.openVibe().withoutBaseline();
            assertEquals(new GrazTiming(base.experimentLead(), base.baseline(), base.postBaseline(), 1.5, 0.5, 1, 2, 2,
                    2.5), cfg.timing());
            assertEquals("", Fx.run(() -> field(w, "live-step").getStyle()), "the mark is gone");
            assertFalse(Fx.run(() -> w.view().status().getText()).contains(TonePlayer.NO_AUDIO), "beep off: no note");
            // and the protocol ran with them: 2 trials; in the recording, beep 1.5 s after the cross, cue 0.5 s
            // after the beep, end of trial 1 + 2 s after the cue
            assertEquals(2, s.trials().size());
            List<Annotation> a = EdfReader.read(rec).annotations();
            List<Double> cross = onsets(a, Stimulation.CROSS_ON_SCREEN);
            List<Double> beep = onsets(a, Stimulation.BEEP);
            List<Double> cue = a.stream().filter(x -> x.label().equals("left_hand") || x.label().equals("right_hand"))
                    .map(Annotation::onset).toList();
            List<Double> end = onsets(a, Stimulation.END_OF_TRIAL);
            assertEquals(2, cue.size());
            for (int k = 0; k < 2; k++) {
                assertEquals(1.5, beep.get(k) - cross.get(k), 0.02);
                assertEquals(0.5, cue.get(k) - beep.get(k), 0.02);
                assertEquals(3, end.get(k) - cue.get(k), 0.02);
            }
            double rest = cross.get(1) - end.get(0);
            assertTrue(rest >= 2 - 0.02 && rest <= 2.5 + 0.02, "rest " + rest);
        } finally {
            Fx.run(() -> {
                w.stage().close();
                return null;
            });
        }
    }

    private static List<Double> onsets(List<Annotation> a, Stimulation s) {
        return a.stream().filter(x -> x.label().equals(s.label())).map(Annotation::onset).toList();
    }

    @Test
    void thePatientWindowShowsTheCueAndGivesTheScreenBackWhenClosed(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LslConfig lsl = LslConfig.machine();
        LiveSetup setup = LiveSetup.defaults(lsl, dir).withCalibration(true)
                .withProtocol(new GrazTiming(0, 0, 0, 1, 0.5, 1.25, 1, 0.5, 0.5), 1, 5, "pw-" + id)
                .withRecord(dir.resolve("pw.edf")).withStream("pw-patient-" + id, null);
        Shot[] cue = new Shot[1];
        Stage[] drawnOn = new Stage[1];
        LiveSessionWindow w = Fx.run(() -> LiveSessionWindow.open(null, setup));
        try {
            PatientWindow pw = Fx.run(() -> {
                w.view().patientWindowButton().fire();
                PatientScreen screen = w.view().screen();
                screen.addDrawListener(s -> {
                    if (cue[0] == null && s != null && s.phase() == Phase.CUE && s.cue() != null) {
                        cue[0] = new Shot(s, screen.canvas().snapshot(null, null));
                        drawnOn[0] = (Stage) screen.getScene().getWindow();
                    }
                });
                return w.view().patientWindow();
            });
            assertNotNull(pw, "the patient window opened");
            Stage ps = pw.stage();
            assertTrue(Fx.run(ps::isShowing));
            assertEquals(PatientWindow.TITLE, Fx.run(ps::getTitle));
            // one (virtual) monitor: an ordinary window, not full screen; the screen is in it, not in the operator's
            assertFalse(Fx.run(ps::isFullScreen));
            assertSame(ps, Fx.run(() -> w.view().screen().getScene().getWindow()));
            assertTrue(Fx.run(() -> w.view().screen().getWidth()) > 600, "the screen fills the patient window");
            assertEquals("Close patient window", Fx.run(() -> w.view().patientWindowButton().getText()));

            try (SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.EEGMMIDB_64, 160,
                    0.6, 21, 600), "pw-patient-" + id, lsl, "pw-" + id, 8, false)) {
                start(w);
                w.view().finished().get(60, TimeUnit.SECONDS);
            }
            Fx.run(() -> null);
            // the beep box is ticked by default: without a sound device the status line says so, once, in words
            String status = Fx.run(() -> w.view().status().getText());
            assertTrue(status.startsWith("Finished: 2 trials"), status);
            int notes = status.split(java.util.regex.Pattern.quote(TonePlayer.NO_AUDIO), -1).length - 1;
            assertTrue(notes == (soundDevice() ? 0 : 1), status);
            // the arrow of the cue, on the cue's side, drawn in the patient's window
            assertNotNull(cue[0], "no frame showed a cue");
            assertSame(ps, drawnOn[0]);
            WritableImage img = cue[0].image();
            assertEquals(Fx.run(() -> ps.getScene().getWidth()), img.getWidth(), 1);
            int[] arrow = LiveSessionViewTest.extent(img, PatientScreen.ARROW);
            assertTrue(arrow[2] > 500, "arrow pixels " + arrow[2]);
            assertTrue(cue[0].state().cue() == Stimulation.LEFT_HAND ? arrow[0] < -100 && arrow[1] <= 1
                    : arrow[1] > 100 && arrow[0] >= -1, "arrow spans " + arrow[0] + ".." + arrow[1]);

            // closing it: the screen is back in the operator's window
            Fx.run(() -> {
                ps.close();
                return null;
            });
            assertNull(Fx.run(() -> w.view().patientWindow()));
            assertSame(w.stage(), Fx.run(() -> w.view().screen().getScene().getWindow()));
            assertSame(w.view().screen(), Fx.run(() -> ((javafx.scene.layout.BorderPane) w.view().root()).getCenter()));
            assertEquals("Patient window", Fx.run(() -> w.view().patientWindowButton().getText()));
        } finally {
            Fx.run(() -> {
                w.stage().close();
                return null;
            });
        }
    }

    private static boolean soundDevice() {
        try {
            javax.sound.sampled.SourceDataLine l = javax.sound.sampled.AudioSystem.getSourceDataLine(Tone.format());
            l.open(Tone.format());
            l.close();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void thePatientGetsAnotherMonitorThanTheOperatorsWhenThereIsOne() {
        Rectangle2D left = new Rectangle2D(0, 0, 1920, 1080);
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 1024);
        assertEquals(Optional.empty(), PatientWindow.secondMonitor(List.of(left), left, null));
        assertEquals(Optional.of(right), PatientWindow.secondMonitor(List.of(left, right), left, null));
        // the operator's window on the right-hand monitor: the patient gets the left-hand (primary) one
        assertEquals(Optional.of(left), PatientWindow.secondMonitor(List.of(left, right), left,
                new Rectangle2D(2000, 100, 800, 600)));
        assertEquals(Optional.of(right), PatientWindow.secondMonitor(List.of(left, right), left,
                new Rectangle2D(100, 100, 800, 600)));
    }
}
