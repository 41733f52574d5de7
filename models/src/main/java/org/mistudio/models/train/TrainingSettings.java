package org.mistudio.models.train;

/**
 * How to train.
 *
 * <p>Defaults follow the comparison paper's code (Köllőd et al. 2023; github.com/kolcs/bionic_apps): Adam with
 * learning rate 1e-3, batch 32, up to 500 epochs, 20 % validation split, early stopping with patience 15 on the
 * validation loss. Adam's epsilon is Keras' 1e-7 (DJL's default is 1e-8). The default stopping rule is the plain
 * one (lowest validation loss kept); {@link EarlyStopping.Rule#PAPER} is the paper code's, which the benchmark
 * uses.
 *
 * @param epochs             epoch limit
 * @param batchSize          mini-batch size
 * @param learningRate       Adam's initial learning rate
 * @param validationFraction fraction of trials (stratified by class) held out for early stopping; 0 = none
 * @param patience           epochs without improvement before stopping (0 = never stop early)
 * @param lrPatience         epochs without improvement before the learning rate is multiplied by
 *                           {@code lrFactor} (0 = constant learning rate; EEGNet Fusion's paper uses 5 and 0.1)
 * @param lrFactor           learning-rate reduction factor on plateau
 * @param seed               seed for initialisation, dropout, the validation split and batch order
 * @param preciseBatchNorm   recompute batch-norm running statistics over the training split after each epoch
 *                           ({@link BatchNormStatistics}); without it, inference uses Keras-style moving averages
 * @param stopping           when to stop and which epoch's weights to keep ({@link EarlyStopping})
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, double validationFraction, int patience,
                               int lrPatience, float lrFactor, long seed, boolean preciseBatchNorm,
                               EarlyStopping.Rule stopping) {

    public TrainingSettings {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(validationFraction >= 0 && validationFraction < 1)
                || patience < 0 || lrPatience < 0 || !(lrFactor > 0 && lrFactor <= 1) || stopping == null) {
            throw new IllegalArgumentException("training: need epochs >= 1, batch >= 1, learning rate > 0, "
                    + "validation fraction in [0, 1), patience >= 0, 0 < lr factor <= 1");
        }
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(500, 32, 1e-3f, 0.2, 15, 0, 0.1f, 42, true, EarlyStopping.Rule.BEST_LOSS);
    }

    public TrainingSettings withEpochs(int n) {
        return new TrainingSettings(n, batchSize, learningRate, validationFraction, patience, lrPatience, lrFactor,
                seed, preciseBatchNorm, stopping);
    }

    public TrainingSettings withBatchSize(int n) {
        return new TrainingSettings(epochs, n, learningRate, validationFraction, patience, lrPatience, lrFactor,
                seed, preciseBatchNorm, stopping);
    }

    public TrainingSettings withPatience(int n) {
        return new TrainingSettings(epochs, batchSize, learningRate, validationFraction, n, lrPatience, lrFactor,
                seed, preciseBatchNorm, stopping);
    }

    public TrainingSettings withValidationFraction(double f) {
        return new TrainingSettings(epochs, batchSize, learningRate, f, patience, lrPatience, lrFactor, seed,
                preciseBatchNorm, stopping);
    }

    public TrainingSettings withLearningRateOnPlateau(int patienceEpochs, float factor) {
        return new TrainingSettings(epochs, batchSize, learningRate, validationFraction, patience, patienceEpochs,
                factor, seed, preciseBatchNorm, stopping);
    }

    public TrainingSettings withPreciseBatchNorm(boolean on) {
        return new TrainingSettings(epochs, batchSize, learningRate, validationFraction, patience, lrPatience, lrFactor,
                seed, on, stopping);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, learningRate, validationFraction, patience, lrPatience,
                lrFactor, s, preciseBatchNorm, stopping);
    }

    public TrainingSettings withStopping(EarlyStopping.Rule rule) {
        return new TrainingSettings(epochs, batchSize, learningRate, validationFraction, patience, lrPatience, lrFactor,
                seed, preciseBatchNorm, rule);
    }
}
