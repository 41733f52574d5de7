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

    /** The sources of {@code x[channel][sample]}. */
    public double[][] sources(double[][] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("ICA: model has " + mean.length + " channels, data " + x.length);
        }
        double[][] centred = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            centred[i] = new double[x[i].length];
            for (int t = 0; t < x[i].length; t++) {
                centred[i][t] = x[i][t] - mean[i];
            }
        }
        return FastIca.multiply(unmixing, centred);
    }

    /** {@code x} minus the contribution of the given components (x - A[:, bad] S[bad]). */
    public double[][] remove(double[][] x, int[] bad) {
        double[][] s = sources(x);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            for (int p : bad) {
                double a = mixing[i][p];
                double[] sp = s[p];
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
