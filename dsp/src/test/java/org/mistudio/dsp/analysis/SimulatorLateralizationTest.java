package org.mistudio.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.Simulation;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.spectrum.Spectrum;
import org.mistudio.dsp.spectrum.Welch;

/** The simulator's physiology, measured with the same tools a user would use on real EEG. */
class SimulatorLateralizationTest {

    private static AnalysisResult analyse(SimulatorConfig config) {
        return MotorImageryAnalysis.run(MotorImagerySimulator.simulate(config).recording(),
                AnalysisSettings.leftRight());
    }

    private static int index(AnalysisResult r, String channel) {
        return r.channels().indexOf(channel);
    }

    @Test
    void muAndBetaPowerDropOverTheHemisphereOppositeTheImaginedHand() {
        AnalysisResult r = analyse(SimulatorConfig.defaults().withTrialsPerClass(30));
        int left = r.classes().indexOf("left_hand");
        int right = r.classes().indexOf("right_hand");
        for (ClassBandPower band : r.bands()) {
            double[][] db = band.meanDb();
            int c3 = index(r, "C3");
            int c4 = index(r, "C4");
            // Right-hand imagery lowers power over the left hemisphere (C3), left-hand imagery over the right (C4).
            assertTrue(db[right][c3] < db[left][c3] - 1, band.band() + " at C3: right " + db[right][c3]
                    + " dB vs left " + db[left][c3] + " dB");
            assertTrue(db[left][c4] < db[right][c4] - 1, band.band() + " at C4: left " + db[left][c4]
                    + " dB vs right " + db[right][c4] + " dB");
            // The signed r² says the same with the classes in order (left, right).
            assertTrue(band.signedR2()[c3] < -0.2, "r² at C3 " + band.signedR2()[c3]);
            assertTrue(band.signedR2()[c4] > 0.2, "r² at C4 " + band.signedR2()[c4]);
            // Far from the hand areas nothing changes.
            assertTrue(Math.abs(band.signedR2()[index(r, "POz")]) < 0.1, "r² at POz " + band.signedR2()[index(r,
                    "POz")]);
        }
        assertTrue(r.lateralization().orElseThrow().contralateral());
    }

    @Test
    void withoutErdThereIsNoLateralisation() {
        AnalysisResult r = analyse(SimulatorConfig.defaults().withTrialsPerClass(30).withErdStrength(0));
        ClassBandPower mu = r.bands().get(0);
        assertTrue(Math.abs(mu.signedR2()[index(r, "C3")]) < 0.1, "r² at C3 " + mu.signedR2()[index(r, "C3")]);
        assertTrue(Math.abs(mu.signedR2()[index(r, "C4")]) < 0.1, "r² at C4 " + mu.signedR2()[index(r, "C4")]);
    }

    @Test
    void strongerErdGivesALargerDrop() {
        double weak = analyse(SimulatorConfig.defaults().withErdStrength(0.3)).lateralization().orElseThrow()
                .c4RightMinusLeftDb();
        double strong = analyse(SimulatorConfig.defaults().withErdStrength(0.8)).lateralization().orElseThrow()
                .c4RightMinusLeftDb();
        assertTrue(strong > weak + 1, "ERD 0.8 gives " + strong + " dB, ERD 0.3 gives " + weak + " dB");
    }

    @Test
    void spectrumHasOneOverFBackgroundAndPeaksWhereTheSubjectsRhythmsAre() {
        Simulation sim = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(10)
                .withErdStrength(0));
        Recording r = sim.recording();
        Spectrum s = Welch.of(1000).estimate(r.channel("C3"), r.samplingRate());
        // 1/f: the power per octave is roughly constant, so density falls about tenfold per decade. Compare
        // 2-4 Hz with 40-80 Hz, away from the rhythms: density ratio near 20 (1/f), far from 1 (white).
        double low = s.bandPower(2, 4) / 2;
        double high = s.bandPower(40, 80) / 40;
        double ratio = low / high;
        assertTrue(ratio > 8 && ratio < 60, "density ratio 2-4 Hz over 40-80 Hz: " + ratio);
        // The mu peak: the bin of maximum power between 6 and 15 Hz sits at the simulated mu frequency.
        int best = -1;
        for (int k = 0; k < s.frequencies().length; k++) {
            double f = s.frequencies()[k];
            if (f >= 6 && f <= 15 && (best < 0 || s.power()[k] > s.power()[best])) {
                best = k;
            }
        }
        assertEquals(sim.muFrequency(), s.frequencies()[best], 0.75);
        // Alpha is posterior: stronger at POz than at Fz.
        double pozAlpha = Welch.of(250).estimate(r.channel("POz"), 250).bandPower(9, 11);
        double fzAlpha = Welch.of(250).estimate(r.channel("Fz"), 250).bandPower(9, 11);
        assertTrue(pozAlpha > 2 * fzAlpha, "alpha POz " + pozAlpha + " vs Fz " + fzAlpha);
        assertFalse(Double.isNaN(ratio));
    }
}
