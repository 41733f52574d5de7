package org.mistudio.models.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mistudio.models.DjlEngine;
import org.mistudio.models.net.EegNetwork;

/**
 * Trains a network of the EEGNet family with Adam on sparse categorical cross-entropy (the Keras setup of the
 * reference code), with a stratified validation split, early stopping on the validation curve with the chosen
 * epoch's weights restored ({@link EarlyStopping}), an optional learning-rate reduction on plateau, and max-norm
 * constraints applied after every optimiser step as Keras does.
 *
 * <p>Reproducible on CPU: libtorch is seeded before initialisation (so weights and dropout masks follow the seed),
 * the split and the batch order come from a seeded {@link Random}, and {@link DjlEngine} runs libtorch with one
 * thread, so the same seed and data give the same numbers.
 */
public final class EegTrainer {

    private EegTrainer() {
    }

    /**
     * Trains {@code network} on trials {@code x} (trial x channel x sample) with class indices {@code y} in
     * [0, classes). The returned network owns native memory: close it. To stop early (a Cancel button), let
     * {@code listener} throw: the exception leaves this method after the epoch that reported, with the native memory
     * of the unfinished training freed.
     */
    public static TrainedNetwork fit(EegNetwork network, float[][][] x, int[] y, TrainingSettings s,
                                     ProgressListener listener) {
        return fit(network, x, y, s, listener, null);
    }

    /**
     * As {@link #fit(EegNetwork, float[][][], int[], TrainingSettings, ProgressListener)}, starting from
     * {@code initialParameters} ({@link TrainedNetwork#parameterBytes()} of a network of the same architecture and
     * input shape) instead of a random initialisation: fine-tuning for transfer learning. Null: random start.
     */
    public static TrainedNetwork fit(EegNetwork network, float[][][] x, int[] y, TrainingSettings s,
                                     ProgressListener listener, byte[] initialParameters) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("training: need at least 2 trials with one label each, got "
                    + x.length + " trials and " + y.length + " labels");
        }
        for (int label : y) {
            if (label < 0 || label >= network.classes()) {
                throw new IllegalArgumentException("training: label " + label + " outside [0, "
                        + network.classes() + ")");
            }
        }
        long started = System.nanoTime();
        Random rng = new Random(s.seed());
        int[][] split = stratifiedSplit(y, s.validationFraction(), rng);
        int[] train = split[0];
        int[] val = split[1];
        ChannelScaler scaler = ChannelScaler.fit(x, train);

        DjlEngine.gradOffOnThisThread();
        DjlEngine.seed(s.seed());
        Model model = Model.newInstance(network.name(), Device.cpu(), DjlEngine.PYTORCH);
        boolean ok = false;
        try {
            model.setBlock(network.block());
            MutableTracker lr = new MutableTracker(s.learningRate());
            Optimizer adam = Optimizer.adam().optLearningRateTracker(lr).optBeta1(0.9f).optBeta2(0.999f)
                    .optEpsilon(1e-7f).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(adam).optDevices(new Device[] {Device.cpu()});
            List<EpochReport> history = new ArrayList<>();
            int bestEpoch = 0;
            if (initialParameters != null) {
                // Before the trainer exists: its parameter store keeps the arrays it first sees, and loading
                // replaces a parameter's array, so parameters loaded after trainer.initialize would not be the ones
                // trained (initialising an already loaded block keeps its arrays).
                network.initialize(model.getNDManager());
                try (java.io.DataInputStream in = new java.io.DataInputStream(
                        new java.io.ByteArrayInputStream(initialParameters))) {
                    network.block().loadParameters(model.getNDManager(), in);
                } catch (java.io.IOException | ai.djl.MalformedModelException e) {
                    throw new IllegalArgumentException(network.name() + ": initial parameters do not fit: "
                            + e.getMessage(), e);
                }
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(network.inputShape(1));
                network.applyConstraints();
                // Where fine-tuning starts: the initial weights on this validation split, before any step.
                double[] initial = null;
                if (initialParameters != null && val.length > 0) {
                    initial = evaluate(trainer, network, x, y, val, scaler);
                }
                double lrBest = Double.POSITIVE_INFINITY;
                EarlyStopping stopping = new EarlyStopping(s.stopping(), s.patience());
                NDManager snapshots = model.getNDManager().newSubManager();
                NDList bestWeights = null;
                int sinceLrBest = 0;
                for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                    long t0 = System.nanoTime();
                    shuffle(train, rng);
                    double lossSum = 0;
                    long correct = 0;
                    for (int from = 0; from < train.length; from += s.batchSize()) {
                        int to = Math.min(train.length, from + s.batchSize());
                        try (NDManager bm = model.getNDManager().newSubManager()) {
                            NDArray xb = Batches.inputs(bm, x, train, from, to, network, scaler);
                            NDArray yb = Batches.labels(bm, y, train, from, to);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(xb)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(yb), new NDList(logits));
                                float batchLoss = loss.getFloat();
                                if (!Float.isFinite(batchLoss)) {
                                    boolean inputFinite = true;
                                    for (float v : xb.toFloatArray()) {
                                        inputFinite &= Float.isFinite(v);
                                    }
                                    float again = trainer.getLoss().evaluate(new NDList(yb),
                                            trainer.forward(new NDList(xb))).getFloat();
                                    throw new IllegalStateException(network.name() + ": training loss is "
                                            + batchLoss + " in epoch " + epoch + " (batch from trial " + from
                                            + "); parameters finite before the step: " + allFinite(network)
                                            + "; input finite: " + inputFinite + "; same batch again: " + again);
                                }
                                gc.backward(loss);
                                lossSum += batchLoss * (to - from);
                                correct += logits.argMax(1).eq(yb).sum().getLong();
                            }
                            trainer.step();
                            network.applyConstraints();
                        }
                    }
                    if (s.preciseBatchNorm()) {
                        BatchNormStatistics.recompute(trainer, network, x, train, s.batchSize(), scaler);
                    }
                    double trainLoss = lossSum / train.length;
                    double trainAcc = correct / (double) train.length;
                    double valLoss = Double.NaN;
                    double valAcc = Double.NaN;
                    if (val.length > 0) {
                        double[] e = evaluate(trainer, network, x, y, val, scaler);
                        valLoss = e[0];
                        valAcc = e[1];
                    }
                    double monitored = val.length > 0 ? valLoss : trainLoss;
                    EarlyStopping.Decision decision = stopping.observe(monitored, val.length > 0 ? valAcc : trainAcc);
                    if (decision.keep()) {
                        bestEpoch = epoch;
                        if (bestWeights != null) {
                            bestWeights.close();
                        }
                        bestWeights = snapshot(network, snapshots);
                    }
                    if (monitored < lrBest) {
                        lrBest = monitored;
                        sinceLrBest = 0;
                    } else {
                        sinceLrBest++;
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    EpochReport r = new EpochReport(epoch, s.epochs(), trainLoss, trainAcc, valLoss, valAcc,
                            lr.value, seconds, decision.keep());
                    history.add(r);
                    listener.onEpoch(r);
                    if (decision.stop()) {
                        break;
                    }
                    if (s.lrPatience() > 0 && sinceLrBest >= s.lrPatience()) {
                        lr.value *= s.lrFactor();
                        sinceLrBest = 0;
                    }
                }
                if (bestWeights != null) {
                    restore(network, bestWeights);
                }
                snapshots.close();
                ok = true;
                return new TrainedNetwork(network, model, scaler, history, bestEpoch,
                        (System.nanoTime() - started) / 1e9, val, initial);
            }
        } finally {
            if (!ok) {
                model.close();
            }
        }
    }

    private static double[] evaluate(Trainer trainer, EegNetwork net, float[][][] x, int[] y, int[] idx,
                                     ChannelScaler scaler) {
        double lossSum = 0;
        long correct = 0;
        int batch = 64;
        for (int from = 0; from < idx.length; from += batch) {
            int to = Math.min(idx.length, from + batch);
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDArray xb = Batches.inputs(bm, x, idx, from, to, net, scaler);
                NDArray yb = Batches.labels(bm, y, idx, from, to);
                NDArray logits = trainer.evaluate(new NDList(xb)).singletonOrThrow();
                lossSum += trainer.getLoss().evaluate(new NDList(yb), new NDList(logits)).getFloat() * (to - from);
                correct += logits.argMax(1).eq(yb).sum().getLong();
            }
        }
        return new double[] {lossSum / idx.length, correct / (double) idx.length};
    }

    /** Per class, a seeded shuffle; the first round(fraction * n) of each class go to validation. */
    static int[][] stratifiedSplit(int[] y, double fraction, Random rng) {
        int classes = 0;
        for (int v : y) {
            classes = Math.max(classes, v + 1);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, rng);
            int nVal = (int) Math.round(fraction * members.size());
            if (fraction > 0 && members.size() >= 2) {
                nVal = Math.max(1, Math.min(members.size() - 1, nVal));
            } else {
                nVal = 0;
            }
            val.addAll(members.subList(0, nVal));
            train.addAll(members.subList(nVal, members.size()));
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).sorted().toArray(),
                val.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    private static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Copies every parameter (batch-norm running statistics included) into native arrays on {@code manager}. A copy
     * made by libtorch ({@code duplicate} = {@code clone}) owns its memory; outside a gradient collector it carries
     * no autograd history.
     */
    private static NDList snapshot(EegNetwork net, NDManager manager) {
        NDList copies = new NDList();
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            NDArray c = p.getValue().getArray().duplicate();
            c.attach(manager);
            copies.add(c);
        }
        return copies;
    }

    /** Writes the snapshot back into the parameters in place (see {@link #overwrite}). */
    private static void restore(EegNetwork net, NDList weights) {
        int i = 0;
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            overwrite(p.getValue().getArray(), weights.get(i++));
        }
    }

    /**
     * Copies {@code src} into {@code dst} in place, in native memory: {@code dst[...] = src}, which libtorch runs as
     * {@code index_put_}. Not {@code NDArray.set(float[])}: on the CPU, DJL's PyTorch engine implements that by
     * pointing the tensor's storage at a Java direct buffer that it does not own ({@code torchSet}), so the
     * parameter would live in memory that the Java garbage collector frees once the array handle is closed, while
     * anything still sharing the tensor reads freed memory. Call outside gradient recording.
     */
    static void overwrite(NDArray dst, NDArray src) {
        dst.set(new NDIndex("..."), src);
    }

    private static String allFinite(EegNetwork net) {
        StringBuilder bad = new StringBuilder();
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            for (float v : p.getValue().getArray().toFloatArray()) {
                if (!Float.isFinite(v)) {
                    bad.append(bad.length() == 0 ? "" : ", ").append(p.getKey());
                    break;
                }
            }
        }
        return bad.length() == 0 ? "yes" : "no (" + bad + ")";
    }

    /** A learning rate that the plateau rule can lower. */
    private static final class MutableTracker implements Tracker {
        float value;

        MutableTracker(float value) {
            this.value = value;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }
}
