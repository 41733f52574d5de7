package org.mistudio.dsp.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.epoch.TrialProtocol;
import org.mistudio.dsp.evaluation.CrossValidation;
import org.mistudio.dsp.evaluation.Scoring;
import org.mistudio.dsp.evaluation.StratifiedKFold;

class FbCspLdaTest {

    /** Simulated left/right trials, unfiltered, 0-4 s after the cue. */
    private static Epochs simulated(double erd) {
        var rec = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(30)
                .withErdStrength(erd)).recording();
        return new TrialProtocol(Map.of("left_hand", "left_hand", "right_hand", "right_hand"), Double.NaN,
                Double.NaN, 0, 4, 0, 4).apply(List.of(rec)).epochs();
    }

    private static double cv(Epochs e) {
        int[] y = ClassLabels.encodeNames(e.labels(), new java.util.ArrayList<>());
        double fs = e.samplingRate();
        FbCspLda clf = FbCspLda.defaults(fs, (int) Math.round(0.5 * fs), (int) Math.round(2.5 * fs));
        return CrossValidation.score(clf, e.data(), y, new StratifiedKFold(5), Scoring.ACCURACY).mean();
    }

    @Test
    void beatsChanceClearlyOnSimulatedLeftRightImagery() {
        double acc = cv(simulated(0.5));
        // 60 trials: the binomial 5 % threshold is about 0.62; demand far more.
        assertTrue(acc > 0.85, "FBCSP accuracy " + acc);
    }

    @Test
    void isAtChanceWithoutErd() {
        double acc = cv(simulated(0));
        assertTrue(acc < 0.7, "FBCSP accuracy without ERD " + acc);
    }

    @Test
    void featuresAreBandsTimesComponentsAndDeterministic() {
        Epochs e = simulated(0.5);
        int[] y = ClassLabels.encodeNames(e.labels(), new java.util.ArrayList<>());
        FbCspLda clf = FbCspLda.defaults(e.samplingRate(), 125, 625);
        FbCspLda.Model m = clf.fit(e.data(), y);
        assertEquals(9, m.csps().size());
        assertEquals(36, m.features(e.data())[0].length);
        assertEquals(36, m.lda().featureCount());
        double[][] again = clf.fit(e.data(), y).decisionFunction(e.data());
        double[][] first = m.decisionFunction(e.data());
        for (int t = 0; t < first.length; t++) {
            assertEquals(first[t][0], again[t][0], 0);
        }
        // m pairs in 'alternate' order: the first component has the largest eigenvalue, the second the smallest.
        double[] ev = m.csps().get(1).eigenvalues();
        assertTrue(ev[0] > 0.5 && ev[1] < 0.5, java.util.Arrays.toString(ev));
    }

    @Test
    void onlyTheInformativeBandCarriesTheSignal() {
        // A band far above the simulated mu/beta rhythms (and their ERD) alone decodes worse than the mu band.
        Epochs e = simulated(0.5);
        int[] y = ClassLabels.encodeNames(e.labels(), new java.util.ArrayList<>());
        double fs = e.samplingRate();
        FbCspLda base = FbCspLda.defaults(fs, 125, 625);
        double mu = CrossValidation.score(base.withBands(List.of(new FbCspLda.Band(8, 12))), e.data(), y,
                new StratifiedKFold(5), Scoring.ACCURACY).mean();
        double high = CrossValidation.score(base.withBands(List.of(new FbCspLda.Band(60, 80))), e.data(), y,
                new StratifiedKFold(5), Scoring.ACCURACY).mean();
        assertTrue(mu > high + 0.15, "8-12 Hz " + mu + " vs 60-80 Hz " + high);
    }

    @Test
    void rejectsBadConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> FbCspLda.defaults(250, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> FbCspLda.defaults(60, 0, 100)); // 36-40 Hz above Nyquist
        assertThrows(IllegalArgumentException.class, () -> new FbCspLda.Band(8, 4));
        assertThrows(IllegalArgumentException.class, () -> FbCspLda.defaults(250, 0, 100).withBands(List.of()));
        float[][][] shortTrials = new float[4][3][50];
        assertThrows(IllegalArgumentException.class,
                () -> FbCspLda.defaults(250, 0, 100).fit(shortTrials, new int[] {0, 1, 0, 1}));
    }
}
