package org.mistudio.models.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table's statistics against SciPy 1.x on the same subject accuracies ({@code scipy.stats.ttest_1samp(acc, 0.5,
 * alternative='greater')} and {@code scipy.stats.ttest_rel(transfer, within)}). The counts are EEGNet's within and
 * transfer results on the nine EEGMMIDB subjects (45 trials each), split over two folds per subject so that pooling
 * is exercised too.
 */
class BenchSummaryTest {

    private static final int[] WITHIN = {33, 30, 30, 23, 27, 34, 30, 26, 25};
    private static final int[] TRANSFER = {43, 34, 41, 37, 29, 37, 42, 30, 34};

    private static void add(List<BenchResult> out, String model, String protocol, int[] correct) {
        for (int s = 0; s < correct.length; s++) {
            String subject = String.format("S%03d", s + 1);
            int first = correct[s] / 2;
            out.add(new BenchResult(subject, model, protocol, 0, first, 23, 0, 1, 1));
            out.add(new BenchResult(subject, model, protocol, 1, correct[s] - first, 22, 0, 1, 1));
        }
    }

    @Test
    void pValuesMatchScipy() {
        List<BenchResult> rs = new ArrayList<>();
        add(rs, "eegnet", "within", WITHIN);
        add(rs, "eegnet", "transfer", TRANSFER);
        add(rs, "csp-lda", "within", new int[] {30, 39, 28, 21, 21, 18, 45, 19, 20});
        List<BenchSummary> t = BenchSummary.of(rs, List.of("eegnet", "csp-lda"));
        assertEquals(3, t.size());
        BenchSummary within = t.get(0);
        BenchSummary csp = t.get(1);
        BenchSummary transfer = t.get(2);
        assertEquals("transfer", transfer.protocol());
        assertEquals(33 / 45.0, within.subjectAccuracy().get("S001"), 1e-15);
        assertEquals(0.0005038976612119421, within.pAboveChance(), 1e-12);
        assertEquals(0.1099115021418146, csp.pAboveChance(), 1e-12);
        assertEquals(0.0008475084842478174, transfer.pTransfer(), 1e-12);
        assertTrue(Double.isNaN(within.pTransfer()));
        double effect = 0;
        for (int i = 0; i < 9; i++) {
            effect += (TRANSFER[i] - WITHIN[i]) / 45.0 / 9;
        }
        assertEquals(100 * effect, transfer.transferEffectPp(), 1e-9);
    }

    @Test
    void belowChanceAndTooFewSubjects() {
        List<BenchResult> rs = new ArrayList<>();
        add(rs, "eegnet", "within", new int[] {20, 22});
        // scipy: ttest_1samp([20/45, 22/45], 0.5, alternative='greater').pvalue
        assertEquals(0.8128329581890011, BenchSummary.of(rs, List.of("eegnet")).get(0).pAboveChance(), 1e-12);
        List<BenchResult> one = new ArrayList<>();
        add(one, "eegnet", "within", new int[] {30});
        assertTrue(Double.isNaN(BenchSummary.of(one, List.of("eegnet")).get(0).pAboveChance()));
    }
}
