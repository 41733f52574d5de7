package org.mistudio.dsp.decode;

/**
 * Ledoit-Wolf shrinkage covariance (Ledoit &amp; Wolf 2004, "A well-conditioned estimator for
 * large-dimensional covariance matrices", J Multivariate Anal 88:365-411), with the estimator of the
 * shrinkage intensity exactly as scikit-learn 1.2's {@code ledoit_wolf_shrinkage}: the target is
 * {@code mu I} with {@code mu = trace(S)/p} of the biased empirical covariance {@code S}.
 */
public final class LedoitWolf {

    private LedoitWolf() {
    }

    /** Shrunk covariance and the intensity used. */
    public record Result(double[][] covariance, double shrinkage) {
        public Result {
            covariance = Linalg.copy(covariance);
        }

        @Override
        public double[][] covariance() {
            return Linalg.copy(covariance);
        }
    }

    /** Fits to samples {@code x[sample][feature]}; the data are centred first (assume_centered=False). */
    public static Result fit(double[][] x) {
        int n = x.length;
        if (n < 1) {
            throw new IllegalArgumentException("Ledoit-Wolf: need at least one sample");
        }
        int p = x[0].length;
        double[][] c = center(x);
        double[][] emp = new double[p][p];
        for (double[] row : c) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    emp[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                emp[i][j] /= n;
            }
        }
        if (p == 1) {
            return new Result(emp, 0.0);
        }
        double s = shrinkage(c);
        double mu = 0;
        for (int i = 0; i < p; i++) {
            mu += emp[i][i];
        }
        mu /= p;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                emp[i][j] *= 1.0 - s;
            }
            emp[i][i] += s * mu;
        }
        return new Result(emp, s);
    }

    /** Ledoit-Wolf intensity of already centred samples (sklearn's formula, beta/delta clipped to [0, 1]). */
    static double shrinkage(double[][] c) {
        int n = c.length;
        int p = c[0].length;
        if (p == 1) {
            return 0.0;
        }
        double[] traceTerms = new double[p];
        double beta = 0; // sum_{j,l} (X2^T X2)_{jl} = sum_i (sum_j x_ij^2)^2
        for (double[] row : c) {
            double r = 0;
            for (int j = 0; j < p; j++) {
                double v = row[j] * row[j];
                traceTerms[j] += v / n;
                r += v;
            }
            beta += r * r;
        }
        double mu = 0;
        double traceSum = 0;
        for (int j = 0; j < p; j++) {
            traceSum += traceTerms[j];
        }
        mu = traceSum / p;
        double delta = 0; // sum of squared entries of X^T X
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
                double s = 0;
                for (double[] row : c) {
                    s += row[j] * row[l];
                }
                delta += s * s;
            }
        }
        delta /= (double) n * n;
        double b = 1.0 / ((double) p * n) * (beta / n - delta);
        double d = (delta - 2.0 * mu * traceSum + p * mu * mu) / p;
        b = Math.min(b, d);
        return b == 0 ? 0.0 : b / d;
    }

    static double[][] center(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[] mean = new double[p];
        for (double[] row : x) {
            if (row.length != p) {
                throw new IllegalArgumentException("rows have different lengths: " + row.length + " and " + p);
            }
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        double[][] c = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                c[i][j] = x[i][j] - mean[j];
            }
        }
        return c;
    }
}
