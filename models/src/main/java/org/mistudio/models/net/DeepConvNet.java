package org.mistudio.models.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep ConvNet (Schirrmeister et al. 2017) in the 128 Hz Keras version of the Army Research Lab's
 * {@code EEGModels.py} ({@code DeepConvNet}):
 * <pre>
 * Conv2D(25, (1, 5), bias, max-norm 2) - Conv2D(25, (C, 1), bias, max-norm 2) - BN(eps 1e-5, momentum 0.9) - ELU
 * - MaxPool((1, 2), stride 2) - Dropout 0.5
 * then for 50, 100, 200 filters: Conv2D(n, (1, 5), bias, max-norm 2) - BN - ELU - MaxPool((1, 2), 2) - Dropout 0.5
 * - Flatten - Dense(classes, max-norm 0.5)
 * </pre>
 * The paper's 250 Hz numbers (braindecode {@code Deep4Net}): kernel 10, pool 3 stride 3 ({@link Config#braindecode250Hz()}).
 */
public final class DeepConvNet {

    public record Config(int[] filters, int kernelLength, int poolLength, int poolStride, float dropout,
                         float convMaxNorm, float denseMaxNorm, float bnMomentum, float bnEpsilon) {

        public Config {
            filters = filters.clone();
        }

        @Override
        public int[] filters() {
            return filters.clone();
        }

        /** EEGModels' 128 Hz version. */
        public static Config keras128Hz() {
            return new Config(new int[] {25, 50, 100, 200}, 5, 2, 2, 0.5f, 2f, 0.5f, 0.9f, 1e-5f);
        }

        /** The paper's/braindecode's 250 Hz kernel and pooling. */
        public static Config braindecode250Hz() {
            return new Config(new int[] {25, 50, 100, 200}, 10, 3, 3, 0.5f, 2f, 0.5f, 0.9f, 1e-5f);
        }

        Map<String, Object> settings() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("filters", java.util.Arrays.toString(filters));
            m.put("kernelLength", kernelLength);
            m.put("poolLength", poolLength);
            m.put("poolStride", poolStride);
            m.put("dropout", dropout);
            m.put("convMaxNorm", convMaxNorm);
            m.put("denseMaxNorm", denseMaxNorm);
            m.put("bnMomentum", bnMomentum);
            m.put("bnEpsilon", bnEpsilon);
            return m;
        }
    }

    private DeepConvNet() {
    }

    public static EegNetwork build(int channels, int samples, int classes) {
        return build(Config.keras128Hz(), channels, samples, classes);
    }

    public static EegNetwork build(Config c, int channels, int samples, int classes) {
        EegNetwork.checkShape("Deep ConvNet", channels, samples, classes);
        int t = samples;
        for (int i = 0; i < c.filters().length; i++) {
            t = t - c.kernelLength() + 1;
            t = t < c.poolLength() ? 0 : (t - c.poolLength()) / c.poolStride() + 1;
        }
        if (t < 1) {
            throw new IllegalArgumentException("Deep ConvNet: " + samples + " samples do not survive four blocks of "
                    + "kernel " + c.kernelLength() + " and pool " + c.poolLength());
        }
        int[] f = c.filters();
        List<MaxNorm> constraints = new ArrayList<>();
        LayerStack s = new LayerStack();
        s.add("input (C, T) -> (1, C, T)", Layers.addFeatureAxis());
        String mn = ", max-norm " + c.convMaxNorm();
        var temporal = Layers.conv(f[0], 1, c.kernelLength(), true);
        s.add("conv " + f[0] + " x (1, " + c.kernelLength() + "), bias" + mn, temporal);
        constraints.add(new MaxNorm(temporal, c.convMaxNorm(), "temporal conv"));
        var spatial = Layers.matmulConv(f[0], channels, 1, true);
        s.add("conv " + f[0] + " x (" + channels + ", 1), bias" + mn, spatial);
        constraints.add(new MaxNorm(spatial, c.convMaxNorm(), "spatial conv"));
        tail(s, c);
        for (int i = 1; i < f.length; i++) {
            var conv = Layers.matmulConv(f[i], 1, c.kernelLength(), true);
            s.add("conv " + f[i] + " x (1, " + c.kernelLength() + "), bias" + mn, conv);
            constraints.add(new MaxNorm(conv, c.convMaxNorm(), "conv " + (i + 1)));
            tail(s, c);
        }
        s.add("flatten", Layers.flatten());
        var dense = Layers.dense(classes);
        s.add("dense " + classes + ", max-norm " + c.denseMaxNorm(), dense);
        constraints.add(new MaxNorm(dense, c.denseMaxNorm(), "dense"));
        return new EegNetwork("Deep ConvNet", s, channels, samples, classes, constraints, c.settings());
    }

    private static void tail(LayerStack s, Config c) {
        s.add("batch norm (eps " + c.bnEpsilon() + ", momentum " + c.bnMomentum() + ")",
                Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        s.add("ELU", Layers.elu());
        s.add("max pool (1, " + c.poolLength() + "), stride " + c.poolStride(),
                Layers.maxPool(c.poolLength(), c.poolStride()));
        s.add("dropout " + c.dropout(), Layers.dropout(c.dropout()));
    }
}
