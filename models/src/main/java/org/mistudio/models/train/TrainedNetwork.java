package org.mistudio.models.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.mistudio.models.DjlEngine;
import org.mistudio.models.net.EegNetwork;

/** A network with trained parameters, ready to predict; holds native memory until closed. */
public final class TrainedNetwork implements AutoCloseable {

    private final EegNetwork network;
    private final Model model;
    private final ChannelScaler scaler;
    private final List<EpochReport> history;
    private final int bestEpoch;
    private final double seconds;
    private final int[] validationTrials;
    private final double[] initialValidation;

    TrainedNetwork(EegNetwork network, Model model, ChannelScaler scaler, List<EpochReport> history, int bestEpoch,
                   double seconds, int[] validationTrials) {
        this(network, model, scaler, history, bestEpoch, seconds, validationTrials, null);
    }

    TrainedNetwork(EegNetwork network, Model model, ChannelScaler scaler, List<EpochReport> history, int bestEpoch,
                   double seconds, int[] validationTrials, double[] initialValidation) {
        this.initialValidation = initialValidation == null ? null : initialValidation.clone();
        this.validationTrials = validationTrials.clone();
        this.scaler = scaler;
        this.network = network;
        this.model = model;
        this.history = List.copyOf(history);
        this.bestEpoch = bestEpoch;
        this.seconds = seconds;
    }

    public EegNetwork network() {
        return network;
    }

    /** The per-channel standardisation learnt from the training trials; applied to every trial predicted. */
    public ChannelScaler scaler() {
        return scaler;
    }

    /** The DJL model that owns the parameters (for saving). */
    public Model model() {
        return model;
    }

    /** One report per epoch run. */
    public List<EpochReport> history() {
        return history;
    }

    /** The epoch whose weights were kept (1-based). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Indices of the trials held out for validation (early stopping), ascending; empty for a loaded network. */
    public int[] validationTrials() {
        return validationTrials.clone();
    }

    /**
     * For a network trained from initial parameters (fine-tuning): the validation loss and accuracy of those
     * parameters before the first step, {@code {loss, accuracy}}; empty for a random start or without a validation
     * split.
     */
    public java.util.Optional<double[]> initialValidation() {
        return java.util.Optional.ofNullable(initialValidation).map(double[]::clone);
    }

    /** Wall time of training, seconds. */
    public double seconds() {
        return seconds;
    }

    /**
     * Class probabilities, trial x class, for trials in the units of the training data (standardised here with
     * {@link #scaler()}; inference mode: no dropout, batch norm with running statistics).
     */
    public float[][] predictProbabilities(float[][][] x) {
        DjlEngine.gradOffOnThisThread();
        float[][] out = new float[x.length][];
        int batch = 64;
        for (int from = 0; from < x.length; from += batch) {
            int to = Math.min(x.length, from + batch);
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray input = Batches.inputs(m, x, null, from, to, network, scaler);
                NDArray logits = network.block().forward(new ParameterStore(m, false), new NDList(input), false)
                        .singletonOrThrow();
                float[] p = logits.softmax(1).toFloatArray();
                int k = network.classes();
                for (int i = from; i < to; i++) {
                    out[i] = java.util.Arrays.copyOfRange(p, (i - from) * k, (i - from + 1) * k);
                }
            }
        }
        return out;
    }

    /** Predicted class indices. */
    public int[] predict(float[][][] x) {
        float[][] p = predictProbabilities(x);
        int[] y = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int k = 1; k < p[i].length; k++) {
                if (p[i][k] > p[i][best]) {
                    best = k;
                }
            }
            y[i] = best;
        }
        return y;
    }

    /**
     * The trained parameters (batch-norm running statistics included) in DJL's parameter format
     * ({@code Block.saveParameters}): the block's structure is not stored, so loading needs the same architecture,
     * settings and input shape.
     */
    public byte[] parameterBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.block().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A trained network rebuilt from {@link #parameterBytes()}: {@code network} must be a freshly built network of the
     * same architecture and input shape. No training history is restored.
     *
     * @throws IOException when the bytes are not DJL parameters or do not fit the network (DJL names the parameter)
     */
    public static TrainedNetwork load(EegNetwork network, ChannelScaler scaler, byte[] parameters)
            throws IOException {
        if (scaler.mean().length != network.channels() || scaler.sd().length != network.channels()) {
            throw new IOException("channel scaler holds " + scaler.mean().length + " channels, the network takes "
                    + network.channels());
        }
        DjlEngine.engine();
        Model model = Model.newInstance(network.name(), Device.cpu(), DjlEngine.PYTORCH);
        try {
            model.setBlock(network.block());
            network.initialize(model.getNDManager());
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
                network.block().loadParameters(model.getNDManager(), in);
            }
            return new TrainedNetwork(network, model, scaler, List.of(), 0, 0, new int[0]);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException(network.name() + " parameters: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
