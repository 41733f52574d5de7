package org.mistudio.dsp.artifact.faster;

/**
 * FASTER's outlier rule (Nolan et al. 2010): an item is bad when the |z-score| of a metric across items exceeds a
 * threshold. With {@code maxIterations > 1}, as mne-faster's use of MNE's {@code _find_outliers}, the z-scores are
 * recomputed over the items not yet marked until no new item crosses the threshold.
 */
public final class Outliers {

    private Outliers() {
    }

    /** (x - mean) / std over the items where {@code use} is true (population std); NaN elsewhere. */
    public static double[] zScores(double[] x, boolean[] use) {
        double m = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (use[i]) {
                m += x[i];
                n++;
            }
        }
        m /= n;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (use[i]) {
                s += (x[i] - m) * (x[i] - m);
            }
        }
        double sd = Math.sqrt(s / n);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = !use[i] ? Double.NaN : sd > 0 ? (x[i] - m) / sd : 0;
        }
        return z;
    }

    public static double[] zScores(double[] x) {
        boolean[] all = new boolean[x.length];
        java.util.Arrays.fill(all, true);
        return zScores(x, all);
    }

    /**
     * The outliers of {@code x}: the z-scores of the last iteration (an item marked in an earlier iteration keeps
     * the z-score that marked it) and the mask of bad items.
     */
    public static Result find(double[] x, double threshold, int maxIterations) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("outlier threshold must be > 0, got " + threshold);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("outlier iterations must be >= 1, got " + maxIterations);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("outlier detection: metric values must be finite");
            }
        }
        boolean[] bad = new boolean[x.length];
        boolean[] use = new boolean[x.length];
        java.util.Arrays.fill(use, true);
        double[] z = new double[x.length];
        for (int it = 0; it < maxIterations; it++) {
            double[] zi = zScores(x, use);
            boolean any = false;
            for (int i = 0; i < x.length; i++) {
                if (!use[i]) {
                    continue;
                }
                z[i] = zi[i];
                if (Math.abs(zi[i]) > threshold) {
                    bad[i] = true;
                    any = true;
                }
            }
            if (!any) {
                break;
            }
            for (int i = 0; i < x.length; i++) {
                use[i] = !bad[i];
            }
            int left = 0;
            for (boolean u : use) {
                left += u ? 1 : 0;
            }
            if (left < 3) {
                break;
            }
        }
        return new Result(z, bad);
    }

    /** z-scores and the bad mask. */
    public record Result(double[] zScores, boolean[] bad) {
    }
}
