package org.mistudio.dsp.decode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** Small dense linear-algebra helpers on plain arrays (row-major {@code double[row][col]}). */
final class Linalg {

    private Linalg() {
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length;
        int p = m == 0 ? 0 : b[0].length;
        double[][] c = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < m; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < p; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Singular value decomposition, thin: {@code a = U diag(s) V^T}; singular values descending. */
    record Svd(double[] s, double[][] v) {
    }

    static Svd svd(double[][] a) {
        SingularValueDecomposition d = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        return new Svd(d.getSingularValues(), d.getV().getData());
    }

    /**
     * Minimum-norm least-squares solution of {@code a x = b} (as LAPACK gelsd with the default cut-off:
     * singular values below machine epsilon times the largest are treated as zero).
     */
    static double[][] lstsq(double[][] a, double[][] b) {
        SingularValueDecomposition d = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        double[] s = d.getSingularValues();
        double cut = Math.ulp(1.0) * (s.length == 0 ? 0 : s[0]);
        double[][] u = d.getU().getData();
        double[][] v = d.getV().getData();
        int n = v.length;
        int cols = b[0].length;
        double[][] x = new double[n][cols];
        for (int k = 0; k < s.length; k++) {
            if (s[k] <= cut) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                double dot = 0;
                for (int r = 0; r < u.length; r++) {
                    dot += u[r][k] * b[r][c];
                }
                dot /= s[k];
                for (int r = 0; r < n; r++) {
                    x[r][c] += v[r][k] * dot;
                }
            }
        }
        return x;
    }

    /** Moore-Penrose pseudo-inverse (numpy/scipy pinv cut-off: max(m, n) * eps * largest singular value). */
    static double[][] pinv(double[][] a) {
        SingularValueDecomposition d = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        double[] s = d.getSingularValues();
        double cut = Math.max(a.length, a[0].length) * Math.ulp(1.0) * (s.length == 0 ? 0 : s[0]);
        double[][] u = d.getU().getData();
        double[][] v = d.getV().getData();
        double[][] p = new double[v.length][u.length];
        for (int k = 0; k < s.length; k++) {
            if (s[k] <= cut) {
                continue;
            }
            for (int i = 0; i < v.length; i++) {
                double vik = v[i][k] / s[k];
                for (int j = 0; j < u.length; j++) {
                    p[i][j] += vik * u[j][k];
                }
            }
        }
        return p;
    }

    /**
     * Lower Cholesky factor of a symmetric positive definite matrix.
     *
     * @throws IllegalArgumentException if the matrix is not positive definite
     */
    static double[][] cholesky(double[][] a, String what) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                throw new IllegalArgumentException(what + " is not positive definite (rank-deficient data, e.g. after "
                        + "an average reference or with more channels than samples: drop a channel or regularise)");
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
            }
        }
        return l;
    }

    /** Eigenvalues ascending and eigenvectors (columns) of a symmetric generalized problem. */
    record GeneralizedEigen(double[] values, double[][] vectors) {
    }

    /**
     * Solves {@code a v = lambda b v} for symmetric {@code a} and symmetric positive definite {@code b}, as
     * scipy.linalg.eigh(a, b): eigenvalues ascending, eigenvectors normalised so that {@code V^T b V = I}.
     * Via the Cholesky factor {@code b = L L^T}: {@code L^-1 a L^-T u = lambda u}, {@code v = L^-T u}.
     */
    static GeneralizedEigen eighGeneralized(double[][] a, double[][] b) {
        int n = a.length;
        double[][] l = cholesky(b, "the sum of the class covariances");
        // y = L^-1 a  (forward substitution column by column), then m = y L^-T = (L^-1 y^T)^T
        double[][] y = forwardSolve(l, a);
        double[][] m = forwardSolve(l, transpose(y));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        double[] values = ed.getRealEigenvalues();
        double[][] u = ed.getV().getData();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] sortedValues = new double[n];
        double[][] su = new double[n][n];
        for (int k = 0; k < n; k++) {
            sortedValues[k] = values[order[k]];
            for (int i = 0; i < n; i++) {
                su[i][k] = u[i][order[k]];
            }
        }
        // v = L^-T su: back substitution with L^T
        double[][] v = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int i = n - 1; i >= 0; i--) {
                double s = su[i][c];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * v[k][c];
                }
                v[i][c] = s / l[i][i];
            }
        }
        return new GeneralizedEigen(sortedValues, v);
    }

    /** Solves {@code L x = b} for lower-triangular {@code L}, all columns of {@code b}. */
    private static double[][] forwardSolve(double[][] l, double[][] b) {
        int n = l.length;
        int cols = b[0].length;
        double[][] x = new double[n][cols];
        for (int c = 0; c < cols; c++) {
            for (int i = 0; i < n; i++) {
                double s = b[i][c];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * x[k][c];
                }
                x[i][c] = s / l[i][i];
            }
        }
        return x;
    }

    /** Indices that sort {@code v} ascending, ties in index order (stable). */
    static int[] argsort(double[] v) {
        return IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
