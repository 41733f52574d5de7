package org.mistudio.dsp.decode;

/**
 * A fitted CSP (immutable; arrays copied in and out).
 *
 * @param config      the configuration it was fitted with
 * @param classes     class labels, ascending
 * @param filters     spatial filters, {@code [component][channel]}, in component order (MNE's {@code filters_})
 * @param patterns    {@code pinv} of the filter matrix's transpose, {@code [component][channel]} (MNE's
 *                    {@code patterns_})
 * @param eigenvalues two classes: generalized eigenvalues in component order; otherwise null
 * @param mean        training mean of the average power of the kept components (MNE's {@code mean_})
 * @param std         training std (ddof 0) of the same (MNE's {@code std_})
 */
public record CspModel(Csp config, int[] classes, double[][] filters, double[][] patterns, double[] eigenvalues,
                       double[] mean, double[] std) {

    public CspModel {
        classes = classes.clone();
        filters = Linalg.copy(filters);
        patterns = Linalg.copy(patterns);
        eigenvalues = eigenvalues == null ? null : eigenvalues.clone();
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    @Override
    public double[][] filters() {
        return Linalg.copy(filters);
    }

    @Override
    public double[][] patterns() {
        return Linalg.copy(patterns);
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues == null ? null : eigenvalues.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    public int channelCount() {
        return filters[0].length;
    }

    /** Features {@code [trial][component]}: log average power, or z-scored average power if not {@code log}. */
    public double[][] transform(float[][][] x) {
        int nch = channelCount();
        checkShape(x, nch, x.length == 0 ? 0 : x[0][0].length, "CSP transform");
        int nc = config.nComponents();
        double[][] p = power(filters, nc, x);
        for (double[] row : p) {
            for (int j = 0; j < nc; j++) {
                row[j] = config.log() ? Math.log(row[j]) : (row[j] - mean[j]) / std[j];
            }
        }
        return p;
    }

    /** Mean over samples of the squared output of the first {@code nc} filters. */
    static double[][] power(double[][] filters, int nc, float[][][] x) {
        int nch = filters[0].length;
        double[][] out = new double[x.length][nc];
        double[] y = new double[0];
        for (int t = 0; t < x.length; t++) {
            float[][] trial = x[t];
            int nt = trial[0].length;
            if (y.length != nt) {
                y = new double[nt];
            }
            for (int j = 0; j < nc; j++) {
                java.util.Arrays.fill(y, 0);
                double[] w = filters[j];
                for (int c = 0; c < nch; c++) {
                    double wc = w[c];
                    float[] xc = trial[c];
                    for (int s = 0; s < nt; s++) {
                        y[s] += wc * xc[s];
                    }
                }
                double sum = 0;
                for (int s = 0; s < nt; s++) {
                    sum += y[s] * y[s];
                }
                out[t][j] = sum / nt;
            }
        }
        return out;
    }

    static void checkShape(float[][][] x, int nch, int nt, String who) {
        for (int t = 0; t < x.length; t++) {
            if (x[t] == null || x[t].length != nch) {
                throw new IllegalArgumentException(who + ": trial " + t + " has "
                        + (x[t] == null ? 0 : x[t].length) + " channels, expected " + nch);
            }
            for (int c = 0; c < nch; c++) {
                if (x[t][c].length != nt) {
                    throw new IllegalArgumentException(who + ": trial " + t + " channel " + c + " has "
                            + x[t][c].length + " samples, expected " + nt);
                }
            }
        }
    }
}
