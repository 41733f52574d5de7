package org.mistudio.dsp.artifact.ica;

/**
 * A fitted ICA: sources = unmixing (x - mean), x ~ mean + mixing sources.
 *
 * @param unmixing   {@code [component][channel]}
 * @param mixing     {@code [channel][component]}; column p is component p's scalp map
 * @param mean       the channel means removed before unmixing
 * @param iterations fixed-point iterations used
 * @param converged  whether the tolerance was reached
 */
public record IcaModel(double[][] unmixing, double[][] mixing, double[] mean, int iterations, boolean converged) {

    public int components() {
        return unmixing.length;
    }

    /** The sources of {@code x[channel][sample]}: unmixing x - unmixing mean, without a centred copy of x. */
    public double[][] sources(double[][] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("ICA: model has " + mean.length + " channels, data " + x.length);
        }
        double[][] s = FastIca.multiply(unmixing, x);
        for (int p = 0; p < s.length; p++) {
            double offset = 0;
            for (int i = 0; i < mean.length; i++) {
                offset += unmixing[p][i] * mean[i];
            }
            for (int t = 0; t < s[p].length; t++) {
                s[p][t] -= offset;
            }
        }
        return s;
    }

    /** {@code x} minus the contribution of the given components (x - A[:, bad] S[bad]). */
    public double[][] remove(double[][] x, int[] bad) {
        return remove(x, sources(x), bad);
    }

    /** As {@link #remove(double[][], int[])} with the sources of {@code x} already computed. */
    public double[][] remove(double[][] x, double[][] sources, int[] bad) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            for (int p : bad) {
                double a = mixing[i][p];
                double[] sp = sources[p];
                for (int t = 0; t < out[i].length; t++) {
                    out[i][t] -= a * sp[t];
                }
            }
        }
        return out;
    }

    /** Column p of the mixing matrix. */
    public double[] map(int p) {
        double[] m = new double[mixing.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = mixing[i][p];
        }
        return m;
    }
}
