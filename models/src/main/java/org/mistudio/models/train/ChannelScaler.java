package org.mistudio.models.train;

/**
 * Per-channel standardisation with statistics of the training trials: {@code (x - mean[c]) / sd[c]}.
 *
 * <p>EEG arrives in microvolts (tens to hundreds), with channel-dependent offsets and amplitudes. The networks start
 * from Glorot-initialised weights and batch norms whose running statistics start at mean 0, variance 1, and Adam's
 * step size (1e-3) is tuned for inputs of unit scale; fed raw microvolts, the first layers' outputs are ~100x too
 * large (Shallow ConvNet squares them), which slows learning and invites overflow. The statistics come from the
 * training split only (never the validation or test trials) and are stored with the trained network, which applies
 * the same transform to every trial it predicts.
 *
 * @param mean per-channel mean over all training samples
 * @param sd   per-channel standard deviation over all training samples (1 where a channel is flat)
 */
public record ChannelScaler(double[] mean, double[] sd) {

    /** Statistics over the trials {@code idx} of {@code x} (trial x channel x sample). */
    public static ChannelScaler fit(float[][][] x, int[] idx) {
        int channels = x[idx[0]].length;
        double[] mean = new double[channels];
        double[] sd = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            long n = 0;
            for (int i : idx) {
                for (float v : x[i][c]) {
                    sum += v;
                }
                n += x[i][c].length;
            }
            double m = sum / n;
            double ss = 0;
            for (int i : idx) {
                for (float v : x[i][c]) {
                    ss += (v - m) * (v - m);
                }
            }
            double s = Math.sqrt(ss / n);
            mean[c] = m;
            sd[c] = s > 1e-12 && Double.isFinite(s) ? s : 1;
        }
        return new ChannelScaler(mean, sd);
    }

    /** The identity transform. */
    public static ChannelScaler identity(int channels) {
        double[] mean = new double[channels];
        double[] sd = new double[channels];
        java.util.Arrays.fill(sd, 1);
        return new ChannelScaler(mean, sd);
    }

    /** Standardises one channel of one trial into {@code out} at {@code pos}. */
    void apply(int channel, float[] in, float[] out, int pos) {
        double m = mean[channel];
        double k = 1 / sd[channel];
        for (int i = 0; i < in.length; i++) {
            out[pos + i] = (float) ((in[i] - m) * k);
        }
    }
}
