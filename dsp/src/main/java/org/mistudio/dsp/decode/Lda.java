package org.mistudio.dsp.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Linear discriminant analysis (Fisher 1936; Hastie, Tibshirani &amp; Friedman, ESL 2nd ed., 4.3), shared
 * covariance, priors from the class frequencies. Two solvers, each equivalent to scikit-learn 1.2.1:
 * <ul>
 *   <li>{@link #svd()}: {@code LinearDiscriminantAnalysis()} (solver='svd', tol=1e-4). The within-class
 *       scatter is whitened by an SVD of the standardised, class-centred data (rank cut at singular values
 *       &le; tol), then projected onto the span of the class centres; so collinear features work.</li>
 *   <li>{@link #lsqrAuto()}: {@code LinearDiscriminantAnalysis(solver='lsqr', shrinkage='auto')}: the
 *       pooled covariance is the prior-weighted sum of per-class Ledoit-Wolf covariances computed on
 *       standardised features and rescaled back (as sklearn's {@code _cov}); coefficients solve
 *       {@code Sigma w_k = mu_k} in the least-squares sense.</li>
 *   <li>{@link #lsqr(double)}: a fixed shrinkage {@code (1-a) S + a trace(S)/p I} of each biased class
 *       covariance (no standardisation, as sklearn with a float shrinkage); {@link #lsqr()}: none.</li>
 * </ul>
 * Immutable; {@link #fit} returns an immutable {@link LdaModel}.
 */
public final class Lda implements Classifier<double[][]> {

    /** sklearn's default rank tolerance of the svd solver. */
    public static final double SVD_TOL = 1e-4;

    private enum Solver { SVD, LSQR }

    private final Solver solver;
    /** NaN: Ledoit-Wolf ('auto'); otherwise the fixed intensity in [0, 1]. */
    private final double shrinkage;

    private Lda(Solver solver, double shrinkage) {
        this.solver = solver;
        this.shrinkage = shrinkage;
    }

    /** No shrinkage, sklearn's default SVD solver. */
    public static Lda svd() {
        return new Lda(Solver.SVD, 0);
    }

    /** Ledoit-Wolf shrinkage (sklearn solver='lsqr', shrinkage='auto'). */
    public static Lda lsqrAuto() {
        return new Lda(Solver.LSQR, Double.NaN);
    }

    /** Least-squares solver with a fixed shrinkage intensity in [0, 1]. */
    public static Lda lsqr(double shrinkage) {
        if (!(shrinkage >= 0 && shrinkage <= 1)) {
            throw new IllegalArgumentException("LDA: shrinkage must be in [0, 1], got " + shrinkage);
        }
        return new Lda(Solver.LSQR, shrinkage);
    }

    /** Least-squares solver without shrinkage. */
    public static Lda lsqr() {
        return lsqr(0);
    }

    @Override
    public String toString() {
        return solver == Solver.SVD ? "LDA(svd)"
                : Double.isNaN(shrinkage) ? "LDA(lsqr, shrinkage=auto)" : "LDA(lsqr, shrinkage=" + shrinkage + ")";
    }

    /** Fits with string labels; the model's classes are 0..k-1 in sorted name order, named by classNames. */
    public LdaModel fit(double[][] x, List<String> labels) {
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(labels, names);
        LdaModel m = fit(x, y);
        return new LdaModel(m.classes(), m.priors(), m.means(), m.coef(), m.intercept(), names);
    }

    @Override
    public LdaModel fit(double[][] x, int[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("LDA: " + (x == null ? 0 : x.length) + " feature rows but "
                    + (y == null ? 0 : y.length) + " labels");
        }
        ClassLabels cl = ClassLabels.of(y);
        cl.requireTrainable("LDA", 1);
        int n = x.length;
        int p = x[0].length;
        if (p == 0) {
            throw new IllegalArgumentException("LDA: need at least one feature");
        }
        for (int i = 0; i < n; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("LDA: row " + i + " has " + x[i].length + " features, expected " + p);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("LDA: row " + i + " has a non-finite feature value");
                }
            }
        }
        int k = cl.classCount();
        int[] enc = cl.encoded();
        int[] counts = cl.counts();
        double[] priors = new double[k];
        double[][] means = new double[k][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                means[enc[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            priors[c] = (double) counts[c] / n;
            for (int j = 0; j < p; j++) {
                means[c][j] /= counts[c];
            }
        }
        double[][] coef;
        double[] intercept;
        if (solver == Solver.SVD) {
            if (n <= k) {
                throw new IllegalArgumentException("LDA: need more trials (" + n + ") than classes (" + k + ")");
            }
            double[][][] ci = solveSvd(x, enc, priors, means);
            coef = ci[0];
            intercept = ci[1][0];
        } else {
            double[][] sigma = new double[p][p];
            for (int c = 0; c < k; c++) {
                double[][] xc = new double[counts[c]][];
                int r = 0;
                for (int i = 0; i < n; i++) {
                    if (enc[i] == c) {
                        xc[r++] = x[i];
                    }
                }
                double[][] s = classCovariance(xc);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        sigma[a][b] += priors[c] * s[a][b];
                    }
                }
            }
            coef = Linalg.transpose(Linalg.lstsq(sigma, Linalg.transpose(means)));
            intercept = new double[k];
            for (int c = 0; c < k; c++) {
                double d = 0;
                for (int j = 0; j < p; j++) {
                    d += means[c][j] * coef[c][j];
                }
                intercept[c] = -0.5 * d + Math.log(priors[c]);
            }
        }
        return new LdaModel(cl.classes(), priors, means, coef, intercept, null);
    }

    /** sklearn's _solve_svd: returns {coef (k x p), {intercept}} for all classes. */
    private static double[][][] solveSvd(double[][] x, int[] enc, double[] priors, double[][] means) {
        int n = x.length;
        int p = x[0].length;
        int k = means.length;
        double[] xbar = new double[p];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                xbar[j] += priors[c] * means[c][j];
            }
        }
        // class-centred data, grouped by class in class order (as sklearn concatenates)
        double[][] xc = new double[n][];
        int r = 0;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                if (enc[i] == c) {
                    double[] row = new double[p];
                    for (int j = 0; j < p; j++) {
                        row[j] = x[i][j] - means[c][j];
                    }
                    xc[r++] = row;
                }
            }
        }
        // 1) univariate within-class standard deviations (numpy std, ddof 0; zero -> 1)
        double[] std = new double[p];
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += xc[i][j];
            }
            m /= n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += (xc[i][j] - m) * (xc[i][j] - m);
            }
            std[j] = Math.sqrt(v / n);
            if (std[j] == 0) {
                std[j] = 1;
            }
        }
        // 2) whiten the within-class scatter: SVD of sqrt(1/(n-k)) Xc / std
        double fac = Math.sqrt(1.0 / (n - k));
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = fac * xc[i][j] / std[j];
            }
        }
        Linalg.Svd s1 = Linalg.svd(z);
        int rank = 0;
        for (double sv : s1.s()) {
            if (sv > SVD_TOL) {
                rank++;
            }
        }
        if (rank == 0) {
            throw new IllegalArgumentException("LDA: the features do not vary within the classes");
        }
        double[][] scalings = new double[p][rank];
        for (int j = 0; j < p; j++) {
            for (int c = 0; c < rank; c++) {
                scalings[j][c] = s1.v()[j][c] / std[j] / s1.s()[c];
            }
        }
        // 3) between-class scaling: SVD of the weighted, whitened class centres
        double bfac = k == 1 ? 1.0 : 1.0 / (k - 1);
        double[][] centres = new double[k][p];
        double[][] weighted = new double[k][p];
        for (int c = 0; c < k; c++) {
            double w = Math.sqrt(n * priors[c] * bfac);
            for (int j = 0; j < p; j++) {
                centres[c][j] = means[c][j] - xbar[j];
                weighted[c][j] = w * centres[c][j];
            }
        }
        double[][] b = Linalg.multiply(weighted, scalings);
        Linalg.Svd s2 = Linalg.svd(b);
        int rank2 = 0;
        for (double sv : s2.s()) {
            if (sv > SVD_TOL * s2.s()[0]) {
                rank2++;
            }
        }
        double[][] v2 = new double[rank][rank2];
        for (int i = 0; i < rank; i++) {
            for (int c = 0; c < rank2; c++) {
                v2[i][c] = s2.v()[i][c];
            }
        }
        double[][] finalScalings = Linalg.multiply(scalings, v2); // p x rank2
        double[][] proj = Linalg.multiply(centres, finalScalings); // k x rank2
        double[][] coef = Linalg.multiply(proj, Linalg.transpose(finalScalings)); // k x p
        double[] intercept = new double[k];
        for (int c = 0; c < k; c++) {
            double ss = 0;
            for (double v : proj[c]) {
                ss += v * v;
            }
            double xc0 = 0;
            for (int j = 0; j < p; j++) {
                xc0 += xbar[j] * coef[c][j];
            }
            intercept[c] = -0.5 * ss + Math.log(priors[c]) - xc0;
        }
        return new double[][][] {coef, {intercept}};
    }

    /** One class's covariance as sklearn's _cov for this solver's shrinkage. */
    private double[][] classCovariance(double[][] xc) {
        int n = xc.length;
        int p = xc[0].length;
        if (Double.isNaN(shrinkage)) {
            // StandardScaler (ddof 0; near-constant features keep scale 1), Ledoit-Wolf, rescale
            double[] mean = new double[p];
            double[] scale = new double[p];
            for (double[] row : xc) {
                for (int j = 0; j < p; j++) {
                    mean[j] += row[j] / n;
                }
            }
            for (int j = 0; j < p; j++) {
                double v = 0;
                for (double[] row : xc) {
                    v += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
                v /= n;
                double eps = Math.ulp(1.0);
                double bound = n * eps * v + (n * mean[j] * eps) * (n * mean[j] * eps);
                scale[j] = v <= bound ? 1.0 : Math.sqrt(v);
            }
            double[][] z = new double[n][p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    z[i][j] = (xc[i][j] - mean[j]) / scale[j];
                }
            }
            double[][] s = LedoitWolf.fit(z).covariance();
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    s[a][b] *= scale[a] * scale[b];
                }
            }
            return s;
        }
        double[][] c = LedoitWolf.center(xc);
        double[][] s = new double[p][p];
        for (double[] row : c) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    s[a][b] += row[a] * row[b] / n;
                }
            }
        }
        if (shrinkage > 0) {
            double mu = 0;
            for (int a = 0; a < p; a++) {
                mu += s[a][a] / p;
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    s[a][b] *= 1 - shrinkage;
                }
                s[a][a] += shrinkage * mu;
            }
        }
        return s;
    }
}
