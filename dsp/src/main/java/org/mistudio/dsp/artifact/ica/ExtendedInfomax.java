package org.mistudio.dsp.artifact.ica;

import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Extended Infomax ICA (Lee, Girolami and Sejnowski 1999, Neural Comput 11:417-441), as EEGLAB's {@code runica} with
 * {@code 'extended', 1}, the ICA of FASTER's EEGLAB pipeline: on PCA-reduced data sphered to a covariance of 4 I
 * (runica's sphere is 2 C^-1/2), starting from W = I, the natural-gradient rule W += lrate (b I - K tanh(u) u' -
 * u u') W with a bias, on blocks of {@code ceil(min(5 ln n, 0.3 n))} samples in a fresh random order every pass,
 * where K = diag(sign(kurtosis + 0.02)) switches each component between the super- and the sub-Gaussian density;
 * the kurtosis comes from 6000 random samples, smoothed with momentum 0.5, every {@code extblocks} blocks, a
 * period that doubles after 25 checks without a sign change. Defaults as runica's: learning rate 0.00065 / ln(k),
 * annealed by 0.98 when the weight change turns by more than 60 degrees between passes; restart with 0.9 of the
 * rate when the weights blow up (> 1e8); stop when the squared change of the weights falls below 1e-6 (1e-7 above
 * 32 components) or after 512 passes. Components come out sorted by the variance they project, largest first.
 * Deterministic: the random orders and kurtosis subsets come from {@code seed}.
 *
 * @param maxComponents at most this many components (0 = the data's rank)
 * @param maxSteps      passes over the data (512)
 * @param maxFitSamples fit on at most this many samples at a regular stride (0 = all)
 * @param seed          random seed
 */
public record ExtendedInfomax(int maxComponents, int maxSteps, int maxFitSamples, long seed) implements Ica {

    /** runica: DEFAULT_ANNEALDEG, DEFAULT_EXTANNEAL (the extended mode's anneal step), MAX_WEIGHT, etc. */
    static final double ANNEAL_DEGREES = 60;
    static final double ANNEAL_STEP = 0.98;
    static final double MAX_WEIGHT = 1e8;
    static final double BLOWUP = 1e9;
    static final double BLOWUP_FACTOR = 0.8;
    static final double RESTART_FACTOR = 0.9;
    static final double MIN_LRATE = 1e-6;
    static final int MAX_KURTOSIS_SAMPLES = 6000;
    static final double EXT_MOMENTUM = 0.5;
    static final double SIGNS_BIAS = 0.02;
    static final int SIGN_COUNT_THRESHOLD = 25;
    static final int SIGN_COUNT_STEP = 2;

    public ExtendedInfomax {
        if (maxComponents < 0) {
            throw new IllegalArgumentException("ICA: components must be >= 0, got " + maxComponents);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("ICA: steps must be >= 1, got " + maxSteps);
        }
        if (maxFitSamples < 0) {
            throw new IllegalArgumentException("ICA: max fit samples must be >= 0, got " + maxFitSamples);
        }
    }

    public static ExtendedInfomax of(long seed) {
        return new ExtendedInfomax(0, 512, 0, seed);
    }

    @Override
    public IcaModel fit(double[][] x) {
        Whitening wh = Whitening.of(x, maxComponents, maxFitSamples);
        int k = wh.components();
        int n = wh.samples();
        // runica's sphering gives the data a covariance of 4 I (sphere = 2 inv(sqrtm(cov))).
        double[][] z = new double[k][n];
        for (int i = 0; i < k; i++) {
            for (int t = 0; t < n; t++) {
                z[i][t] = 2 * wh.z()[i][t];
            }
        }
        Random random = new Random(seed);
        double lrate0 = 0.00065 / Math.log(Math.max(k, 2));
        double stop = k > 32 ? 1e-7 : 1e-6;
        int block = (int) Math.ceil(Math.min(5 * Math.log(n), 0.3 * n));
        int kurtSize = Math.min(MAX_KURTOSIS_SAMPLES, n);
        double lrate = lrate0;
        double[][] w = identity(k);
        double[] bias = new double[k];
        double[] signs = new double[k];
        double[] oldKurt = new double[k];
        int step = 0;
        int iterations = 0;
        boolean converged = false;
        double[] oldDelta = null;
        double oldChange = 0;
        double[][] u = new double[k][block];
        double[][] y = new double[k][block];
        double[][] xb = new double[k][block];
        double[][] kb = new double[k][kurtSize];
        int[] perm = new int[n];
        while (step < maxSteps) {
            // A (re)start: runica begins with one sub-Gaussian component (nsub = 1), kurtosis checked every block.
            java.util.Arrays.fill(signs, 1);
            signs[0] = -1;
            java.util.Arrays.fill(oldKurt, 0);
            int extBlocks = 1;
            int signCount = 0;
            int blockNo = 0;
            boolean blowup = false;
            while (step < maxSteps) {
                double[][] old = copy(w);
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                shuffle(perm, random);
                for (int start = 0; start + block <= n && !blowup; start += block) {
                    // The block's samples gathered contiguously, then u = W x + bias row by row.
                    for (int j = 0; j < k; j++) {
                        double[] zj = z[j];
                        double[] xj = xb[j];
                        for (int t = 0; t < block; t++) {
                            xj[t] = zj[perm[start + t]];
                        }
                    }
                    for (int i = 0; i < k; i++) {
                        double[] ui = u[i];
                        java.util.Arrays.fill(ui, bias[i]);
                        for (int j = 0; j < k; j++) {
                            double wij = w[i][j];
                            double[] xj = xb[j];
                            for (int t = 0; t < block; t++) {
                                ui[t] += wij * xj[t];
                            }
                        }
                        double[] yi = y[i];
                        for (int t = 0; t < block; t++) {
                            yi[t] = FastIca.tanh(ui[t]);
                        }
                    }
                    // g = b I - K y u' - u u', then W += lrate g W; bias += lrate sum(-2 y).
                    double[][] g = new double[k][k];
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            g[i][j] = (i == j ? block : 0) - signs[i] * FastIca.dot(y[i], u[j], block)
                                    - FastIca.dot(u[i], u[j], block);
                        }
                        double sy = 0;
                        for (int t = 0; t < block; t++) {
                            sy += y[i][t];
                        }
                        bias[i] -= lrate * 2 * sy;
                    }
                    double[][] gw = FastIca.multiply(g, w);
                    double max = 0;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            w[i][j] += lrate * gw[i][j];
                            max = Math.max(max, Math.abs(w[i][j]));
                        }
                    }
                    if (!(max <= MAX_WEIGHT)) {
                        blowup = true;
                        break;
                    }
                    blockNo++;
                    if (blockNo % extBlocks == 0) {
                        double[] kurt = kurtosis(w, z, kb, n, random);
                        boolean same = true;
                        for (int i = 0; i < k; i++) {
                            kurt[i] = EXT_MOMENTUM * oldKurt[i] + (1 - EXT_MOMENTUM) * kurt[i];
                            oldKurt[i] = kurt[i];
                            double s = Math.signum(kurt[i] + SIGNS_BIAS);
                            same &= s == signs[i];
                            signs[i] = s;
                        }
                        signCount = same ? signCount + 1 : 0;
                        if (signCount >= SIGN_COUNT_THRESHOLD) {
                            extBlocks *= SIGN_COUNT_STEP;
                            signCount = 0;
                        }
                    }
                }
                if (blowup) {
                    break;
                }
                step++;
                iterations++;
                double[] delta = new double[k * k];
                double change = 0;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double d = w[i][j] - old[i][j];
                        delta[i * k + j] = d;
                        change += d * d;
                    }
                }
                if (!Double.isFinite(change)) {
                    blowup = true;
                    break;
                }
                double angle = 0;
                if (step > 2) {
                    double dot = 0;
                    for (int i = 0; i < delta.length; i++) {
                        dot += delta[i] * oldDelta[i];
                    }
                    angle = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(change * oldChange)))));
                }
                if (angle > ANNEAL_DEGREES) {
                    lrate *= ANNEAL_STEP;
                    oldDelta = delta;
                    oldChange = change;
                } else if (step == 1) {
                    oldDelta = delta;
                    oldChange = change;
                }
                if (step > 2 && change < stop) {
                    converged = true;
                    break;
                } else if (change > BLOWUP) {
                    lrate *= BLOWUP_FACTOR;
                }
            }
            if (!blowup) {
                break;
            }
            // runica: restart from the identity with a smaller learning rate.
            lrate0 *= RESTART_FACTOR;
            lrate = lrate0;
            if (lrate < MIN_LRATE) {
                throw new IllegalStateException("ICA: extended Infomax diverged even at learning rate " + lrate);
            }
            w = identity(k);
            java.util.Arrays.fill(bias, 0);
            step = 0;
            oldDelta = null;
        }
        // Unmixing of the centred channels: W (2 white); mixing: its inverse through the dewhitening.
        double[][] sphere = new double[k][];
        for (int i = 0; i < k; i++) {
            sphere[i] = wh.white()[i].clone();
            for (int j = 0; j < sphere[i].length; j++) {
                sphere[i][j] *= 2;
            }
        }
        double[][] unmixing = FastIca.multiply(w, sphere);
        double[][] winv = new LUDecomposition(new Array2DRowRealMatrix(w, false)).getSolver().getInverse().getData();
        double[][] mixing = FastIca.multiply(wh.dewhite(), winv);
        for (double[] row : mixing) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= 2;
            }
        }
        return sortByVariance(unmixing, mixing, wh, iterations, converged);
    }

    /** runica's order: descending mean projected variance, sum of the map's squares times the source's variance. */
    private static IcaModel sortByVariance(double[][] unmixing, double[][] mixing, Whitening wh, int iterations,
                                           boolean converged) {
        int k = unmixing.length;
        double[][] s = FastIca.multiply(unmixing, FastIca.multiply(wh.dewhite(), wh.z()));
        double[] var = new double[k];
        for (int p = 0; p < k; p++) {
            double m2 = 0;
            for (double[] row : mixing) {
                m2 += row[p] * row[p];
            }
            var[p] = m2 * FastIca.dot(s[p], s[p], s[p].length);
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(var[b], var[a]));
        double[][] u = new double[k][];
        double[][] a = new double[mixing.length][k];
        for (int i = 0; i < k; i++) {
            u[i] = unmixing[order[i]];
            for (int c = 0; c < mixing.length; c++) {
                a[c][i] = mixing[c][order[i]];
            }
        }
        return new IcaModel(u, a, wh.mean(), iterations, converged);
    }

    /**
     * Excess kurtosis of each component (m4 / m2^2 - 3) on {@code buffer[0].length} random samples (all when that is
     * n), gathered into {@code buffer} first so the product runs over contiguous rows.
     */
    private static double[] kurtosis(double[][] w, double[][] z, double[][] buffer, int n, Random random) {
        int k = w.length;
        int size = buffer[0].length;
        if (size == n) {
            buffer = z;
        } else {
            for (int s = 0; s < size; s++) {
                int t = random.nextInt(n);
                for (int j = 0; j < k; j++) {
                    buffer[j][s] = z[j][t];
                }
            }
        }
        double[][] act = FastIca.multiply(w, buffer);
        double[] kurt = new double[k];
        for (int i = 0; i < k; i++) {
            double m2 = 0;
            double m4 = 0;
            for (int s = 0; s < size; s++) {
                double v2 = act[i][s] * act[i][s];
                m2 += v2;
                m4 += v2 * v2;
            }
            m2 /= size;
            kurt[i] = m4 / size / (m2 * m2) - 3;
        }
        return kurt;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    private static double[][] identity(int k) {
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
