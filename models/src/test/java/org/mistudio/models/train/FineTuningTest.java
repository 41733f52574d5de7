package org.mistudio.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mistudio.models.net.Networks;

/**
 * Fine-tuning ({@link EegTrainer#fit} with initial parameters) starts from the given weights: scored before any
 * step it gives the source's validation numbers. (Before the fix that came with this test, the weights were loaded
 * after the trainer had cached the random ones, and fine-tuning silently started from scratch.)
 */
class FineTuningTest {

    @Test
    void fineTuningStartsFromTheGivenWeights() {
        SimulatedData data = SimulatedData.of(12, 3, new double[] {4, 40});
        TrainingSettings s = TrainingSettings.defaults().withEpochs(2).withBatchSize(8).withPatience(0).withSeed(5);
        try (TrainedNetwork source = EegTrainer.fit(Networks.create("eegnet", 22, 256, 2), data.x, data.y, s,
                ProgressListener.none())) {
            assertTrue(source.initialValidation().isEmpty(), "a random start has no initial score");
            EpochReport kept = source.history().get(source.bestEpoch() - 1);
            byte[] weights = source.parameterBytes();

            // The same data and seed: the same validation split and channel scaling as the source's, so the source's
            // weights (batch-norm statistics included) must score exactly what the source scored at its kept epoch.
            // (Predictions after a step are not compared: batch-norm statistics are recomputed with dropout active.)
            try (TrainedNetwork tuned = EegTrainer.fit(Networks.create("eegnet", 22, 256, 2), data.x, data.y,
                    s.withEpochs(1), ProgressListener.none(), weights)) {
                double[] initial = tuned.initialValidation().orElseThrow();
                assertEquals(kept.validationLoss(), initial[0], 1e-6);
                assertEquals(kept.validationAccuracy(), initial[1], 0);
            }
        }
    }
}
