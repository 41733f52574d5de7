package org.mistudio.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.mistudio.models.net.EegNetwork;
import org.mistudio.models.net.SwitchableDropout;

/**
 * Recomputes the batch-norm running statistics of a network over the training trials ("precise batch norm", as
 * {@code torch.optim.swa_utils.update_bn}): the average of the per-batch means and variances that training-mode
 * forward passes see, instead of the exponential moving average accumulated during training.
 *
 * <p>Why: with Keras' momentum 0.99 (EEGNet, EEGNet Fusion, MI-EEGNet) the moving average forgets its initial value
 * (mean 0, variance 1) only after some 300 optimiser steps (0.99^300 = 0.05), and with 0.9 (Shallow/Deep ConvNet)
 * after about 30. A within-subject data set of ~100 trials at batch 16 gives 6 steps per epoch, so for the first
 * tens of epochs the inference-mode network normalises with statistics that are far from the ones it was trained
 * with: validation loss is then meaningless (it was lowest at epoch 1, and early stopping restored those weights),
 * and held-out predictions collapse to one class. Recomputing the statistics before each evaluation makes the
 * inference-mode network the one training optimised; with enough steps both estimates agree. The architecture and
 * its batch-norm settings are unchanged.
 *
 * <p>How, with DJL's PyTorch engine: in a training-mode forward pass libtorch updates each batch norm's running
 * arrays in place, {@code r = m * r + (1 - m) * batch} (DJL passes {@code 1 - m} to torch as its momentum; the
 * variance is the unbiased batch variance). Zeroing both arrays before each batch and reading them after gives the
 * batch's statistics times {@code (1 - m)}. Runs outside gradient recording, with dropout off
 * ({@link SwitchableDropout#withoutDropout}): the statistics are those of the activations inference will see. Keras
 * accumulates its moving averages with dropout on; for Deep ConvNet, where dropout feeds each next convolution and
 * batch norm, that mismatch made the inference-mode output one class.
 */
final class BatchNormStatistics {

    private BatchNormStatistics() {
    }

    private record Norm(String name, NDArray mean, NDArray var, float momentum) {
    }

    static void recompute(Trainer trainer, EegNetwork net, float[][][] x, int[] idx, int batch, ChannelScaler scaler) {
        List<Norm> norms = new ArrayList<>();
        collect(net.block(), "", norms);
        if (norms.isEmpty() || idx.length == 0) {
            return;
        }
        try (NDManager acc = trainer.getManager().newSubManager()) {
            NDArray[] sumMean = new NDArray[norms.size()];
            NDArray[] sumVar = new NDArray[norms.size()];
            for (int k = 0; k < norms.size(); k++) {
                sumMean[k] = acc.zeros(norms.get(k).mean.getShape());
                sumVar[k] = acc.zeros(norms.get(k).var.getShape());
            }
            int[] order = idx.clone();
            java.util.Arrays.sort(order);
            for (int from = 0; from < order.length; from += batch) {
                int to = Math.min(order.length, from + batch);
                for (Norm n : norms) {
                    n.mean.set(new NDIndex("..."), 0f);
                    n.var.set(new NDIndex("..."), 0f);
                }
                try (NDManager bm = acc.newSubManager()) {
                    NDArray xb = Batches.inputs(bm, x, order, from, to, net, scaler);
                    SwitchableDropout.withoutDropout(() -> trainer.forward(new NDList(xb)));
                    for (int k = 0; k < norms.size(); k++) {
                        Norm n = norms.get(k);
                        float w = (to - from) / (1 - n.momentum);
                        try (NDArray m = n.mean.mul(w); NDArray v = n.var.mul(w)) {
                            sumMean[k].addi(m);
                            sumVar[k].addi(v);
                        }
                    }
                }
            }
            for (int k = 0; k < norms.size(); k++) {
                Norm n = norms.get(k);
                EegTrainer.overwrite(n.mean, sumMean[k].div(order.length));
                EegTrainer.overwrite(n.var, sumVar[k].div(order.length));
            }
        }
    }

    private static void collect(Block b, String path, List<Norm> out) {
        if (b instanceof BatchNorm bn) {
            out.add(new Norm(path, bn.getParameters().get("runningMean").getArray(),
                    bn.getParameters().get("runningVar").getArray(), momentum(bn)));
            return;
        }
        for (Pair<String, Block> c : b.getChildren()) {
            collect(c.getValue(), path + "/" + c.getKey(), out);
        }
    }

    /** DJL keeps the momentum in a private field without a getter. */
    private static float momentum(BatchNorm bn) {
        try {
            java.lang.reflect.Field f = BatchNorm.class.getDeclaredField("momentum");
            f.setAccessible(true);
            float m = f.getFloat(bn);
            if (!(m >= 0 && m < 1)) {
                throw new IllegalStateException("batch norm momentum " + m + " outside [0, 1)");
            }
            return m;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read DJL BatchNorm's momentum", e);
        }
    }
}
