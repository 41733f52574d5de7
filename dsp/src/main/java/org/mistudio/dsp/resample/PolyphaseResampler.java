package org.mistudio.dsp.resample;

import java.math.BigInteger;

import org.mistudio.dsp.filter.fir.Firwin;

/**
 * Resampling by a rational factor {@code up / down} with a polyphase FIR filter, computing what SciPy 1.10's
 * {@code scipy.signal.resample_poly(x, up, down)} computes with its defaults: {@code up} and {@code down} reduced
 * by their gcd; the anti-aliasing/anti-imaging low-pass designed by the window method ({@code firwin}) with
 * {@code 2 * 10 * max(up, down) + 1} taps, cutoff {@code 1 / max(up, down)} of Nyquist, a Kaiser window with
 * beta 5.0 (Kaiser 1974) and gain {@code up}; zero padding outside the signal ({@code padtype='constant'});
 * {@code ceil(n * up / down)} output samples, the first aligned with the first input sample (SciPy's delay
 * compensation: the filter is pre-padded with {@code down - half_len % down} zeros and the first
 * {@code (half_len + pre_pad) / down} outputs of {@code upfirdn} dropped).
 *
 * <p>How: output sample {@code k} is {@code sum_q x[q] g[k down - q up]} over the input samples whose taps fall
 * in the (padded) filter {@code g} -- upsampling by zero insertion, filtering and keeping every
 * {@code down}-th sample, as {@code upfirdn} (P. P. Vaidyanathan, <i>Multirate Systems and Filter Banks</i>,
 * 1993), without ever forming the zero-stuffed signal; each output costs about {@code len(g) / up}
 * multiply-adds. Instances are immutable and thread-safe.
 */
public final class PolyphaseResampler {

    /** SciPy's default Kaiser beta for {@code resample_poly}. */
    public static final double KAISER_BETA = 5.0;

    private final int up;
    private final int down;
    private final double[] taps;      // firwin(...) * up, without SciPy's alignment padding
    private final int halfLength;

    /**
     * @param up   interpolation factor, at least 1
     * @param down decimation factor, at least 1
     */
    public PolyphaseResampler(int up, int down) {
        if (up < 1 || down < 1) {
            throw new IllegalArgumentException("up and down must be integers >= 1, got up=" + up + ", down=" + down);
        }
        int g = BigInteger.valueOf(up).gcd(BigInteger.valueOf(down)).intValue();
        this.up = up / g;
        this.down = down / g;
        int maxRate = Math.max(this.up, this.down);
        if (maxRate > 1_000_000) {
            throw new IllegalArgumentException("up/down = " + up + "/" + down + " needs a filter of "
                    + (20L * maxRate + 1) + " taps; reduce the factors");
        }
        this.halfLength = 10 * maxRate;
        if (this.up == 1 && this.down == 1) {
            this.taps = new double[] {1};
        } else {
            double[] h = Firwin.lowPass(1.0 / maxRate, Firwin.kaiser(2 * halfLength + 1, KAISER_BETA));
            for (int i = 0; i < h.length; i++) {
                h[i] *= this.up;
            }
            this.taps = h;
        }
    }

    /** One-shot {@code resample_poly(x, up, down)}. */
    public static double[] resamplePoly(double[] x, int up, int down) {
        return new PolyphaseResampler(up, down).resample(x);
    }

    /** The reduced interpolation factor. */
    public int up() {
        return up;
    }

    /** The reduced decimation factor. */
    public int down() {
        return down;
    }

    /** A copy of the filter taps (including the gain {@code up}); {@code {1}} when up == down. */
    public double[] taps() {
        return taps.clone();
    }

    /** {@code ceil(n * up / down)}. */
    public int outputLength(int n) {
        long product = (long) n * up;
        long length = product / down + (product % down == 0 ? 0 : 1);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampling " + n + " samples by " + up + "/" + down
                    + " gives " + length + " samples, too many for one array");
        }
        return (int) length;
    }

    /**
     * Resamples {@code x}.
     *
     * @throws IllegalArgumentException when {@code x} is empty
     */
    public double[] resample(double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot resample an empty signal (need at least 1 sample)");
        }
        int nOut = outputLength(x.length);
        if (up == 1 && down == 1) {
            return x.clone();
        }
        // SciPy's alignment: g = [zeros(prePad), taps, zeros(...)]; y_full[j] = sum_t g[t] xUp[j down - t];
        // keep y_full[preRemove ...]. Trailing zero padding of g changes no kept value, so it is left out.
        int prePad = down - halfLength % down;
        int preRemove = (halfLength + prePad) / down;
        int taps = this.taps.length;
        double[] y = new double[nOut];
        for (int k = 0; k < nOut; k++) {
            long m = (long) (k + preRemove) * down - prePad; // position in the upsampled signal at taps[0]
            // Input q contributes taps[m - q up] when 0 <= m - q up < taps.
            long qHigh = Math.min(Math.floorDiv(m, up), x.length - 1L);
            long qLow = Math.max(0, Math.floorDiv(m - taps + up, up)); // ceil((m - taps + 1) / up)
            double sum = 0;
            for (long q = qLow; q <= qHigh; q++) {
                sum += x[(int) q] * this.taps[(int) (m - q * up)];
            }
            y[k] = sum;
        }
        return y;
    }

    /** {@link #resample(double[])} for single-precision samples, computed in double precision. */
    public float[] resample(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i];
        }
        double[] y = resample(d);
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "PolyphaseResampler[up=" + up + ", down=" + down + ", taps=" + taps.length + "]";
    }
}
