package org.mistudio.dsp.filter;

import java.util.Objects;

import org.mistudio.acquisition.model.Recording;

/**
 * One-shot filtering with second-order sections: causal ({@code scipy.signal.sosfilt}) and zero-phase
 * ({@code scipy.signal.sosfiltfilt}), for one channel, {@code float[channel][sample]} arrays and recordings.
 *
 * <p>Each section runs in direct form II transposed (Oppenheim &amp; Schafer, Discrete-Time Signal Processing,
 * 3rd ed., sec. 6.5) with double-precision state; samples pass through all sections in turn, as SciPy's
 * {@code _sosfilt} does. {@link StreamingSosFilter} uses the same kernel, so chunked output is bit-identical.
 */
public final class SosFiltering {

    /** Samples per block of the kernel: 32 KiB of doubles, well inside a core's L2 cache. */
    static final int BLOCK = 4096;

    private SosFiltering() {
    }

    // ---------------------------------------------------------------- one channel, causal

    /** Causal filtering from zero initial state; a new array, {@code x} untouched. */
    public static double[] sosfilt(Sos sos, double[] x) {
        Objects.requireNonNull(x, "x");
        double[] y = x.clone();
        run(sos.rows(), new double[2 * sos.sectionCount()], y, 0, y.length);
        return y;
    }

    /** Causal filtering of single-precision samples, computed in double precision. */
    public static double[] sosfilt(Sos sos, float[] x) {
        double[] y = toDouble(x);
        run(sos.rows(), new double[2 * sos.sectionCount()], y, 0, y.length);
        return y;
    }

    /**
     * Steady-state state of each section for a unit step ({@code scipy.signal.sosfilt_zi}): {@code [section][2]},
     * to be scaled by the input's first value. Each section's {@code lfilter_zi} solves
     * {@code zi = A zi + B} in closed form and is scaled by the DC gain of the sections before it.
     */
    public static double[][] sosfiltZi(Sos sos) {
        double[][] rows = sos.rows();
        double[][] zi = new double[rows.length][2];
        double scale = 1.0;
        for (int s = 0; s < rows.length; s++) {
            double[] c = rows[s];
            double denominator = 1 + c[4] + c[5];
            if (denominator == 0) {
                throw new IllegalArgumentException("section " + s + " has a pole at z = 1 (1 + a1 + a2 = 0): no "
                        + "steady state exists");
            }
            // Companion-form solution for n = 3 (lfilter_zi): (I - A^T) zi = b[1:] - a[1:] b0.
            double b1 = c[1] - c[4] * c[0];
            double b2 = c[2] - c[5] * c[0];
            double z0 = (b1 + b2) / denominator;
            double z1 = b2 - c[5] * z0;
            zi[s][0] = scale * z0;
            zi[s][1] = scale * z1;
            scale *= (c[0] + c[1] + c[2]) / (c[3] + c[4] + c[5]);
        }
        return zi;
    }

    // ---------------------------------------------------------------- one channel, zero-phase

    /**
     * SciPy's default edge padding for {@code sosfiltfilt}: {@code 3 * (2 * sections + 1 - min(#(b2 == 0),
     * #(a2 == 0)))}.
     */
    public static int defaultPadlen(Sos sos) {
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (double[] c : sos.rows()) {
            zeroB2 += c[2] == 0 ? 1 : 0;
            zeroA2 += c[5] == 0 ? 1 : 0;
        }
        return 3 * (2 * sos.sectionCount() + 1 - Math.min(zeroB2, zeroA2));
    }

    /** Zero-phase filtering with SciPy's default odd padding; see {@link #sosfiltfilt(Sos, double[], int)}. */
    public static double[] sosfiltfilt(Sos sos, double[] x) {
        return sosfiltfilt(sos, x, defaultPadlen(sos));
    }

    public static double[] sosfiltfilt(Sos sos, float[] x) {
        return sosfiltfilt(sos, toDouble(x), defaultPadlen(sos));
    }

    /**
     * Zero-phase filtering as {@code scipy.signal.sosfiltfilt(sos, x, padtype='odd', padlen=padlen)}: extend both
     * ends by point reflection ({@code odd_ext}), filter forward from the steady state scaled by the first extended
     * sample, filter the reversed result from the steady state scaled by its first sample, reverse, trim. The
     * magnitude response is |H|^2 and the phase zero.
     *
     * @throws SignalTooShortException when {@code x.length <= padlen}
     */
    public static double[] sosfiltfilt(Sos sos, double[] x, int padlen) {
        Objects.requireNonNull(x, "x");
        if (padlen < 0) {
            throw new IllegalArgumentException("padlen must be >= 0, got " + padlen);
        }
        int n = x.length;
        if (n <= padlen) {
            throw new SignalTooShortException(n, padlen);
        }
        double[] ext = oddExtension(x, padlen);

        double[][] rows = sos.rows();
        double[][] zi = sosfiltZi(sos);
        run(rows, scaledState(zi, ext[0]), ext, 0, ext.length);
        reverse(ext);
        run(rows, scaledState(zi, ext[0]), ext, 0, ext.length);
        reverse(ext);
        double[] y = new double[n];
        System.arraycopy(ext, padlen, y, 0, n);
        return y;
    }

    // ---------------------------------------------------------------- many channels

    /** Causal filtering of every row of {@code float[channel][sample]}; a new array. */
    public static float[][] sosfilt(Sos sos, float[][] x) {
        Objects.requireNonNull(x, "x");
        float[][] y = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = toFloat(sosfilt(sos, Objects.requireNonNull(x[c], "x[" + c + "]")));
        }
        return y;
    }

    /** Zero-phase filtering of every row of {@code float[channel][sample]}; a new array. */
    public static float[][] sosfiltfilt(Sos sos, float[][] x) {
        Objects.requireNonNull(x, "x");
        float[][] y = new float[x.length][];
        int c = 0;
        // Four channels of equal length at a time: their recursions are independent, so interleaving them hides
        // the latency of each one's multiply-add chain. Each lane does exactly the one-channel arithmetic.
        while (c + 4 <= x.length && equalLengths(x, c, 4)) {
            int padlen = defaultPadlen(sos);
            int n = Objects.requireNonNull(x[c], "x[" + c + "]").length;
            if (n <= padlen) {
                throw new SignalTooShortException(n, padlen);
            }
            double[][] ext = new double[4][];
            for (int k = 0; k < 4; k++) {
                ext[k] = oddExtension(toDouble(x[c + k]), padlen);
            }
            double[][] zi = sosfiltZi(sos);
            double[][] rows = sos.rows();
            run4(rows, lanes(zi, ext, 0), ext, 0, ext[0].length);
            for (double[] e : ext) {
                reverse(e);
            }
            run4(rows, lanes(zi, ext, 0), ext, 0, ext[0].length);
            for (int k = 0; k < 4; k++) {
                reverse(ext[k]);
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (float) ext[k][padlen + i];
                }
                y[c + k] = out;
            }
            c += 4;
        }
        for (; c < x.length; c++) {
            y[c] = toFloat(sosfiltfilt(sos, Objects.requireNonNull(x[c], "x[" + c + "]")));
        }
        return y;
    }

    private static boolean equalLengths(float[][] x, int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (x[k] == null || x[k].length != x[from].length) {
                return false;
            }
        }
        return true;
    }

    /** Each lane's steady-state initial state, scaled by its first extended sample. */
    private static double[][] lanes(double[][] zi, double[][] ext, int at) {
        double[][] st = new double[ext.length][];
        for (int k = 0; k < ext.length; k++) {
            st[k] = scaledState(zi, ext[k][at]);
        }
        return st;
    }

    /**
     * A new recording with every channel filtered causally; channel infos, start and annotations kept. The filter
     * must have been designed for the recording's (uniform) sampling rate.
     */
    public static Recording sosfilt(Sos sos, Recording recording) {
        requireUniformRate(recording);
        return new Recording(recording.channels(), sosfilt(sos, recording.samples()), recording.start(),
                recording.annotations());
    }

    /** A new recording with every channel filtered with zero phase; channel infos, start and annotations kept. */
    public static Recording sosfiltfilt(Sos sos, Recording recording) {
        requireUniformRate(recording);
        return new Recording(recording.channels(), sosfiltfilt(sos, recording.samples()), recording.start(),
                recording.annotations());
    }

    // ---------------------------------------------------------------- kernel

    /**
     * Filters {@code x[from, to)} in place through all sections, updating {@code state} ({@code 2 * sections}
     * values, two per section). Direct form II transposed per section:
     * {@code y = b0 x + z0; z0 = b1 x - a1 y + z1; z1 = b2 x - a2 y}.
     *
     * <p>Section by section over blocks of {@link #BLOCK} samples, with the state in locals: each section's output
     * depends only on its input sequence, so this is the same arithmetic, in the same order per value, as sample
     * by sample, and the results are bit-identical whatever the chunking. Locals let the JIT keep the state in
     * registers; blocks keep the samples in the CPU cache between sections (a whole long recording would stream
     * through memory once per section).
     */
    static void run(double[][] sos, double[] state, double[] x, int from, int to) {
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            for (int s = 0; s < sos.length; s++) {
                double[] c = sos[s];
                double b0 = c[0];
                double b1 = c[1];
                double b2 = c[2];
                double a1 = c[4];
                double a2 = c[5];
                double z0 = state[2 * s];
                double z1 = state[2 * s + 1];
                for (int n = start; n < end; n++) {
                    double v = x[n];
                    double y = b0 * v + z0;
                    z0 = b1 * v - a1 * y + z1;
                    z1 = b2 * v - a2 * y;
                    x[n] = y;
                }
                state[2 * s] = z0;
                state[2 * s + 1] = z1;
            }
        }
    }

    /** {@code x} extended at both ends by point reflection about its end values ({@code odd_ext}). */
    private static double[] oddExtension(double[] x, int padlen) {
        int n = x.length;
        double[] ext = new double[n + 2 * padlen];
        for (int i = 0; i < padlen; i++) {
            ext[i] = 2 * x[0] - x[padlen - i];
            ext[padlen + n + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, padlen, n);
        return ext;
    }

    /** {@link #run} on four equally long lanes at once, each with its own state; per lane the same arithmetic. */
    static void run4(double[][] sos, double[][] state, double[][] x, int from, int to) {
        double[] xa = x[0];
        double[] xb = x[1];
        double[] xc = x[2];
        double[] xd = x[3];
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            for (int s = 0; s < sos.length; s++) {
                double[] c = sos[s];
                double b0 = c[0];
                double b1 = c[1];
                double b2 = c[2];
                double a1 = c[4];
                double a2 = c[5];
                int k = 2 * s;
                double za0 = state[0][k];
                double za1 = state[0][k + 1];
                double zb0 = state[1][k];
                double zb1 = state[1][k + 1];
                double zc0 = state[2][k];
                double zc1 = state[2][k + 1];
                double zd0 = state[3][k];
                double zd1 = state[3][k + 1];
                for (int n = start; n < end; n++) {
                    double va = xa[n];
                    double vb = xb[n];
                    double vc = xc[n];
                    double vd = xd[n];
                    double ya = b0 * va + za0;
                    double yb = b0 * vb + zb0;
                    double yc = b0 * vc + zc0;
                    double yd = b0 * vd + zd0;
                    za0 = b1 * va - a1 * ya + za1;
                    zb0 = b1 * vb - a1 * yb + zb1;
                    zc0 = b1 * vc - a1 * yc + zc1;
                    zd0 = b1 * vd - a1 * yd + zd1;
                    za1 = b2 * va - a2 * ya;
                    zb1 = b2 * vb - a2 * yb;
                    zc1 = b2 * vc - a2 * yc;
                    zd1 = b2 * vd - a2 * yd;
                    xa[n] = ya;
                    xb[n] = yb;
                    xc[n] = yc;
                    xd[n] = yd;
                }
                state[0][k] = za0;
                state[0][k + 1] = za1;
                state[1][k] = zb0;
                state[1][k + 1] = zb1;
                state[2][k] = zc0;
                state[2][k + 1] = zc1;
                state[3][k] = zd0;
                state[3][k + 1] = zd1;
            }
        }
    }

    /** {@code zi * value}, flattened to the kernel's state layout. */
    static double[] scaledState(double[][] zi, double value) {
        double[] state = new double[2 * zi.length];
        for (int s = 0; s < zi.length; s++) {
            state[2 * s] = zi[s][0] * value;
            state[2 * s + 1] = zi[s][1] * value;
        }
        return state;
    }

    static double[] toDouble(float[] x) {
        Objects.requireNonNull(x, "x");
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    static float[] toFloat(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    private static void requireUniformRate(Recording recording) {
        Objects.requireNonNull(recording, "recording");
        if (recording.channelCount() > 0 && !recording.isUniformRate()) {
            throw new IllegalArgumentException("recording channels have different sampling rates; one filter design "
                    + "fits one rate: select channels of one rate or resample first");
        }
    }
}
