package org.mistudio.dsp.artifact.ica;

import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * FastICA (Hyvärinen 1999, IEEE Trans Neural Netw 10:626-634) with the log-cosh contrast (g = tanh) and symmetric
 * decorrelation, on PCA-whitened data. The number of components is the data's numerical rank (capped by
 * {@code maxComponents}), so channels that were interpolated (linear combinations of the others) or an average
 * reference do not leave degenerate directions. Deterministic: the initial rotation comes from {@code seed}.
 *
 * @param maxComponents  at most this many components (0 = as many as the rank allows)
 * @param maxIterations  fixed-point iterations (200)
 * @param tolerance      stop when every component's direction changes by less than this (1 - |w_new . w_old|)
 * @param maxFitSamples  fit on at most this many samples, taken at a regular stride (0 = all); the unmixing is
 *                       then applied to all samples
 * @param seed           random seed of the initial rotation
 */
public record FastIca(int maxComponents, int maxIterations, double tolerance, int maxFitSamples, long seed)
        implements Ica {

    public FastIca {
        if (maxComponents < 0) {
            throw new IllegalArgumentException("ICA: components must be >= 0, got " + maxComponents);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("ICA: iterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("ICA: tolerance must be > 0, got " + tolerance);
        }
        if (maxFitSamples < 0) {
            throw new IllegalArgumentException("ICA: max fit samples must be >= 0, got " + maxFitSamples);
        }
    }

    public static FastIca of(long seed) {
        return new FastIca(0, 200, 1e-5, 0, seed);
    }

    public FastIca withMaxComponents(int k) {
        return new FastIca(k, maxIterations, tolerance, maxFitSamples, seed);
    }

    public FastIca withMaxFitSamples(int n) {
        return new FastIca(maxComponents, maxIterations, tolerance, n, seed);
    }

    /** Fits {@code x[channel][sample]}. */
    @Override
    public IcaModel fit(double[][] x) {
        Whitening wh = Whitening.of(x, maxComponents, maxFitSamples);
        int k = wh.components();
        int n = wh.samples();
        double[][] z = wh.z();
        double[][] white = wh.white();
        double[][] dewhite = wh.dewhite();
        double[] mean = wh.mean();
        int c = x.length;
        double[][] w = new double[k][k];
        Random random = new Random(seed);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                w[i][j] = random.nextGaussian();
            }
        }
        w = decorrelate(w);
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        double[] y = new double[n];
        while (iterations < maxIterations && change > tolerance) {
            double[][] next = new double[k][k];
            for (int p = 0; p < k; p++) {
                java.util.Arrays.fill(y, 0);
                for (int j = 0; j < k; j++) {
                    double wj = w[p][j];
                    double[] zj = z[j];
                    for (int t = 0; t < n; t++) {
                        y[t] += wj * zj[t];
                    }
                }
                double dg = 0;
                for (int t = 0; t < n; t++) {
                    double g = tanh(y[t]);
                    y[t] = g;
                    dg += 1 - g * g;
                }
                dg /= n;
                for (int j = 0; j < k; j++) {
                    next[p][j] = dot(z[j], y, n) / n - dg * w[p][j];
                }
            }
            next = decorrelate(next);
            change = 0;
            for (int p = 0; p < k; p++) {
                double d = 0;
                for (int j = 0; j < k; j++) {
                    d += next[p][j] * w[p][j];
                }
                change = Math.max(change, 1 - Math.abs(d));
            }
            w = next;
            iterations++;
        }
        double[][] unmixing = multiply(w, white);
        double[][] mixing = new double[c][k];
        for (int i = 0; i < c; i++) {
            for (int p = 0; p < k; p++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += dewhite[i][j] * w[p][j];
                }
                mixing[i][p] = s;
            }
        }
        return new IcaModel(unmixing, mixing, mean, iterations, change <= tolerance);
    }

    /**
     * tanh through the exponential, which the JIT compiles to an intrinsic ({@code Math.tanh} is not one and was
     * most of the fit's time); clamped where exp would overflow.
     */
    static double tanh(double y) {
        if (y > 20) {
            return 1;
        }
        if (y < -20) {
            return -1;
        }
        return 1 - 2 / (1 + Math.exp(2 * y));
    }

    /** Dot product with four accumulators (the JIT does not vectorise a single floating-point reduction). */
    static double dot(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < n; t += 4) {
            s0 += a[t] * b[t];
            s1 += a[t + 1] * b[t + 1];
            s2 += a[t + 2] * b[t + 2];
            s3 += a[t + 3] * b[t + 3];
        }
        for (; t < n; t++) {
            s0 += a[t] * b[t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** W (W'W)^-1/2 ... symmetric decorrelation: (W W')^-1/2 W. */
    private static double[][] decorrelate(double[][] w) {
        int k = w.length;
        double[][] wwt = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += w[i][t] * w[j][t];
                }
                wwt[i][j] = s;
                wwt[j][i] = s;
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(wwt, false));
        double[] d = eig.getRealEigenvalues();
        RealMatrix e = eig.getV();
        double[][] invSqrt = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += e.getEntry(i, q) * e.getEntry(j, q) / Math.sqrt(Math.max(d[q], 1e-300));
                }
                invSqrt[i][j] = s;
            }
        }
        return multiply(invSqrt, w);
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        int inner = b.length;
        int n = b[0].length;
        double[][] out = new double[m][n];
        for (int i = 0; i < m; i++) {
            double[] o = out[i];
            for (int j = 0; j < inner; j++) {
                double v = a[i][j];
                if (v == 0) {
                    continue;
                }
                double[] bj = b[j];
                for (int t = 0; t < n; t++) {
                    o[t] += v * bj[t];
                }
            }
        }
        return out;
    }
}
