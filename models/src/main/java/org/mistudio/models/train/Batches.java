package org.mistudio.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.mistudio.models.net.EegNetwork;

/** Copies trials into NDArrays. */
final class Batches {

    private Batches() {
    }

    /**
     * Trials {@code order[from..to)} (or from..to if order is null), standardised per channel, as a (batch, channels,
     * samples) array.
     */
    static NDArray inputs(NDManager m, float[][][] x, int[] order, int from, int to, EegNetwork net,
                          ChannelScaler scaler) {
        int c = net.channels();
        int t = net.samples();
        float[] buf = new float[(to - from) * c * t];
        int pos = 0;
        for (int i = from; i < to; i++) {
            float[][] trial = x[order == null ? i : order[i]];
            if (trial.length != c || trial[0].length != t) {
                throw new IllegalArgumentException("trial has shape " + trial.length + " x " + trial[0].length
                        + ", the network expects " + c + " x " + t);
            }
            for (int ch = 0; ch < c; ch++) {
                scaler.apply(ch, trial[ch], buf, pos);
                pos += t;
            }
        }
        return owned(m.create(buf, new Shape(to - from, c, t)));
    }

    static NDArray labels(NDManager m, int[] y, int[] order, int from, int to) {
        long[] l = new long[to - from];
        for (int i = from; i < to; i++) {
            l[i - from] = y[order == null ? i : order[i]];
        }
        return owned(m.create(l));
    }

    /**
     * A copy in memory that libtorch allocated and owns. {@code NDManager.create(float[])} on the PyTorch engine wraps
     * a Java direct buffer ({@code from_blob}); that memory is freed by the Java garbage collector, not by libtorch,
     * so any libtorch tensor still sharing it after the DJL array is closed would read freed memory.
     */
    private static NDArray owned(NDArray blob) {
        try (blob) {
            return blob.duplicate();
        }
    }
}
