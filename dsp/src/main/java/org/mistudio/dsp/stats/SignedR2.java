package org.mistudio.dsp.stats;

/**
 * The signed coefficient of determination between a feature and a two-class label: the squared point-biserial
 * correlation, positive when the second class has the larger mean. This is the statistic of BCI2000's and
 * HappyFeat's R² maps (Schalk et al. 2004; Desbois et al. 2023).
 */
public final class SignedR2 {

    private SignedR2() {
    }

    /**
     * @param first  feature values of the first class
     * @param second feature values of the second class
     * @return sign(mean(second) - mean(first)) * r^2, with r the Pearson correlation of the pooled values with a
     *         0/1 class indicator; 0 when all values are equal
     */
    public static double of(double[] first, double[] second) {
        int n0 = first.length;
        int n1 = second.length;
        if (n0 == 0 || n1 == 0) {
            throw new IllegalArgumentException("signed r²: both classes need trials, got " + n0 + " and " + n1);
        }
        double m0 = mean(first);
        double m1 = mean(second);
        int n = n0 + n1;
        double m = (m0 * n0 + m1 * n1) / n;
        double ss = 0;
        for (double v : first) {
            ss += (v - m) * (v - m);
        }
        for (double v : second) {
            ss += (v - m) * (v - m);
        }
        if (ss == 0) {
            return 0;
        }
        // r = (m1 - m0) * sqrt(n0 n1) / (n * sd), sd the population standard deviation of the pooled values.
        double r = (m1 - m0) * Math.sqrt((double) n0 * n1) / (n * Math.sqrt(ss / n));
        return Math.signum(r) * r * r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
