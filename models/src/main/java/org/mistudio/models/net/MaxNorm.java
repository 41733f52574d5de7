package org.mistudio.models.net;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * A max-norm weight constraint as Keras applies it after every optimiser step
 * ({@code keras.constraints.MaxNorm}: {@code w * clip(n, 0, max) / (1e-7 + n)} with {@code n} the L2 norm of each
 * output unit's incoming weights).
 *
 * <p>Axes: EEGModels constrains convolutions with {@code max_norm(m, axis=(0, 1, 2))} on Keras' (kh, kw, in, out)
 * kernel, dense layers with the default {@code axis=0} on (in, out) and the depthwise convolution with
 * {@code axis=0} on (kh, kw, in, multiplier) where kw = 1. In DJL/PyTorch layout (out, in, kh, kw) and (out, in)
 * all three are the norm over every axis but the first, which is what this class computes.
 *
 * @param owner     the convolution or linear block whose {@code weight} is constrained
 * @param maxNorm   the largest allowed norm
 * @param label     where the constraint sits, for documentation
 */
public record MaxNorm(Block owner, float maxNorm, String label) {

    /** Keras' backend epsilon, added to the norm in the denominator. */
    public static final float EPSILON = 1e-7f;

    /**
     * Rescales the weight in place (libtorch {@code mul_} on the parameter's own storage, so the optimiser state and
     * the parameter store keep seeing the same tensor); call after each optimiser step, outside gradient recording.
     */
    public void apply() {
        Parameter p = owner.getParameters().get("weight");
        NDArray w = p.getArray();
        int[] axes = new int[w.getShape().dimension() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        // Every intermediate is closed here: results of operations on w belong to w's manager (the model's), so
        // unclosed temporaries would accumulate there for the model's lifetime, one set per optimiser step.
        try (NDArray squares = w.square();
             NDArray sums = squares.sum(axes, true);
             NDArray norms = sums.sqrt();
             NDArray desired = norms.clip(0f, maxNorm);
             NDArray denominator = norms.add(EPSILON);
             NDArray scale = desired.div(denominator)) {
            w.muli(scale);
        }
    }
}
