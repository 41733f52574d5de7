package org.mistudio.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.spectrum.ErdsMap;

class ErdsAnalysisTest {

    /** Mean ERD/ERS % of one channel over [t0, t1] s and [f0, f1] Hz. */
    private static double mean(ErdsMap m, String channel, double t0, double t1, double f0, double f1) {
        int c = m.channels().indexOf(channel);
        double s = 0;
        int n = 0;
        for (int t = 0; t < m.times().length; t++) {
            for (int k = 0; k < m.frequencies().length; k++) {
                if (m.times()[t] >= t0 && m.times()[t] <= t1 && m.frequencies()[k] >= f0 && m.frequencies()[k] <= f1) {
                    s += m.percent()[c][t][k];
                    n++;
                }
            }
        }
        return s / n;
    }

    @Test
    void contralateralMuDesynchronisesAgainstTheFixationBaseline() {
        // The simulator halves mu power over the hemisphere opposite the imagined hand (ERD strength 0.5).
        var rec = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(20)).recording();
        Map<String, String> lr = new LinkedHashMap<>();
        lr.put("left_hand", "left_hand");
        lr.put("right_hand", "right_hand");
        ErdsAnalysis graz = ErdsAnalysis.graz();
        Map<String, ErdsMap> maps = graz.run(rec, lr);
        assertEquals(java.util.List.of("left_hand", "right_hand"), java.util.List.copyOf(maps.keySet()));
        ErdsMap right = maps.get("right_hand");
        ErdsMap left = maps.get("left_hand");
        assertEquals(2, right.frequencies()[1] - right.frequencies()[0], 1e-9, "0.5 s windows: 2 Hz bins");
        // By definition the baseline windows average to zero change.
        assertEquals(0, mean(right, "C3", -1.5, -0.5, 0, 60), 1e-9);
        double c3Right = mean(right, "C3", 0.5, 3.5, 8, 14);
        double c3Left = mean(left, "C3", 0.5, 3.5, 8, 14);
        double c4Left = mean(left, "C4", 0.5, 3.5, 8, 14);
        double c4Right = mean(right, "C4", 0.5, 3.5, 8, 14);
        System.out.printf("mu ERD/ERS 0.5-3.5 s: C3 right %.1f %% left %.1f %%, C4 left %.1f %% right %.1f %%%n",
                c3Right, c3Left, c4Left, c4Right);
        // Halved mu power is -50 % at most; the 1/f background under the mu peak dilutes it.
        assertTrue(c3Right < -20 && c3Right > -60, "C3 right-hand ERD " + c3Right);
        assertTrue(c4Left < -20 && c4Left > -60, "C4 left-hand ERD " + c4Left);
        assertTrue(c3Left - c3Right > 15, "ipsilateral hand desynchronises C3 less: " + c3Left + " vs " + c3Right);
        assertTrue(c4Right - c4Left > 15, "ipsilateral hand desynchronises C4 less: " + c4Right + " vs " + c4Left);
    }
}
