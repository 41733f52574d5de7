package org.mistudio.dsp.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/** Closed-form checks of LDA. */
class LdaTest {

    private static final double[] MU0 = {1.0, -2.0, 0.5};
    private static final double[] MU1 = {2.0, -1.0, -0.5};
    private static final double[][] L = {{1.0, 0, 0}, {0.6, 0.8, 0}, {-0.3, 0.4, 0.5}};

    /**
     * Each class: mu +- each column of L (6 points). Class mean is exactly mu and the class scatter is
     * 2 L L^T, so the pooled within-class covariance is known exactly.
     */
    private static double[][] data(int[] yOut) {
        double[][] x = new double[12][3];
        int r = 0;
        for (int k = 0; k < 2; k++) {
            double[] mu = k == 0 ? MU0 : MU1;
            for (int j = 0; j < 3; j++) {
                for (int s = -1; s <= 1; s += 2) {
                    for (int d = 0; d < 3; d++) {
                        x[r][d] = mu[d] + s * L[d][j];
                    }
                    yOut[r++] = k;
                }
            }
        }
        return x;
    }

    private static double[][] llt(double factor) {
        double[][] m = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int j = 0; j < 3; j++) {
                    m[a][b] += factor * L[a][j] * L[b][j];
                }
            }
        }
        return m;
    }

    /** Bayes rule for equal-covariance Gaussians: w = Sigma^-1 (mu1 - mu0), b = -(mu1+mu0)/2 . w + log(pi1/pi0). */
    private static void assertBayes(LdaModel m, double[][] sigma) {
        double[] diff = new double[3];
        double[] mid = new double[3];
        for (int d = 0; d < 3; d++) {
            diff[d] = MU1[d] - MU0[d];
            mid[d] = 0.5 * (MU1[d] + MU0[d]);
        }
        double[] w = new LUDecomposition(new Array2DRowRealMatrix(sigma)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(diff)).toArray();
        double b = 0;
        for (int d = 0; d < 3; d++) {
            b -= mid[d] * w[d];
        }
        assertArrayEquals(w, m.sklearnCoef()[0], 1e-12);
        assertEquals(b, m.sklearnIntercept()[0], 1e-12);
    }

    @Test
    void svdSolverRecoversTheBayesDirectionWithTheUnbiasedPooledCovariance() {
        int[] y = new int[12];
        double[][] x = data(y);
        // pooled scatter 2 * 2 L L^T over n - k = 10 degrees of freedom
        assertBayes(Lda.svd().fit(x, y), llt(4.0 / 10));
    }

    @Test
    void lsqrSolverUsesThePriorWeightedBiasedClassCovariances() {
        int[] y = new int[12];
        double[][] x = data(y);
        // each class: 2 L L^T / 6
        assertBayes(Lda.lsqr().fit(x, y), llt(2.0 / 6));
    }

    @Test
    void unequalPriorsShiftTheInterceptByTheirLogRatio() {
        int[] y = new int[12];
        double[][] x = data(y);
        double[][] x2 = new double[18][];
        int[] y2 = new int[18];
        for (int i = 0; i < 18; i++) {
            x2[i] = x[i % 12];
            y2[i] = y[i % 12];
        }
        // rows 12..17 repeat class 0 once more: class 0 has 12 trials, class 1 six, means and class
        // covariances unchanged, so for lsqr only the intercept moves, by log(6/12)
        LdaModel a = Lda.lsqr().fit(x, y);
        LdaModel b = Lda.lsqr().fit(x2, y2);
        assertArrayEquals(a.sklearnCoef()[0], b.sklearnCoef()[0], 1e-12);
        assertEquals(a.sklearnIntercept()[0] + Math.log(0.5), b.sklearnIntercept()[0], 1e-12);
    }

    @Test
    void ledoitWolfShrinkageIsBetweenZeroAndOneAndShrinksTowardsScaledIdentity() {
        double[][] x = {{1, 2, 0}, {2, 1, 1}, {0, 0, 3}, {3, 1, 2}, {1, 4, 1}};
        LedoitWolf.Result r = LedoitWolf.fit(x);
        assertTrue(r.shrinkage() > 0 && r.shrinkage() <= 1, "shrinkage " + r.shrinkage());
        // trace is preserved by shrinkage towards mu I
        double[][] c = LedoitWolf.center(x);
        double tr = 0;
        for (double[] row : c) {
            for (double v : row) {
                tr += v * v / x.length;
            }
        }
        double[][] s = r.covariance();
        assertEquals(tr, s[0][0] + s[1][1] + s[2][2], 1e-12);
    }

    @Test
    void stringLabelsAreSortedAndPredictedByName() {
        int[] y = new int[12];
        double[][] x = data(y);
        List<String> names = new java.util.ArrayList<>();
        for (int v : y) {
            names.add(v == 0 ? "right" : "left"); // sorted: left (0) < right (1)
        }
        LdaModel m = Lda.svd().fit(x, names);
        assertEquals(List.of("left", "right"), m.classNames());
        assertEquals(List.of("right", "left"), m.predictNames(new double[][] {MU0, MU1}));
    }

    @Test
    void rejectsBadInput() {
        double[][] x = {{1, 2}, {2, 3}, {3, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lda.svd().fit(x, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("3 feature rows but 2 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Lda.svd().fit(x, new int[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lda.lsqr(1.5));
        assertThrows(IllegalArgumentException.class,
                () -> Lda.svd().fit(new double[][] {{1, 2}, {1}, {3, 4}}, new int[] {0, 1, 1}));
        LdaModel m = Lda.svd().fit(x, new int[] {0, 1, 1});
        assertThrows(IllegalArgumentException.class, () -> m.predict(new double[][] {{1, 2, 3}}));
    }

    @Test
    void modelIsImmutable() {
        int[] y = new int[12];
        double[][] x = data(y);
        LdaModel m = Lda.svd().fit(x, y);
        double before = m.coef()[0][0];
        m.coef()[0][0] = 1e9;
        x[0][0] = 1e9;
        assertEquals(before, m.coef()[0][0], 0);
    }
}
