package org.mistudio.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two stopping rules on hand-made validation curves whose stop and kept epochs follow from the rules' definitions
 * (see {@link EarlyStopping}); epochs are 1-based here.
 */
class EarlyStoppingTest {

    /** Runs a rule over the curve; returns {stop epoch (0 = never), last kept epoch} and the kept epochs. */
    private static int[] run(EarlyStopping.Rule rule, int patience, double[] loss, double[] acc, List<Integer> kept) {
        EarlyStopping s = new EarlyStopping(rule, patience);
        int last = 0;
        for (int i = 0; i < loss.length; i++) {
            EarlyStopping.Decision d = s.observe(loss[i], acc[i]);
            if (d.keep()) {
                last = i + 1;
                kept.add(i + 1);
            }
            if (d.stop()) {
                return new int[] {i + 1, last};
            }
        }
        return new int[] {0, last};
    }

    /**
     * The curve seen on EEGMMIDB S001 (EEGNet, 36 training trials): the loss rises from 0.725 for 15 epochs, is back
     * below its first value at epoch 30, falls until epoch 100, then stays flat.
     */
    private static double[] riseThenFall(int n) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            int e = i + 1;
            if (e <= 16) {
                l[i] = 0.725 + 0.002 * (e - 1);           // 0.725 ... 0.755
            } else if (e <= 100) {
                l[i] = 0.755 - 0.04 / 14 * (e - 16);      // falls 0.04 per 14 epochs
            } else {
                l[i] = 0.8;
            }
        }
        return l;
    }

    @Test
    void bestLossStopsAfterPatienceAndKeepsTheLowest() {
        double[] loss = riseThenFall(200);
        double[] acc = new double[200];
        List<Integer> kept = new ArrayList<>();
        int[] r = run(EarlyStopping.Rule.BEST_LOSS, 15, loss, acc, kept);
        assertEquals(16, r[0], "15 epochs without a lower loss after epoch 1");
        assertEquals(List.of(1), kept);
    }

    @Test
    void paperRuleWaitsForTheLossToComeBackBelowItsFirstValue() {
        double[] loss = riseThenFall(200);
        double[] acc = new double[200];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = i < 10 ? 0.43 : 0.71;    // accuracy steps up at epoch 11 and stays
        }
        List<Integer> kept = new ArrayList<>();
        int[] r = run(EarlyStopping.Rule.PAPER, 15, loss, acc, kept);
        // The first value below 0.725 is epoch 27's (0.755 - 0.04 / 14 * 11 = 0.7236).
        int firstBelow = 0;
        for (int i = 1; i < loss.length; i++) {
            if (loss[i] < loss[0]) {
                firstBelow = i + 1;
                break;
            }
        }
        assertEquals(27, firstBelow);
        // Patience counts from there; the loss falls every epoch to 100, then 15 epochs without improvement.
        assertEquals(115, r[0]);
        // Before the loss is back: epochs of higher accuracy (1, then 11). After: every epoch of lower loss whose
        // accuracy is at least 0.71, i.e. firstBelow ... 100.
        List<Integer> expected = new ArrayList<>(List.of(1, 11));
        for (int e = firstBelow; e <= 100; e++) {
            expected.add(e);
        }
        assertEquals(expected, kept);
        assertEquals(100, r[1]);
    }

    @Test
    void paperRuleKeepsNoLowerLossOfLowerAccuracy() {
        double[] loss = {0.70, 0.69, 0.68, 0.67, 0.66, 0.65};
        double[] acc = {0.50, 0.60, 0.55, 0.60, 0.70, 0.65};
        List<Integer> kept = new ArrayList<>();
        int[] r = run(EarlyStopping.Rule.PAPER, 15, loss, acc, kept);
        // Epoch 2 is below the first loss: kept (loss below +inf, accuracy 0.6 >= 0.5); 3 has lower accuracy; 4 has
        // equal accuracy and lower loss; 5 raises both; 6 lower loss but lower accuracy.
        assertEquals(List.of(1, 2, 4, 5), kept);
        assertEquals(0, r[0]);
    }

    @Test
    void paperRuleGivesUpAfterAHundredEpochsAboveTheFirstLoss() {
        int n = 300;
        double[] loss = new double[n];
        double[] acc = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = 0.7 + 0.001 * Math.abs(Math.sin(i));  // never below loss[0] = 0.7
            acc[i] = i == 40 ? 0.8 : 0.5;
        }
        List<Integer> kept = new ArrayList<>();
        int[] r = run(EarlyStopping.Rule.PAPER, 15, loss, acc, kept);
        // Epochs 2..102 are 101 misses: more than give_up = 100.
        assertEquals(EarlyStopping.GIVE_UP + 2, r[0]);
        assertEquals(List.of(1, 41), kept);
        // Patience 0: no early stop, not even the give-up.
        assertEquals(0, run(EarlyStopping.Rule.PAPER, 0, loss, acc, new ArrayList<>())[0]);
        assertEquals(0, run(EarlyStopping.Rule.BEST_LOSS, 0, loss, acc, new ArrayList<>())[0]);
    }

    @Test
    void namesAndBadInput() {
        assertEquals(EarlyStopping.Rule.PAPER, EarlyStopping.Rule.parse("paper"));
        assertEquals(EarlyStopping.Rule.BEST_LOSS, EarlyStopping.Rule.parse("best-loss"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EarlyStopping.Rule.parse("keras"));
        assertTrue(e.getMessage().contains("best-loss or paper") && e.getMessage().contains("keras"));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(EarlyStopping.Rule.PAPER, -1));
        assertFalse(new EarlyStopping(EarlyStopping.Rule.BEST_LOSS, 1).observe(Double.NaN, 0).keep());
    }
}
