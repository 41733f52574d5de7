package org.mistudio.models.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MI-EEGNet (Riyad, Khalil and Adib 2021, "MI-EEGNET: A novel convolutional neural network for motor imagery
 * classification", J Neurosci Methods 353:109037). No official code exists; third-party versions disagree (bionic_apps,
 * the comparison paper's code: D = 2, kernel fs / 2; torchsignal: D = 4, kernel 16, and a note that it misses the
 * paper's 162,564 parameters). We take the configuration that reproduces the paper's count exactly:
 * <pre>
 * Conv2D(64, (1, 16), same, no bias) - BN - DepthwiseConv2D((C, 1), D = 4, no bias, max-norm 1) - BN - ELU
 * - AvgPool(1, 4) - Dropout 0.5                                                       (256 maps)
 * inception block, four towers of 64 maps on the same input, concatenated (256 maps):
 *   1: Conv 1x1 - SeparableConv (1, 7) - BN - ELU - Dropout - SeparableConv (1, 7) - AvgPool(1, 2)
 *   2: Conv 1x1 - SeparableConv (1, 9) - BN - ELU - Dropout - SeparableConv (1, 9) - AvgPool(1, 2)
 *   3: AvgPool(1, 2) - Conv 1x1
 *   4: Conv 1x1, stride (1, 2)
 * - BN - ELU - SeparableConv2D(256, (1, 5), same, with bias, Keras' default) - BN - ELU - Dropout
 * - global average pooling - Dense(classes, max-norm 0.25)
 * </pre>
 * Towers' convolutions have no bias, Keras batch-norm defaults. Counting Keras' total (batch-norm running statistics
 * included) this gives 64*16 + 4*64 + 22*256 + 4*256 + towers (25,728 + 25,984 + 16,384 + 16,384) + 4*256
 * + (5*256 + 256*256 + 256) + 4*256 + (256*4 + 4) = 162,564 for 22 channels and 4 classes (the time length does not
 * matter thanks to global pooling). The first pool (1, 4) follows bionic_apps; the paper's kernel of 16 is for its
 * 128 Hz input (BCI IV 2a resampled).
 */
public final class MiEegNet {

    public record Config(int f1, int kernelLength, int d, int pool1, int towerFilters, int towerKernel1,
                         int towerKernel2, int towerPool, int f2, int finalKernel, boolean finalBias, float dropout,
                         float depthwiseMaxNorm, float denseMaxNorm, float bnMomentum, float bnEpsilon) {

        /** The configuration that reproduces the paper's parameter count. */
        public static Config riyad2021() {
            return new Config(64, 16, 4, 4, 64, 7, 9, 2, 256, 5, true, 0.5f, 1f, 0.25f, 0.99f, 1e-3f);
        }

        Map<String, Object> settings() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("F1", f1);
            m.put("kernelLength", kernelLength);
            m.put("D", d);
            m.put("pool1", pool1);
            m.put("towerFilters", towerFilters);
            m.put("towerKernels", towerKernel1 + "," + towerKernel2);
            m.put("towerPool", towerPool);
            m.put("F2", f2);
            m.put("finalKernel", finalKernel);
            m.put("finalBias", finalBias);
            m.put("dropout", dropout);
            m.put("depthwiseMaxNorm", depthwiseMaxNorm);
            m.put("denseMaxNorm", denseMaxNorm);
            m.put("bnMomentum", bnMomentum);
            m.put("bnEpsilon", bnEpsilon);
            return m;
        }
    }

    private MiEegNet() {
    }

    public static EegNetwork build(int channels, int samples, int classes) {
        return build(Config.riyad2021(), channels, samples, classes);
    }

    public static EegNetwork build(Config c, int channels, int samples, int classes) {
        EegNetwork.checkShape("MI-EEGNet", channels, samples, classes);
        int afterPool = samples / c.pool1();
        int half = afterPool / c.towerPool();
        if (half < 1) {
            throw new IllegalArgumentException("MI-EEGNet: " + samples + " samples do not survive pooling");
        }
        List<MaxNorm> constraints = new ArrayList<>();
        int tf = c.towerFilters();
        LayerStack s = new LayerStack();
        s.add("input (C, T) -> (1, C, T)", Layers.addFeatureAxis());
        s.add("conv " + c.f1() + " x (1, " + c.kernelLength() + "), same, no bias",
                Layers.temporalSame(c.f1(), c.kernelLength(), false, 1));
        s.add("batch norm", Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        var dw = Layers.depthwise(c.f1(), c.d(), channels);
        s.add("depthwise conv (" + channels + ", 1), D = " + c.d() + ", no bias, max-norm " + c.depthwiseMaxNorm(), dw);
        constraints.add(new MaxNorm(dw, c.depthwiseMaxNorm(), "depthwise"));
        s.add("batch norm", Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        s.add("ELU", Layers.elu());
        s.add("avg pool (1, " + c.pool1() + ")", Layers.avgPool(c.pool1()));
        s.add("dropout " + c.dropout(), Layers.dropout(c.dropout()));

        List<LayerStack> towers = new ArrayList<>();
        for (int k : new int[] {c.towerKernel1(), c.towerKernel2()}) {
            LayerStack t = new LayerStack();
            t.add("conv " + tf + " x (1, 1), no bias", Layers.conv(tf, 1, 1, false));
            t.add("separable conv " + tf + " x (1, " + k + "), same, no bias", Layers.separable(tf, tf, k, false));
            t.add("batch norm", Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
            t.add("ELU", Layers.elu());
            t.add("dropout " + c.dropout(), Layers.dropout(c.dropout()));
            t.add("separable conv " + tf + " x (1, " + k + "), same, no bias", Layers.separable(tf, tf, k, false));
            t.add("avg pool (1, " + c.towerPool() + ")", Layers.avgPool(c.towerPool()));
            towers.add(t);
        }
        LayerStack t3 = new LayerStack();
        t3.add("avg pool (1, " + c.towerPool() + ")", Layers.avgPool(c.towerPool()));
        t3.add("conv " + tf + " x (1, 1), no bias", Layers.conv(tf, 1, 1, false));
        towers.add(t3);
        LayerStack t4 = new LayerStack();
        t4.add("conv " + tf + " x (1, 1), stride (1, " + c.towerPool() + "), no bias",
                Layers.pointwise(tf, c.towerPool(), false));
        // A strided 'same' 1x1 conv gives ceil(T / 2) samples, the pooled towers floor(T / 2): keep the first
        // floor(T / 2), as bionic_apps does.
        t4.add("crop to " + half + " samples",
                ai.djl.nn.LambdaBlock.singleton(x -> x.get(":, :, :, :" + half), "crop"));
        towers.add(t4);
        s.parallel("concatenate towers (" + (4 * tf) + " maps)", outs -> Layers.concat(outs, 1), towers);

        s.add("batch norm", Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        s.add("ELU", Layers.elu());
        s.add("separable conv " + c.f2() + " x (1, " + c.finalKernel() + "), same, " + (c.finalBias() ? "bias" : "no bias"),
                Layers.separable(4 * tf, c.f2(), c.finalKernel(), c.finalBias()));
        s.add("batch norm", Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        s.add("ELU", Layers.elu());
        s.add("dropout " + c.dropout(), Layers.dropout(c.dropout()));
        s.add("global average pooling", Layers.globalAvgPool());
        var dense = Layers.dense(classes);
        s.add("dense " + classes + ", max-norm " + c.denseMaxNorm(), dense);
        constraints.add(new MaxNorm(dense, c.denseMaxNorm(), "dense"));
        return new EegNetwork("MI-EEGNet", s, channels, samples, classes, constraints, c.settings());
    }
}
