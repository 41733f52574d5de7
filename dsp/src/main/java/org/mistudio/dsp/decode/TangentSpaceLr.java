package org.mistudio.dsp.decode;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Riemannian tangent space + L2-regularised logistic regression (Barachant et al. 2012, "Multiclass
 * brain-computer interface classification by Riemannian geometry", IEEE TBME 59:920-928; Barachant et al. 2013,
 * Neurocomputing 112:172-178), MOABB's strongest classical MI baseline, two classes only.
 * <ul>
 *   <li>trial covariance {@code X X^T / N} (no mean removal, as pyriemann's 'scm'), optionally shrunk towards
 *       {@code trace/p I};</li>
 *   <li>reference point: the Riemannian (affine-invariant) mean of the training covariances, by the fixed
 *       point iteration {@code M <- M^1/2 exp(mean log(M^-1/2 C M^-1/2)) M^1/2} (Moakher 2005, SIAM J Matrix
 *       Anal Appl 26:735-747) from the arithmetic mean, until the step's Frobenius norm is below 1e-8;</li>
 *   <li>tangent vector {@code log(M^-1/2 C M^-1/2)}, upper triangle row by row with off-diagonal entries times
 *       sqrt(2) so that the Euclidean norm equals the Riemannian distance to M;</li>
 *   <li>logistic regression with scikit-learn's objective {@code C sum log(1 + exp(-y f)) + |w|^2 / 2},
 *       intercept unpenalised, solved exactly by Newton's method in the span of the training vectors (the
 *       optimal w lies there: representer theorem), so the cost is in trials, not in features.</li>
 * </ul>
 *
 * @param shrinkage covariance shrinkage in [0, 1)
 * @param c         inverse regularisation strength (scikit-learn's C, default 1)
 */
public record TangentSpaceLr(double shrinkage, double c) implements Classifier<float[][][]> {

    public TangentSpaceLr {
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("TS+LR: shrinkage must be in [0, 1), got " + shrinkage);
        }
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("TS+LR: C must be finite and > 0, got " + c);
        }
    }

    public static TangentSpaceLr defaults() {
        return new TangentSpaceLr(0, 1);
    }

    /** Trial covariance {@code X X^T / N}, shrunk. */
    public double[][] covariance(float[][] x) {
        int p = x.length;
        int n = x[0].length;
        double[][] s = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = 0;
                for (int t = 0; t < n; t++) {
                    sum += (double) x[a][t] * x[b][t];
                }
                s[a][b] = sum / n;
                s[b][a] = s[a][b];
            }
        }
        if (shrinkage > 0) {
            double mu = 0;
            for (int a = 0; a < p; a++) {
                mu += s[a][a];
            }
            mu /= p;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    s[a][b] *= 1 - shrinkage;
                }
                s[a][a] += shrinkage * mu;
            }
        }
        return s;
    }

    /** {@code V f(lambda) V^T} of a symmetric matrix. */
    static double[][] apply(double[][] m, java.util.function.DoubleUnaryOperator f, String what) {
        int n = m.length;
        double[][] sym = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sym[i][j] = 0.5 * (m[i][j] + m[j][i]);
            }
        }
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(sym, false));
        double[] l = ed.getRealEigenvalues();
        double[][] v = ed.getV().getData();
        double[] fl = new double[n];
        for (int k = 0; k < n; k++) {
            if (!(l[k] > 0) && what != null) {
                throw new IllegalArgumentException("TS+LR: " + what + " is not positive definite (eigenvalue "
                        + l[k] + "); use shrinkage");
            }
            fl[k] = f.applyAsDouble(l[k]);
        }
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += v[i][k] * fl[k] * v[j][k];
                }
                r[i][j] = s;
                r[j][i] = s;
            }
        }
        return r;
    }

    /** The Riemannian (affine-invariant) mean of SPD matrices. */
    public static double[][] riemannianMean(List<double[][]> covs) {
        int n = covs.get(0).length;
        double[][] m = new double[n][n];
        for (double[][] c : covs) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i][j] += c[i][j] / covs.size();
                }
            }
        }
        for (int it = 0; it < 100; it++) {
            double[][] isq = apply(m, v -> 1 / Math.sqrt(v), "the mean");
            double[][] sq = apply(m, Math::sqrt, null);
            double[][] t = new double[n][n];
            for (double[][] c : covs) {
                double[][] l = apply(Linalg.multiply(Linalg.multiply(isq, c), isq), Math::log, "a covariance");
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        t[i][j] += l[i][j] / covs.size();
                    }
                }
            }
            double norm = 0;
            for (double[] row : t) {
                for (double v : row) {
                    norm += v * v;
                }
            }
            m = Linalg.multiply(Linalg.multiply(sq, apply(t, Math::exp, null)), sq);
            if (Math.sqrt(norm) < 1e-8) {
                break;
            }
        }
        return m;
    }

    /** Upper-triangle tangent vector of {@code c} at the reference whose inverse square root is {@code isq}. */
    static double[] tangent(double[][] isq, double[][] c) {
        int n = c.length;
        double[][] l = apply(Linalg.multiply(Linalg.multiply(isq, c), isq), Math::log, "a covariance");
        double[] v = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                v[k++] = i == j ? l[i][i] : Math.sqrt(2) * l[i][j];
            }
        }
        return v;
    }

    @Override
    public Model fit(float[][][] x, int[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("TS+LR: " + (x == null ? 0 : x.length) + " trials but "
                    + (y == null ? 0 : y.length) + " labels");
        }
        ClassLabels cl = ClassLabels.of(y);
        cl.requireTrainable("TS+LR", 1);
        if (cl.classCount() != 2) {
            throw new IllegalArgumentException("TS+LR: two classes only, got " + cl.classCount());
        }
        List<double[][]> covs = new java.util.ArrayList<>();
        for (float[][] t : x) {
            covs.add(covariance(t));
        }
        double[][] ref = riemannianMean(covs);
        double[][] isq = apply(ref, v -> 1 / Math.sqrt(v), "the mean");
        double[][] f = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = tangent(isq, covs.get(i));
        }
        int[] enc = cl.encoded();
        double[] s = new double[enc.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = enc[i] == 1 ? 1 : -1;
        }
        double[][] wb = logistic(f, s, c);
        return new Model(this, cl.classes(), ref, isq, wb[0], wb[1][0]);
    }

    /**
     * Minimises {@code C sum log(1 + exp(-s_i (w.x_i + b))) + |w|^2/2} with {@code w = X^T a}: Newton's method
     * on {@code (a, b)} with {@code K = X X^T}; returns {w, {b}}.
     */
    static double[][] logistic(double[][] x, double[] s, double cReg) {
        int n = x.length;
        int d = x[0].length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int q = 0; q < d; q++) {
                    v += x[i][q] * x[j][q];
                }
                k[i][j] = v;
                k[j][i] = v;
            }
        }
        double[] a = new double[n];
        double b = 0;
        for (int it = 0; it < 100; it++) {
            double[] fv = new double[n];
            for (int i = 0; i < n; i++) {
                double v = b;
                for (int j = 0; j < n; j++) {
                    v += k[i][j] * a[j];
                }
                fv[i] = v;
            }
            // r_i = dLoss/df_i, w_i = d2Loss/df_i^2
            double[] r = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(s[i] * fv[i])); // sigma(-s f)
                r[i] = -cReg * s[i] * p;
                w[i] = cReg * p * (1 - p);
            }
            // In (a, b): gradient g_a = K r + K a = K (r + a), g_b = sum r. Newton in the reduced form:
            // (W K + I) da + W 1 db = -(r + a),  1^T K da + 1^T... use the full (n+1) system with a tiny ridge.
            double[][] h = new double[n + 1][n + 1];
            double[] g = new double[n + 1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    h[i][j] = w[i] * k[i][j] + (i == j ? 1 : 0);
                }
                h[i][n] = w[i];
                g[i] = r[i] + a[i];
            }
            double sumR = 0;
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    v += w[j] * k[j][i];
                }
                h[n][i] = v;
                h[n][n] += w[i];
                sumR += r[i];
            }
            g[n] = sumR;
            double[] step = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(g, false)).toArray();
            double norm = 0;
            for (int i = 0; i < n; i++) {
                a[i] -= step[i];
                norm = Math.max(norm, Math.abs(step[i]));
            }
            b -= step[n];
            norm = Math.max(norm, Math.abs(step[n]));
            if (norm < 1e-12) {
                break;
            }
        }
        double[] wv = new double[d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < d; q++) {
                wv[q] += a[i] * x[i][q];
            }
        }
        return new double[][] {wv, {b}};
    }

    /** The fitted pipeline (immutable; arrays copied). */
    public record Model(TangentSpaceLr config, int[] classes, double[][] reference, double[][] referenceInvSqrt,
                        double[] coef, double intercept) implements FittedClassifier<float[][][]> {

        public Model {
            classes = classes.clone();
            reference = Linalg.copy(reference);
            referenceInvSqrt = Linalg.copy(referenceInvSqrt);
            coef = coef.clone();
        }

        @Override
        public int[] classes() {
            return classes.clone();
        }

        @Override
        public double[][] reference() {
            return Linalg.copy(reference);
        }

        @Override
        public double[] coef() {
            return coef.clone();
        }

        /** Tangent vectors of the trials at the training mean. */
        public double[][] transform(float[][][] x) {
            double[][] f = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                f[i] = tangent(referenceInvSqrt, config.covariance(x[i]));
            }
            return f;
        }

        @Override
        public double[][] decisionFunction(float[][][] x) {
            double[][] f = transform(x);
            double[][] out = new double[x.length][1];
            for (int i = 0; i < x.length; i++) {
                double v = intercept;
                for (int q = 0; q < coef.length; q++) {
                    v += coef[q] * f[i][q];
                }
                out[i][0] = v;
            }
            return out;
        }

        @Override
        public int[] predict(float[][][] x) {
            double[][] d = decisionFunction(x);
            int[] p = new int[x.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = d[i][0] > 0 ? classes[1] : classes[0];
            }
            return p;
        }

        @Override
        public double[][] predictProba(float[][][] x) {
            double[][] d = decisionFunction(x);
            double[][] p = new double[x.length][2];
            for (int i = 0; i < p.length; i++) {
                p[i][1] = 1 / (1 + Math.exp(-d[i][0]));
                p[i][0] = 1 - p[i][1];
            }
            return p;
        }
    }
}
