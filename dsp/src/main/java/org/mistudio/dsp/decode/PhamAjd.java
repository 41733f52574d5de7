package org.mistudio.dsp.decode;

/**
 * Approximate joint diagonalisation of symmetric positive definite matrices by Pham's algorithm
 * (Pham 2001, "Joint approximate diagonalization of positive definite Hermitian matrices", SIAM J Matrix
 * Anal Appl 22:1136-1152), real case, with the stopping rule of MNE-Python 1.3 / pyRiemann: sweeps over
 * all index pairs until the decrease falls below {@code n (n - 1) eps}, eps = 1e-6, at most 15 sweeps.
 */
final class PhamAjd {

    static final double EPS = 1e-6;
    static final int MAX_SWEEPS = 15;

    private PhamAjd() {
    }

    /** @return the diagonaliser {@code V} (rows are filters) such that {@code V C_k V^T} are near diagonal */
    static double[][] diagonalize(double[][][] matrices) {
        int k = matrices.length;
        int n = matrices[0].length;
        double[][][] c = new double[k][][];
        for (int m = 0; m < k; m++) {
            c[m] = Linalg.copy(matrices[m]);
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double epsilon = n * (n - 1) * EPS;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double decr = 0;
            for (int ii = 1; ii < n; ii++) {
                for (int jj = 0; jj < ii; jj++) {
                    double g12 = 0;
                    double g21 = 0;
                    double omega21 = 0;
                    double omega12 = 0;
                    for (int m = 0; m < k; m++) {
                        double c1 = c[m][ii][ii];
                        double c2 = c[m][jj][jj];
                        double off = c[m][ii][jj];
                        g12 += off / c1;
                        g21 += off / c2;
                        omega21 += c1 / c2;
                        omega12 += c2 / c1;
                    }
                    g12 /= k;
                    g21 /= k;
                    omega21 /= k;
                    omega12 /= k;
                    double omega = Math.sqrt(omega12 * omega21);
                    double tmp = Math.sqrt(omega21 / omega12);
                    double tmp1 = (tmp * g12 + g21) / (omega + 1);
                    double tmp2 = (tmp * g12 - g21) / Math.max(omega - 1, 1e-9);
                    double h12 = tmp1 + tmp2;
                    double h21 = (tmp1 - tmp2) / tmp;
                    decr += k * (g12 * h12 + g21 * h21) / 2.0;
                    // real part of 1 + sqrt(1 - h12 h21) (the square root is imaginary when negative)
                    double d = 1 - h12 * h21;
                    double t = 1 + (d >= 0 ? Math.sqrt(d) : 0);
                    double t01 = -h12 / t;
                    double t10 = -h21 / t;
                    for (int m = 0; m < k; m++) {
                        double[][] cm = c[m];
                        double[] ri = cm[ii];
                        double[] rj = cm[jj];
                        for (int col = 0; col < n; col++) {
                            double a = ri[col];
                            double b = rj[col];
                            ri[col] = a + t01 * b;
                            rj[col] = t10 * a + b;
                        }
                        for (int row = 0; row < n; row++) {
                            double a = cm[row][ii];
                            double b = cm[row][jj];
                            cm[row][ii] = a + t01 * b;
                            cm[row][jj] = t10 * a + b;
                        }
                    }
                    double[] vi = v[ii];
                    double[] vj = v[jj];
                    for (int col = 0; col < n; col++) {
                        double a = vi[col];
                        double b = vj[col];
                        vi[col] = a + t01 * b;
                        vj[col] = t10 * a + b;
                    }
                }
            }
            if (decr < epsilon) {
                break;
            }
        }
        return v;
    }
}
