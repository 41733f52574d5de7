package org.mistudio.models.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The building blocks of the EEGNet family on DJL, in NCHW layout: batch x feature maps x EEG channels x time.
 * Conventions follow the Keras reference implementations (EEGModels, rootskar/EEGMotorImagery, bionic_apps) so that
 * parameter counts match theirs.
 */
final class Layers {

    private Layers() {
    }

    /** (batch, channels, samples) to (batch, 1, channels, samples). */
    static Block addFeatureAxis() {
        return LambdaBlock.singleton(x -> x.expandDims(1), "expand_dims");
    }

    /** A plain 2-D convolution without padding ("valid"). */
    static Conv2d conv(int filters, int kh, int kw, boolean bias) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kh, kw)).optBias(bias).build();
    }

    /**
     * A plain "valid" 2-D convolution over several input maps, computed as a matrix product ({@link MatmulConv2d}:
     * why).
     */
    static MatmulConv2d matmulConv(int filters, int kh, int kw, boolean bias) {
        return new MatmulConv2d(filters, kh, kw, bias);
    }

    /** A 1 x 1 convolution with a stride along time; with "same" padding in Keras a 1-wide kernel pads nothing. */
    static Conv2d pointwise(int filters, int strideT, boolean bias) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1)).optStride(new Shape(1, strideT))
                .optBias(bias).build();
    }

    /**
     * A temporal convolution (1 x k) with Keras/TensorFlow "same" padding: output length = input length. TensorFlow
     * pads (k - 1) / 2 samples before and k / 2 after, which is asymmetric for even k; DJL pads symmetrically, so for
     * even k we pad k / 2 on both sides (one output too many) and drop the first output sample, which gives exactly
     * TensorFlow's alignment.
     */
    static Block temporalSame(int filters, int k, boolean bias, int groups) {
        Conv2d conv = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, k))
                .optPadding(new Shape(0, k / 2)).optGroups(groups).optBias(bias).build();
        if (k % 2 == 1) {
            return conv;
        }
        SequentialBlock s = new SequentialBlock();
        s.add(conv);
        s.add(LambdaBlock.singleton(x -> x.get(":, :, :, 1:"), "same_pad_trim"));
        return s;
    }

    /** The convolution inside a temporal "same" block (itself, or the first child of the trimming sequence). */
    static Conv2d convOf(Block block) {
        if (block instanceof Conv2d c) {
            return c;
        }
        return (Conv2d) block.getChildren().get(0).getValue();
    }

    /**
     * Keras {@code DepthwiseConv2D((kh, 1), depth_multiplier=d, use_bias=False)}: a grouped convolution with one
     * group per input map and d outputs per group, output map index = input index * d + m as in Keras.
     */
    static Conv2d depthwise(int inMaps, int multiplier, int kh) {
        return Conv2d.builder().setFilters(inMaps * multiplier).setKernelShape(new Shape(kh, 1)).optGroups(inMaps)
                .optBias(false).build();
    }

    /**
     * Keras {@code SeparableConv2D(out, (1, k), padding='same')}: a depthwise (1 x k) convolution (multiplier 1, no
     * bias) followed by a pointwise 1 x 1 convolution that carries the layer's bias if any.
     */
    static SequentialBlock separable(int inMaps, int outMaps, int k, boolean bias) {
        SequentialBlock s = new SequentialBlock();
        s.add(temporalSame(inMaps, k, false, inMaps));
        s.add(conv(outMaps, 1, 1, bias));
        return s;
    }

    /**
     * Batch normalisation over the feature-map axis. {@code momentum} uses the Keras convention (running = momentum *
     * running + (1 - momentum) * batch), as DJL does; DJL's PyTorch engine passes 1 - momentum to torch.
     */
    static BatchNorm batchNorm(float momentum, float epsilon) {
        return BatchNorm.builder().optAxis(1).optMomentum(momentum).optEpsilon(epsilon).build();
    }

    static Block elu() {
        return Activation.eluBlock(1f);
    }

    static Block avgPool(int k) {
        return Pool.avgPool2dBlock(new Shape(1, k), new Shape(1, k));
    }

    static Block avgPool(int k, int stride) {
        return Pool.avgPool2dBlock(new Shape(1, k), new Shape(1, stride));
    }

    static Block maxPool(int k, int stride) {
        return Pool.maxPool2dBlock(new Shape(1, k), new Shape(1, stride));
    }

    static Block dropout(float rate) {
        return new SwitchableDropout(rate);
    }

    static Block flatten() {
        return ai.djl.nn.Blocks.batchFlattenBlock();
    }

    static Linear dense(int units) {
        return Linear.builder().setUnits(units).optBias(true).build();
    }

    /** Shallow ConvNet's squaring non-linearity. */
    static Block square() {
        return LambdaBlock.singleton(NDArray::square, "square");
    }

    /** Shallow ConvNet's log, as EEGModels: {@code log(clip(x, 1e-7, 10000))}. */
    static Block safeLog(float min, float max) {
        return LambdaBlock.singleton(x -> x.clip(min, max).log(), "safe_log");
    }

    /** Global average pooling over the two spatial axes: (N, F, H, W) to (N, F). */
    static Block globalAvgPool() {
        return LambdaBlock.singleton(x -> x.mean(new int[] {3}).mean(new int[] {2}), "global_avg_pool");
    }

    /** Concatenates the branch outputs along the given axis. */
    static NDList concat(java.util.List<NDList> outs, int axis) {
        NDList all = new NDList();
        for (NDList o : outs) {
            all.add(o.singletonOrThrow());
        }
        return new NDList(NDArrays.concat(all, axis));
    }

    private static final class NDArrays {
        static NDArray concat(NDList list, int axis) {
            return ai.djl.ndarray.NDArrays.concat(list, axis);
        }
    }
}
