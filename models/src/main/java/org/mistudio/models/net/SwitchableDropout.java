package org.mistudio.models.net;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Dropout (inverted, as DJL's and Keras': kept units scaled by 1 / (1 - rate)) that can be switched off for the
 * training-mode passes that measure batch-norm statistics ({@link #withoutDropout}). Saved exactly as DJL's
 * {@link Dropout} block (version 2, input shapes, no parameters), so parameter files are the same either way.
 *
 * <p>Why: in Deep ConvNet a dropout layer feeds the convolution and batch norm of each next block. Statistics
 * measured with dropout active describe activations with the zeros and the 1 / (1 - rate) scaling that inference
 * never sees (the "variance shift" of Li, Chen, Hu and Yang, "Understanding the disharmony between dropout and batch
 * normalization by variance shift", CVPR 2019). On the simulator's data this made Deep ConvNet's inference-mode
 * output one class (validation accuracy 0.50 while training accuracy reached 0.98, issue 8).
 */
public final class SwitchableDropout extends AbstractBlock {

    private static final byte VERSION = 2;
    private static final ThreadLocal<Boolean> OFF = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final float rate;

    SwitchableDropout(float rate) {
        super(VERSION);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    public float rate() {
        return rate;
    }

    /** Runs {@code body} on this thread with every switchable dropout layer passing its input through. */
    public static <T> T withoutDropout(Supplier<T> body) {
        boolean before = OFF.get();
        OFF.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            OFF.set(before);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (OFF.get()) {
            return new NDList(inputs.singletonOrThrow());
        }
        return Dropout.dropout(inputs.singletonOrThrow(), rate, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion == VERSION) {
            readInputShapes(is);
        } else if (loadVersion != 1) {
            throw new MalformedModelException("dropout: unsupported encoding version " + loadVersion);
        }
    }
}
