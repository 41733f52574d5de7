package org.mistudio.models.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EEGNet Fusion (Roots, Muhammad and Muhammad 2020, "Fusion Convolutional Neural Network for Cross-Subject EEG
 * Motor Imagery Classification", Computers 9(3):72; code github.com/rootskar/EEGMotorImagery, {@code EEGModels.py},
 * {@code EEGNet_fusion}): three EEGNet branches on the same input with (F1, temporal kernel, F2, separable kernel)
 * = (8, 64, 16, 8), (16, 96, 32, 16), (32, 128, 64, 32), each D = 2, depthwise max-norm 1, average pools (1, 4)
 * and (1, 8), dropout 0.5, Keras batch-norm defaults; the flattened branches are concatenated and classified by
 * Dense(classes, max-norm 0.25). The kernels are for 160 Hz EEGMMIDB in the paper's code, used unchanged at any
 * rate there; bionic_apps scales them as fs/4, fs/2, fs — at 128 Hz that gives 32, 64, 128 instead. We keep the
 * published numbers (64, 96, 128).
 */
public final class EegNetFusion {

    /** One branch: an EEGNet with these settings. */
    public record Branch(int f1, int kernelLength, int f2, int separableKernel) {
    }

    public record Config(List<Branch> branches, int d, int pool1, int pool2, float dropout, float depthwiseMaxNorm,
                         float denseMaxNorm, float bnMomentum, float bnEpsilon) {

        public Config {
            branches = List.copyOf(branches);
        }

        /** The published configuration. */
        public static Config roots2020() {
            return new Config(List.of(new Branch(8, 64, 16, 8), new Branch(16, 96, 32, 16),
                    new Branch(32, 128, 64, 32)), 2, 4, 8, 0.5f, 1f, 0.25f, 0.99f, 1e-3f);
        }

        EegNet.Config branch(int i) {
            Branch b = branches.get(i);
            return new EegNet.Config(b.f1(), d, b.f2(), b.kernelLength(), b.separableKernel(), pool1, pool2, dropout,
                    depthwiseMaxNorm, denseMaxNorm, bnMomentum, bnEpsilon);
        }

        Map<String, Object> settings() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < branches.size(); i++) {
                Branch b = branches.get(i);
                m.put("branch" + (i + 1), "F1=" + b.f1() + ",kernel=" + b.kernelLength() + ",F2=" + b.f2()
                        + ",separableKernel=" + b.separableKernel());
            }
            m.put("D", d);
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

    private EegNetFusion() {
    }

    public static EegNetwork build(int channels, int samples, int classes) {
        return build(Config.roots2020(), channels, samples, classes);
    }

    public static EegNetwork build(Config c, int channels, int samples, int classes) {
        EegNetwork.checkShape("EEGNet Fusion", channels, samples, classes);
        if (samples / c.pool1() / c.pool2() < 1) {
            throw new IllegalArgumentException("EEGNet Fusion: " + samples + " samples do not survive pooling");
        }
        List<MaxNorm> constraints = new ArrayList<>();
        List<LayerStack> branches = new ArrayList<>();
        for (int i = 0; i < c.branches().size(); i++) {
            LayerStack b = new LayerStack();
            EegNet.features(b, c.branch(i), channels, constraints, "branch " + (i + 1) + " ");
            b.add("flatten", Layers.flatten());
            branches.add(b);
        }
        LayerStack s = new LayerStack();
        s.add("input (C, T) -> (1, C, T)", Layers.addFeatureAxis());
        s.parallel("concatenate branches", outs -> Layers.concat(outs, 1), branches);
        var dense = Layers.dense(classes);
        s.add("dense " + classes + ", max-norm " + c.denseMaxNorm(), dense);
        constraints.add(new MaxNorm(dense, c.denseMaxNorm(), "dense"));
        return new EegNetwork("EEGNet Fusion", s, channels, samples, classes, constraints, c.settings());
    }
}
