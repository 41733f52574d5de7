package org.mistudio.models.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shallow ConvNet (Schirrmeister et al. 2017, Hum Brain Mapp 38:5391-5420) in the 128 Hz Keras version of the Army
 * Research Lab's {@code EEGModels.py} ({@code ShallowConvNet}, used through bionic_apps by the comparison paper):
 * <pre>
 * Conv2D(40, (1, 13), bias, max-norm 2) - Conv2D(40, (C, 1), no bias, max-norm 2) - BN(eps 1e-5, momentum 0.9)
 * - square - AvgPool((1, 35), stride (1, 7)) - log(clip(x, 1e-7, 1e4)) - Dropout 0.5 - Flatten
 * - Dense(classes, max-norm 0.5)
 * </pre>
 * The paper's 250 Hz numbers (braindecode {@code ShallowFBCSPNet}): kernel 25, mean pool 75 stride 15, log of
 * max(x, 1e-6), BN momentum 0.1 (PyTorch convention), no max-norm; {@link Config#braindecode250Hz()} gives the
 * kernel and pooling numbers of that version. Note: bionic_apps' copy uses max pooling where EEGModels averages;
 * we follow EEGModels and the paper (mean pooling of squared activity = log band power).
 */
public final class ShallowConvNet {

    public record Config(int filters, int kernelLength, int poolLength, int poolStride, float dropout,
                         float convMaxNorm, float denseMaxNorm, float bnMomentum, float bnEpsilon, float logFloor) {

        /** EEGModels' 128 Hz version. */
        public static Config keras128Hz() {
            return new Config(40, 13, 35, 7, 0.5f, 2f, 0.5f, 0.9f, 1e-5f, 1e-7f);
        }

        /** The paper's/braindecode's 250 Hz kernel and pooling, EEGModels' constraints and batch norm. */
        public static Config braindecode250Hz() {
            return new Config(40, 25, 75, 15, 0.5f, 2f, 0.5f, 0.9f, 1e-5f, 1e-6f);
        }

        Map<String, Object> settings() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("filters", filters);
            m.put("kernelLength", kernelLength);
            m.put("poolLength", poolLength);
            m.put("poolStride", poolStride);
            m.put("dropout", dropout);
            m.put("convMaxNorm", convMaxNorm);
            m.put("denseMaxNorm", denseMaxNorm);
            m.put("bnMomentum", bnMomentum);
            m.put("bnEpsilon", bnEpsilon);
            m.put("logFloor", logFloor);
            return m;
        }
    }

    private ShallowConvNet() {
    }

    public static EegNetwork build(int channels, int samples, int classes) {
        return build(Config.keras128Hz(), channels, samples, classes);
    }

    public static EegNetwork build(Config c, int channels, int samples, int classes) {
        EegNetwork.checkShape("Shallow ConvNet", channels, samples, classes);
        if (samples - c.kernelLength() + 1 < c.poolLength()) {
            throw new IllegalArgumentException("Shallow ConvNet: " + samples + " samples are too few for kernel "
                    + c.kernelLength() + " and pool " + c.poolLength());
        }
        List<MaxNorm> constraints = new ArrayList<>();
        LayerStack s = new LayerStack();
        s.add("input (C, T) -> (1, C, T)", Layers.addFeatureAxis());
        var temporal = Layers.conv(c.filters(), 1, c.kernelLength(), true);
        s.add("conv " + c.filters() + " x (1, " + c.kernelLength() + "), bias, max-norm " + c.convMaxNorm(), temporal);
        constraints.add(new MaxNorm(temporal, c.convMaxNorm(), "temporal conv"));
        var spatial = Layers.matmulConv(c.filters(), channels, 1, false);
        s.add("conv " + c.filters() + " x (" + channels + ", 1), no bias, max-norm " + c.convMaxNorm(), spatial);
        constraints.add(new MaxNorm(spatial, c.convMaxNorm(), "spatial conv"));
        s.add("batch norm (eps " + c.bnEpsilon() + ", momentum " + c.bnMomentum() + ")",
                Layers.batchNorm(c.bnMomentum(), c.bnEpsilon()));
        s.add("square", Layers.square());
        s.add("avg pool (1, " + c.poolLength() + "), stride " + c.poolStride(),
                Layers.avgPool(c.poolLength(), c.poolStride()));
        s.add("log(clip(x, " + c.logFloor() + ", 1e4))", Layers.safeLog(c.logFloor(), 1e4f));
        s.add("dropout " + c.dropout(), Layers.dropout(c.dropout()));
        s.add("flatten", Layers.flatten());
        var dense = Layers.dense(classes);
        s.add("dense " + classes + ", max-norm " + c.denseMaxNorm(), dense);
        constraints.add(new MaxNorm(dense, c.denseMaxNorm(), "dense"));
        return new EegNetwork("Shallow ConvNet", s, channels, samples, classes, constraints, c.settings());
    }
}
