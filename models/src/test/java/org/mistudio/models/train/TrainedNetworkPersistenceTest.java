package org.mistudio.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.mistudio.models.net.Networks;

/** Saved parameters give back the same predictions; parameters of another architecture are refused. */
class TrainedNetworkPersistenceTest {

    @Test
    void savedParametersPredictTheSame() throws IOException {
        SimulatedData data = SimulatedData.of(12, 3, new double[] {4, 40});
        TrainingSettings s = TrainingSettings.defaults().withEpochs(2).withBatchSize(8).withPatience(0).withSeed(5);
        try (TrainedNetwork trained = EegTrainer.fit(Networks.create("eegnet", 22, 256, 2), data.x, data.y, s,
                ProgressListener.none())) {
            float[][] before = trained.predictProbabilities(data.x);
            byte[] bytes = trained.parameterBytes();
            try (TrainedNetwork loaded = TrainedNetwork.load(Networks.create("eegnet", 22, 256, 2), trained.scaler(),
                    bytes)) {
                float[][] after = loaded.predictProbabilities(data.x);
                for (int i = 0; i < before.length; i++) {
                    assertArrayEquals(before[i], after[i], 0f, "trial " + i);
                }
            }
            // A freshly initialised network predicts differently: the loaded parameters were really used.
            try (TrainedNetwork other = EegTrainer.fit(Networks.create("eegnet", 22, 256, 2), data.x, data.y,
                    s.withEpochs(1).withSeed(99), ProgressListener.none())) {
                float[][] p = other.predictProbabilities(data.x);
                boolean differs = false;
                for (int i = 0; i < p.length; i++) {
                    differs |= Math.abs(p[i][0] - before[i][0]) > 1e-4;
                }
                assertTrue(differs);
            }
            IOException e = assertThrows(IOException.class, () -> TrainedNetwork.load(
                    Networks.create("shallow", 22, 256, 2), trained.scaler(), bytes));
            assertTrue(e.getMessage().startsWith("Shallow ConvNet parameters:"), e.getMessage());
        }
    }
}
