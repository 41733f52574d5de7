package org.mistudio.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.protocol.GrazSchedule;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;
import org.mistudio.dsp.evaluation.ChanceLevel;
import org.mistudio.models.classical.ClassicalTrainer;
import org.mistudio.models.classical.CspLdaKind;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelMismatchException;

/**
 * A live session end to end over loopback: a simulated patient (its own LSL outlet, imagining whatever the session's
 * marker stream cues) calibrated offline, a CSP+LDA model trained on that calibration, then an online run of 20
 * trials whose cues reach the patient only through LSL. The patient streams faster than real time (stream time
 * runs {@value #SPEED}x the wall clock); the session's protocol runs on stream time, so it is the same session.
 */
@Timeout(180)
class LiveSessionTest {
    static final double SPEED = 8;
    static final double FS = 160;
    static final long SUBJECT = 21;
    static final double ERD = 0.6;

    /** OpenViBE's trial timing without the 30 s baseline block. */
    static GrazTiming timing() {
        return GrazTiming.openVibe().withoutBaseline();
    }

    private static Path trained;

    /** The calibration: 30 trials per class of the same patient, another session's noise, generated offline. */
    static synchronized Path trainModel(Path dir) throws Exception {
        if (trained != null) {
            return trained;
        }
        StreamingSimulator sim = new StreamingSimulator(ChannelSets.EEGMMIDB_64, FS, ERD, SUBJECT, 100);
        GrazSchedule cal = GrazSchedule.of(timing(), List.of(Stimulation.LEFT_HAND, Stimulation.RIGHT_HAND), 30, 5);
        Recording rec = SimulatedPatient.offlineSession(sim, cal, 2, LocalDateTime.of(2026, 1, 1, 9, 0));
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("left_hand", "left_hand");
        classes.put("right_hand", "right_hand");
        ClassicalTrainer.Trained t = ClassicalTrainer.train(List.of(rec), List.of("calibration"),
                ClassicalTrainer.Spec.defaults(CspLdaKind.NAME, classes), "test");
        System.err.printf("calibration: CSP+LDA cross-validated accuracy %.3f%n", t.crossValidation().accuracy());
        Path f = java.nio.file.Files.createTempFile("patient", ".mimodel");
        f.toFile().deleteOnExit();
        ModelFile.write(f, t.metadata(), t.entries());
        trained = f;
        return f;
    }

    @Test
    void onlineRunDecodesTheSimulatedImageryAndRecordsEverySample(@TempDir Path dir) throws Exception {
        Path model = trainModel(dir);
        String id = UUID.randomUUID().toString().substring(0, 8);
        LslConfig lsl = LslConfig.machine();
        Path rec = dir.resolve("online.edf");
        LiveConfig cfg = LiveConfig.defaults(lsl, "patient-" + id).withOutletName("session-" + id).withTiming(timing())
                .withTrials(10, 7).withRecord(rec);
        List<LivePrediction> preds = new ArrayList<>();
        List<double[]> cues = new ArrayList<>(); // {time, code}
        LiveListener l = new LiveListener() {
            @Override
            public void prediction(LivePrediction p) {
                preds.add(p);
            }

            @Override
            public void stimulation(double time, Stimulation s, int trial) {
                if (s.isCue()) {
                    cues.add(new double[] {time, s.code()});
                }
            }
        };
        LiveSummary s;
        SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.EEGMMIDB_64, FS, ERD,
                SUBJECT, 200), "patient-" + id, lsl, "session-" + id, SPEED, true);
        try {
            s = new LiveSession(cfg, ModelFile.read(model), l).run();
        } finally {
            patient.close();
        }
        System.err.printf("online: accuracy %.3f (%d/%d), latency median %.2f ms p99 %.2f ms max %.2f ms over %d "
                        + "predictions, %d samples received, %d recorded%n", s.accuracy(), s.correctTrials(),
                s.trials().size(), s.latencyMedian(), s.latencyP99(), s.latencyMax(), s.predictions(),
                s.samplesReceived(), s.samplesRecorded());

        // 20 trials, 10 per class, each decided; the patient imagined exactly the cues the session gave, in order
        assertEquals(20, s.trials().size());
        assertEquals(10, s.trials().stream().filter(t -> t.cue().equals("left_hand")).count());
        List<Integer> received = patient.receivedMarkers().stream().map(m -> Integer.parseInt(m.text()))
                .filter(c -> c == 769 || c == 770).toList();
        assertEquals(cues.stream().map(c -> (int) c[1]).toList(), received, "cues given = cues the patient received");
        for (TrialResult t : s.trials()) {
            assertTrue(t.windows() > 10, "trial " + t.index() + " decided on " + t.windows() + " windows");
        }
        // decoded well above chance: the binomial threshold for 20 two-class trials (Müller-Putz et al. 2008)
        double threshold = ChanceLevel.threshold(20, 2, 0.05);
        assertEquals(threshold, s.chanceThreshold(), 0);
        assertTrue(s.accuracy() >= threshold, "accuracy " + s.accuracy() + " vs chance threshold " + threshold);

        // latency reported: one per prediction, a prediction every 10 samples
        assertEquals(preds.size(), s.predictions());
        assertTrue(s.predictions() >= (s.samplesReceived() - 320) / 10, "predictions " + s.predictions());
        assertTrue(s.latencyMedian() > 0 && s.latencyP99() >= s.latencyMedian(), "latency " + s.latencyMedian());

        // no sample lost: the recording holds every sample received, equal to what the patient pushed, in order
        Recording r = EdfReader.read(rec);
        assertEquals(0, s.gaps());
        assertEquals(s.samplesReceived(), s.samplesRecorded());
        assertEquals(s.samplesReceived(), r.sampleCount());
        assertEquals(64, r.channelCount());
        RecordingChecks.assertHoldsPushed(r, patient.history());
        // the cues and the predictions are annotations at their stream times
        List<Annotation> cueAnn = r.annotations().stream().filter(a -> a.label().equals("left_hand") || a.label().equals("right_hand")).toList();
        assertEquals(20, cueAnn.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(cues.get(i)[0], cueAnn.get(i).onset(), 1e-6);
            assertEquals(Stimulation.ofCode((int) cues.get(i)[1]).orElseThrow().label(), cueAnn.get(i).label());
        }
        long predAnn = r.annotations().stream().filter(a -> a.label().startsWith("pred ")).count();
        assertEquals(s.predictions(), predAnn, "one annotation per prediction");
        assertTrue(r.annotations().stream().anyMatch(a -> a.label().startsWith("latency median ")));
        assertEquals(1, r.annotations().stream().filter(a -> a.label().equals("experiment_stop")).count());
    }

    @Test
    void aStreamThatDoesNotFitTheModelIsRefusedByName(@TempDir Path dir) throws Exception {
        Path model = trainModel(dir);
        String id = UUID.randomUUID().toString().substring(0, 8);
        LslConfig lsl = LslConfig.machine();
        // 22 channels at 250 Hz: most of the model's 64 are missing, and the rate differs
        try (SimulatedPatient p = SimulatedPatient.start(new StreamingSimulator(ChannelSets.BCI_IV_2A, 250, ERD, 1, 1),
                "wrong-" + id, lsl, null, 1, false)) {
            LiveConfig cfg = LiveConfig.defaults(lsl, "wrong-" + id).withOutletName("s-" + id).withLimits(5, 0);
            ModelMismatchException e = assertThrows(ModelMismatchException.class,
                    () -> new LiveSession(cfg, ModelFile.read(model), null).run());
            assertTrue(e.getMessage().startsWith("stream 'wrong-" + id + "' does not match the model"), e.getMessage());
            assertTrue(e.getMessage().contains("sampling rate is 250 Hz, the model needs 160 Hz"), e.getMessage());
            assertTrue(e.getMessage().contains("42 of the model's 64 channels are missing: FC5, FC6"), e.getMessage());
        }
        LiveConfig none = LiveConfig.defaults(lsl, "absent-" + id).withLimits(1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LiveSession(none, null, null).run());
        assertTrue(e.getMessage().startsWith("no LSL EEG stream named 'absent-" + id + "'"), e.getMessage());
    }
}
