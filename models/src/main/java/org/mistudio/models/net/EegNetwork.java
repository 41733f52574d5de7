package org.mistudio.models.net;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network of the EEGNet family built for one input shape: a DJL block that maps (batch, channels, samples) EEG to
 * (batch, classes) logits (the softmax of the Keras models is left to the loss), its max-norm constraints and its
 * settings.
 */
public final class EegNetwork {

    private final String name;
    private final Block block;
    private final LayerStack stack;
    private final int channels;
    private final int samples;
    private final int classes;
    private final List<MaxNorm> constraints;
    private final Map<String, Object> settings;

    EegNetwork(String name, LayerStack stack, int channels, int samples, int classes, List<MaxNorm> constraints,
               Map<String, Object> settings) {
        this.name = name;
        this.stack = stack;
        this.block = stack.block();
        this.channels = channels;
        this.samples = samples;
        this.classes = classes;
        this.constraints = List.copyOf(constraints);
        this.settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        // Keras' default kernel initialiser, glorot_uniform: U(+-sqrt(6 / (fan_in + fan_out))). DJL's Xavier with
        // uniform type, averaged fans and magnitude 3 is that formula (fans from DJL's (out, in/groups, kh, kw)).
        block.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT);
    }

    static void checkShape(String net, int channels, int samples, int classes) {
        if (channels < 1 || samples < 1 || classes < 2) {
            throw new IllegalArgumentException(net + ": need channels >= 1, samples >= 1 and classes >= 2, got "
                    + channels + ", " + samples + ", " + classes);
        }
    }

    public String name() {
        return name;
    }

    /** The DJL block: input (batch, channels, samples) float32, output (batch, classes) logits. */
    public Block block() {
        return block;
    }

    public int channels() {
        return channels;
    }

    public int samples() {
        return samples;
    }

    public int classes() {
        return classes;
    }

    /** The max-norm constraints to apply after each optimiser step. */
    public List<MaxNorm> constraints() {
        return constraints;
    }

    /** The architecture's settings (kernel sizes, filters, dropout, ...), for documentation and persistence. */
    public Map<String, Object> settings() {
        return settings;
    }

    /** The input shape for a batch of the given size. */
    public Shape inputShape(int batch) {
        return new Shape(batch, channels, samples);
    }

    /** Creates the parameters (once) on the given manager, with the initialisers set at construction. */
    public void initialize(NDManager manager) {
        if (!block.isInitialized()) {
            block.initialize(manager, DataType.FLOAT32, inputShape(1));
        }
    }

    public boolean isInitialized() {
        return block.isInitialized();
    }

    /** Applies every max-norm constraint (after an optimiser step). */
    public void applyConstraints() {
        for (MaxNorm c : constraints) {
            c.apply();
        }
    }

    /** All parameters including batch-norm running statistics: Keras' "Total params". Needs initialisation. */
    public long parameterCount() {
        return countParameters(block, false);
    }

    /** Parameters that receive gradients: PyTorch's {@code sum(p.numel() for p in parameters())}. */
    public long trainableParameterCount() {
        return countParameters(block, true);
    }

    /** The layer table for the input shape (batch 1). Needs initialisation. */
    public List<LayerSummary> summary() {
        return stack.summarize(inputShape(1), "");
    }

    /** The layer table as Markdown. */
    public String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| layer | output shape | params (total) | params (trainable) |\n|---|---|---|---|\n");
        for (LayerSummary r : summary()) {
            sb.append("| ").append(r.layer()).append(" | ").append(r.outputShape()).append(" | ")
                    .append(r.parameters()).append(" | ").append(r.trainable()).append(" |\n");
        }
        sb.append("| **total** | (").append(classes).append(") | **").append(parameterCount()).append("** | **")
                .append(trainableParameterCount()).append("** |\n");
        return sb.toString();
    }

    static long countParameters(Block b, boolean trainableOnly) {
        long n = 0;
        for (Pair<String, Parameter> p : b.getParameters()) {
            Parameter param = p.getValue();
            if (trainableOnly && !param.requiresGradient()) {
                continue;
            }
            n += param.getArray().getShape().size();
        }
        return n;
    }

    @Override
    public String toString() {
        return name + " (" + channels + " x " + samples + " -> " + classes + ") " + settings;
    }
}
