package org.mistudio.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.artifact.faster.FasterConfig;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.features.ConnectivityFeatures;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.dsp.preprocess.Preprocessing;

class FeatureExtractionTest {

    private static final Map<String, String> LR = new LinkedHashMap<>(Map.of("left_hand", "left_hand",
            "right_hand", "right_hand"));

    private static Recording session(long seed) {
        return MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(10).withSeed(seed))
                .recording();
    }

    @Test
    void oneRunGivesTheFeaturesOfEpochingAndPsdDoneByHand() {
        Recording r = session(1);
        PsdFeatures psd = PsdFeatures.happyFeat(PsdFeatures.Method.WELCH);
        List<Double> seen = new ArrayList<>();
        FeatureExtraction.Result res = new FeatureExtraction(LR, Preprocessing.none(), psd, Optional.empty(),
                Optional.empty()).run(List.of(r), (stage, f) -> seen.add(f));
        // By hand: EEG channels, epochs 0..4 s after each cue, PSD features of all trials at once.
        FeatureTensor expected = psd.extract(new Epocher(LR, 0, 4, null).apply(r.selectType(ChannelType.EEG))
                .epochs());
        assertEquals(expected.labels(), res.psd().labels());
        assertEquals(expected.channels(), res.psd().channels());
        assertEquals(20, res.psd().trialCount());
        for (int t = 0; t < expected.trialCount(); t++) {
            for (int c = 0; c < expected.channels().size(); c++) {
                assertArrayEquals(expected.values()[t][c], res.psd().values()[t][c], 0, "trial " + t + " ch " + c);
            }
        }
        assertTrue(res.connectivity().isEmpty() && res.faster().isEmpty());
        // Progress from 0 to 1, never backwards, with a step per chunk of trials.
        assertEquals(0, seen.get(0), 0);
        assertEquals(1, seen.get(seen.size() - 1), 0);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress " + seen);
        }
        assertTrue(seen.size() >= 2 + 20 / FeatureExtraction.CHUNK, "progress " + seen);
    }

    @Test
    void runsAreJoinedAndOptionalStagesReport() {
        Recording a = session(2);
        Recording b = session(3);
        FeatureExtraction fx = new FeatureExtraction(LR, Preprocessing.none(),
                PsdFeatures.happyFeat(PsdFeatures.Method.BURG), Optional.of(ConnectivityFeatures.defaults(true)),
                Optional.of(FasterConfig.defaults()));
        FeatureExtraction.Result res = fx.run(List.of(a, b), Progress.NONE);
        int kept = res.faster().orElseThrow().keptEpochs().length;
        assertTrue(kept > 30 && kept <= 40, "FASTER keeps most of the 40 trials: " + kept);
        assertEquals(kept, res.psd().trialCount());
        assertEquals(22, res.psd().channels().size(), "EEG only; the EOG channels served FASTER");
        FeatureTensor conn = res.connectivity().orElseThrow();
        assertEquals(kept, conn.trialCount());
        assertEquals(1, conn.frequencies()[0], 0);
        assertEquals(40, conn.frequencies()[conn.frequencies().length - 1], 0);
    }

    @Test
    void throwingFromProgressCancelsAndBadSettingsAreNamed() {
        FeatureExtraction fx = new FeatureExtraction(LR, Preprocessing.none(),
                PsdFeatures.happyFeat(PsdFeatures.Method.WELCH), Optional.empty(), Optional.empty());
        int[] calls = {0};
        assertThrows(CancellationException.class, () -> fx.run(List.of(session(4)), (stage, f) -> {
            if (stage.startsWith("PSD") && ++calls[0] == 2) {
                throw new CancellationException("cancelled");
            }
        }));
        assertEquals(2, calls[0], "stopped at the first check after the cancel");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FeatureExtraction(
                Map.of("T1", "T1", "T2", "T2"), Preprocessing.none(), PsdFeatures.happyFeat(PsdFeatures.Method.WELCH),
                Optional.empty(), Optional.empty()).run(List.of(session(4)), Progress.NONE));
        assertTrue(e.getMessage().contains("no trial of"), e.getMessage());
    }
}
