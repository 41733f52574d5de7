package org.mistudio.dsp.spectrum;

/**
 * Eigenpairs of a real symmetric tridiagonal matrix: Sturm-sequence bisection for an eigenvalue and inverse
 * iteration for its eigenvector (Wilkinson 1965, "The Algebraic Eigenvalue Problem"; Golub & Van Loan 2013, secs.
 * 8.4.1 and 8.2.2). {@code off[t]} couples rows {@code t - 1} and {@code t}; {@code off[0]} is unused.
 */
final class Tridiagonal {

    private Tridiagonal() {
    }

    /** The number of eigenvalues below {@code x}: the negative pivots of the LDL^T factorisation of T - xI. */
    static int countBelow(double[] diag, double[] off, double x) {
        int count = 0;
        double q = diag[0] - x;
        double tiny = Double.MIN_NORMAL;
        if (q < 0) {
            count++;
        }
        for (int i = 1; i < diag.length; i++) {
            if (Math.abs(q) < tiny) {
                q = -tiny; // a zero pivot: perturb, as LAPACK's dstebz
            }
            q = diag[i] - x - off[i] * off[i] / q;
            if (q < 0) {
                count++;
            }
        }
        return count;
    }

    /** The eigenvalue with ascending index {@code index} (0 = smallest), to about machine precision. */
    static double eigenvalue(double[] diag, double[] off, int index) {
        int n = diag.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) { // Gershgorin bounds
            double r = (i > 0 ? Math.abs(off[i]) : 0) + (i + 1 < n ? Math.abs(off[i + 1]) : 0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
        }
        for (int iter = 0; iter < 200; iter++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (countBelow(diag, off, mid) > index) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The unit eigenvector for {@code eigenvalue} by inverse iteration: a few solves of (T - lambda I) y = v with a
     * tridiagonal LU factorisation with partial pivoting. {@code seed} varies the starting vector.
     */
    static double[] eigenvector(double[] diag, double[] off, double eigenvalue, int seed) {
        int n = diag.length;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(diag[i]) + Math.abs(off[i]) + (i + 1 < n ? Math.abs(off[i + 1]) : 0));
        }
        double shift = eigenvalue;
        double tiny = Math.ulp(norm);
        // LU of T - shift I with row interchanges: U has three bands (u0 diagonal, u1, u2), L one multiplier per row.
        double[] u0 = new double[n];
        double[] u1 = new double[n];
        double[] u2 = new double[n];
        double[] mult = new double[n];
        boolean[] swapped = new boolean[n];
        double a = diag[0] - shift; // current pivot-row diagonal
        double b = n > 1 ? off[1] : 0; // current pivot-row superdiagonal
        double cc = 0; // current pivot-row second superdiagonal
        for (int i = 0; i < n - 1; i++) {
            double below = off[i + 1];
            double nextDiag = diag[i + 1] - shift;
            double nextOff = i + 2 < n ? off[i + 2] : 0;
            if (Math.abs(a) >= Math.abs(below)) {
                if (a == 0) { // then below == 0 too: the column is already reduced
                    a = tiny;
                }
                u0[i] = a;
                u1[i] = b;
                u2[i] = cc;
                mult[i] = below / a;
                swapped[i] = false;
                a = nextDiag - mult[i] * b;
                b = nextOff;
                cc = 0;
            } else {
                u0[i] = below;
                u1[i] = nextDiag;
                u2[i] = nextOff;
                mult[i] = a / below;
                swapped[i] = true;
                a = b - mult[i] * nextDiag;
                b = cc - mult[i] * nextOff;
                cc = 0;
            }
        }
        u0[n - 1] = a == 0 ? tiny : a;
        for (int i = 0; i < n; i++) {
            if (Math.abs(u0[i]) < tiny) {
                u0[i] = Math.copySign(tiny, u0[i] == 0 ? 1 : u0[i]);
            }
        }
        double[] v = new double[n];
        java.util.Random random = new java.util.Random(12345L + seed);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        normalize(v);
        for (int iter = 0; iter < 4; iter++) {
            // forward: apply L^-1 with the same interchanges
            for (int i = 0; i < n - 1; i++) {
                if (swapped[i]) {
                    double t = v[i];
                    v[i] = v[i + 1];
                    v[i + 1] = t - mult[i] * v[i];
                } else {
                    v[i + 1] -= mult[i] * v[i];
                }
            }
            // back substitution with U
            for (int i = n - 1; i >= 0; i--) {
                double s = v[i];
                if (i + 1 < n) {
                    s -= u1[i] * v[i + 1];
                }
                if (i + 2 < n) {
                    s -= u2[i] * v[i + 2];
                }
                v[i] = s / u0[i];
            }
            normalize(v);
        }
        return v;
    }

    static void normalize(double[] v) {
        double ss = 0;
        for (double d : v) {
            ss += d * d;
        }
        double inv = 1 / Math.sqrt(ss);
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
    }
}
