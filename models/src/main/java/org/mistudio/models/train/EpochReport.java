package org.mistudio.models.train;

/**
 * What one training epoch did.
 *
 * @param epoch              1-based epoch number
 * @param maxEpochs          the epoch limit
 * @param trainLoss          mean cross-entropy over the training batches (dropout on)
 * @param trainAccuracy      accuracy over the training batches (dropout on)
 * @param validationLoss     cross-entropy on the validation split (NaN without one)
 * @param validationAccuracy accuracy on the validation split (NaN without one)
 * @param learningRate       the learning rate used in this epoch
 * @param seconds            wall time of this epoch, validation included
 * @param improved           whether this epoch's weights are now the ones kept (by the stopping rule)
 */
public record EpochReport(int epoch, int maxEpochs, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double learningRate, double seconds, boolean improved) {
}
