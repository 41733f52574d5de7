package org.mistudio.dsp.evaluation;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Chance level of a balanced k-class problem and the accuracy needed to beat it.
 *
 * <p>Significance threshold after Müller-Putz, Scherer, Brunner, Leeb, Pfurtscheller 2008, "Better than
 * random? A closer look on BCI results", Int J Bioelectromagnetism 10:52-55: with n test trials and chance
 * probability p = 1/k, the threshold is the smallest accuracy c/n whose binomial upper tail
 * {@code P(X >= c)}, X ~ Bin(n, p), is below alpha (e.g. 59 % for 2 classes, 100 trials, alpha 0.05).
 */
public final class ChanceLevel {

    private ChanceLevel() {
    }

    /** Theoretical chance level 1 / classes. */
    public static double of(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("chance level: need at least 2 classes, got " + classes);
        }
        return 1.0 / classes;
    }

    /** Binomial upper tail {@code P(X >= c)} for X ~ Bin(n, p), summed from the pmf (no cancellation). */
    public static double upperTail(int n, double p, int c) {
        if (c <= 0) {
            return 1.0;
        }
        if (c > n) {
            return 0.0;
        }
        BinomialDistribution b = new BinomialDistribution(null, n, p);
        double s = 0;
        for (int x = n; x >= c; x--) {
            s += b.probability(x);
        }
        return Math.min(1.0, s);
    }

    /** Smallest number of correct trials whose upper tail probability is below alpha. */
    public static int thresholdCount(int trials, int classes, double alpha) {
        if (trials < 1) {
            throw new IllegalArgumentException("chance threshold: need at least 1 test trial, got " + trials);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("chance threshold: alpha must be in (0, 1), got " + alpha);
        }
        double p = of(classes);
        for (int c = 0; c <= trials; c++) {
            if (upperTail(trials, p, c) < alpha) {
                return c;
            }
        }
        return trials + 1; // not reachable for alpha > p^n; reported as "no accuracy suffices"
    }

    /** The significance threshold as an accuracy (fraction); above 1 if even a perfect score is not enough. */
    public static double threshold(int trials, int classes, double alpha) {
        return (double) thresholdCount(trials, classes, alpha) / trials;
    }

    /**
     * "Accuracy improvement from chance level" of Köllőd et al. 2023 ("Deep Comparisons of Neural Networks
     * from the EEGNet Family", Electronics 12:2743), which lets results with different class counts be
     * compared. We could not read the paper's own formula here; as the project's decoding notes prescribe,
     * it is defined as accuracy minus the chance level 1/k, in percentage points.
     *
     * @param accuracy fraction in [0, 1]
     */
    public static double improvementFromChance(double accuracy, int classes) {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be a fraction in [0, 1], got " + accuracy);
        }
        return 100.0 * (accuracy - of(classes));
    }
}
