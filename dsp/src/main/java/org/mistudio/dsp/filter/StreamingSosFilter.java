package org.mistudio.dsp.filter;

import java.util.Arrays;
import java.util.Objects;

/**
 * Causal second-order-section filtering of a live stream, one or more channels, chunk by chunk. Each channel's
 * section states persist between calls, and the arithmetic is {@link SosFiltering#sosfilt}'s, so the output for
 * any chunking is bit-identical to filtering the whole signal at once. Not thread-safe: feed it from one thread.
 */
public final class StreamingSosFilter {

    private final Sos sos;
    private final double[][] rows;
    private final double[][] state; // [channel][2 * section]

    /** A single-channel filter. */
    public StreamingSosFilter(Sos sos) {
        this(sos, 1);
    }

    public StreamingSosFilter(Sos sos, int channels) {
        this.sos = Objects.requireNonNull(sos, "sos");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.rows = sos.rows();
        this.state = new double[channels][2 * sos.sectionCount()];
    }

    public Sos sos() {
        return sos;
    }

    public int channelCount() {
        return state.length;
    }

    /** Back to zero state, as a new filter. */
    public void reset() {
        for (double[] s : state) {
            Arrays.fill(s, 0);
        }
    }

    /**
     * Sets each channel's state to the steady state for a constant input equal to its first value
     * ({@code sosfilt_zi * x0}), which suppresses the start-up transient of a signal with an offset.
     *
     * @param firstValues one value per channel
     */
    public void initializeSteadyState(double... firstValues) {
        if (firstValues == null || firstValues.length != state.length) {
            throw new IllegalArgumentException("firstValues must hold one value per channel (" + state.length
                    + "), got " + (firstValues == null ? "null" : firstValues.length));
        }
        double[][] zi = SosFiltering.sosfiltZi(sos);
        for (int c = 0; c < state.length; c++) {
            state[c] = SosFiltering.scaledState(zi, firstValues[c]);
        }
    }

    /** The next chunk of a single-channel stream. */
    public double[] process(double[] chunk) {
        requireSingleChannel();
        double[] y = Objects.requireNonNull(chunk, "chunk").clone();
        SosFiltering.run(rows, state[0], y, 0, y.length);
        return y;
    }

    /** The next chunk of a single-channel stream of single-precision samples (filtered in double precision). */
    public double[] process(float[] chunk) {
        requireSingleChannel();
        double[] y = SosFiltering.toDouble(chunk);
        SosFiltering.run(rows, state[0], y, 0, y.length);
        return y;
    }

    /** The next chunk of every channel, {@code float[channel][sample]}; rows may differ in length. */
    public float[][] process(float[][] chunk) {
        Objects.requireNonNull(chunk, "chunk");
        if (chunk.length != state.length) {
            throw new IllegalArgumentException("chunk must have " + state.length + " channel rows, got "
                    + chunk.length);
        }
        float[][] out = new float[chunk.length][];
        for (int c = 0; c < chunk.length; c++) {
            double[] y = SosFiltering.toDouble(Objects.requireNonNull(chunk[c], "chunk[" + c + "]"));
            SosFiltering.run(rows, state[c], y, 0, y.length);
            out[c] = SosFiltering.toFloat(y);
        }
        return out;
    }

    private void requireSingleChannel() {
        if (state.length != 1) {
            throw new IllegalStateException("this filter has " + state.length + " channels; use process(float[][])");
        }
    }
}
