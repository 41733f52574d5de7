package org.mistudio.dsp.artifact.ica;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * PCA whitening shared by the ICA algorithms: channel means removed, projection on the principal components above
 * 1e-10 of the largest eigenvalue (the data's numerical rank: interpolated channels and an average reference leave
 * degenerate directions), at most {@code maxComponents}, each scaled to unit variance.
 *
 * @param mean    the channel means (over all samples)
 * @param white   {@code [component][channel]}: D^-1/2 E'
 * @param dewhite {@code [channel][component]}: E D^1/2, so that white dewhite = I
 * @param z       the whitened fit samples {@code [component][sample]}
 */
record Whitening(double[] mean, double[][] white, double[][] dewhite, double[][] z) {

    int components() {
        return white.length;
    }

    int samples() {
        return z[0].length;
    }

    /**
     * @param maxComponents at most this many components (0 = the rank)
     * @param maxFitSamples whiten at most this many samples, taken at a regular stride (0 = all)
     */
    static Whitening of(double[][] x, int maxComponents, int maxFitSamples) {
        int c = x.length;
        if (c < 2) {
            throw new IllegalArgumentException("ICA: need at least 2 channels, got " + c);
        }
        int total = x[0].length;
        int stride = maxFitSamples == 0 || total <= maxFitSamples ? 1 : (total + maxFitSamples - 1) / maxFitSamples;
        int n = (total + stride - 1) / stride;
        if (n <= c) {
            throw new IllegalArgumentException("ICA: need more samples (" + n + ") than channels (" + c + ")");
        }
        double[] mean = new double[c];
        for (int i = 0; i < c; i++) {
            double s = 0;
            for (int t = 0; t < total; t++) {
                s += x[i][t];
            }
            mean[i] = s / total;
        }
        double[][] xc = new double[c][n];
        for (int i = 0; i < c; i++) {
            for (int t = 0, k = 0; t < total; t += stride, k++) {
                xc[i][k] = x[i][t] - mean[i];
            }
        }
        double[][] cov = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = i; j < c; j++) {
                cov[i][j] = FastIca.dot(xc[i], xc[j], n) / n;
                cov[j][i] = cov[i][j];
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] ev = eig.getRealEigenvalues();
        Integer[] order = new Integer[c];
        for (int i = 0; i < c; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(ev[q], ev[p]));
        double top = ev[order[0]];
        if (!(top > 0)) {
            throw new IllegalArgumentException("ICA: the data are constant");
        }
        int k = 0;
        while (k < c && ev[order[k]] > top * 1e-10) {
            k++;
        }
        if (maxComponents > 0) {
            k = Math.min(k, maxComponents);
        }
        RealMatrix vecs = eig.getV();
        double[][] white = new double[k][c];
        double[][] dewhite = new double[c][k];
        for (int j = 0; j < k; j++) {
            double l = ev[order[j]];
            for (int i = 0; i < c; i++) {
                double e = vecs.getEntry(i, order[j]);
                white[j][i] = e / Math.sqrt(l);
                dewhite[i][j] = e * Math.sqrt(l);
            }
        }
        return new Whitening(mean, white, dewhite, FastIca.multiply(white, xc));
    }
}
