package org.mistudio.models.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EEGNet (Lawhern et al. 2018, J Neural Eng 15:056013), the EEGNet-F1,D model of the Army Research Lab's
 * {@code EEGModels.py} (github.com/vlawhern/arl-eegmodels, function {@code EEGNet}), for 128 Hz input:
 * <pre>
 * Conv2D(F1, (1, kernLength), same, no bias) - BN - DepthwiseConv2D((C, 1), D, no bias, max-norm 1) - BN - ELU
 * - AvgPool(1, 4) - Dropout - SeparableConv2D(F2, (1, 16), same, no bias) - BN - ELU - AvgPool(1, 8) - Dropout
 * - Flatten - Dense(classes, max-norm 0.25) [- softmax, folded into the loss]
 * </pre>
 * Keras BatchNormalization defaults (momentum 0.99, epsilon 1e-3). EEGModels says the kernels assume 128 Hz
 * ("double the kernel lengths for double the sampling rate"); kernLength 64 is half the sampling rate (bionic_apps,
 * the comparison paper's code, sets it to fs / 2). The time axis must survive both pools: samples >= 32.
 */
public final class EegNet {

    /**
     * @param f1               temporal filters
     * @param d                spatial filters per temporal filter (depth multiplier)
     * @param f2               pointwise filters of the separable convolution
     * @param kernelLength     temporal kernel (samples)
     * @param separableKernel  kernel of the separable convolution's depthwise part
     * @param pool1            first average pool
     * @param pool2            second average pool
     * @param dropout          dropout rate (0.5 within-subject, 0.25 cross-subject in the paper)
     * @param depthwiseMaxNorm max-norm of each spatial filter
     * @param denseMaxNorm     max-norm of each class's dense weights
     * @param bnMomentum       batch-norm momentum (Keras convention)
     * @param bnEpsilon        batch-norm epsilon
     */
    public record Config(int f1, int d, int f2, int kernelLength, int separableKernel, int pool1, int pool2,
                         float dropout, float depthwiseMaxNorm, float denseMaxNorm, float bnMomentum,
                         float bnEpsilon) {

        /** EEGNet-8,2 as in EEGModels for 128 Hz. */
        public static Config eegnet82() {
            return new Config(8, 2, 16, 64, 16, 4, 8, 0.5f, 1f, 0.25f, 0.99f, 1e-3f);
        }

        public Config withKernelLength(int k) {
            return new Config(f1, d, f2, k, separableKernel, pool1, pool2, dropout, depthwiseMaxNorm, denseMaxNorm,
                    bnMomentum, bnEpsilon);
        }

        public Config withDropout(float rate) {
            return new Config(f1, d, f2, kernelLength, separableKernel, pool1, pool2, rate, depthwiseMaxNorm,
                    denseMaxNorm, bnMomentum, bnEpsilon);
        }

        Map<String, Object> settings() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("F1", f1);
            m.put("D", d);
            m.put("F2", f2);
            m.put("kernelLength", kernelLength);
            m.put("separableKernel", separableKernel);
            m.put("pool1", pool1);
            m.put("pool2", pool2);
            m.put("dropout", dropout);
            m.put("depthwiseMaxNorm", depthwiseMaxNorm);
            m.put("denseMaxNorm", denseMaxNorm);
            m.put("bnMomentum", bnMomentum);
            m.put("bnEpsilon", bnEpsilon);
            return m;
        }
    }

    private EegNet() {
    }

    public static EegNetwork build(int channels, int samples, int classes) {
        return build(Config.eegnet82(), channels, samples, classes);
    }

    public static EegNetwork build(Config c, int channels, int samples, int classes) {
        EegNetwork.checkShape("EEGNet", channels, samples, classes);
        if (samples / c.pool1() / c.pool2() < 1) {
            throw new IllegalArgumentException("EEGNet: " + samples + " samples do not survive pooling by "
                    + c.pool1() + " x " + c.pool2());
        }
        List<MaxNorm> constraints = new ArrayList<>();
        LayerStack s = new LayerStack();
        s.add("input (C, T) -> (1, C, T)", Layers.addFeatureAxis());
        features(s, c, channels, constraints, "");
        s.add("flatten", Layers.flatten());
        var dense = Layers.dense(classes);
        s.add("dense " + classes + ", max-norm " + c.denseMaxNorm(), dense);
        constraints.add(new MaxNorm(dense, c.denseMaxNorm(), "dense"));
        Map<String, Object> settings = c.settings();
        return new EegNetwork("EEGNet-" + c.f1() + "," + c.d(), s, channels, samples, classes, constraints, settings);
    }

    /** EEGNet's two blocks, up to the second dropout (shared with EEGNet Fusion's branches). */
    static void features(LayerStack s, Config c, int channels, List<MaxNorm> constraints, String tag) {
        s.add("conv " + c.f1() + " x (1, " + c.kernelLength() + "), same, no bias",
                Layers.temporalSame(c.f1(), c.kernelLength(), false, 1));
        s.add("batch norm", Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        var dw = Layers.depthwise(c.f1(), c.d(), channels);
        s.add("depthwise conv (" + channels + ", 1), D = " + c.d() + ", no bias, max-norm " + c.depthwiseMaxNorm(), dw);
        constraints.add(new MaxNorm(dw, c.depthwiseMaxNorm(), tag + "depthwise"));
        s.add("batch norm", Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        s.add("ELU", Layers.elu());
        s.add("avg pool (1, " + c.pool1() + ")", Layers.avgPool(c.pool1()));
        s.add("dropout " + c.dropout(), Layers.dropout(c.dropout()));
        s.add("separable conv " + c.f2() + " x (1, " + c.separableKernel() + "), same, no bias",
                Layers.separable(c.f1() * c.d(), c.f2(), c.separableKernel(), false));
        s.add("batch norm", Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        s.add("ELU", Layers.elu());
        s.add("avg pool (1, " + c.pool2() + ")", Layers.avgPool(c.pool2()));
        s.add("dropout " + c.dropout(), Layers.dropout(c.dropout()));
    }
}
