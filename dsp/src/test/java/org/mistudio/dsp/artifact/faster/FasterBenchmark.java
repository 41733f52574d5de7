package org.mistudio.dsp.artifact.faster;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.sim.ArtifactConfig;
import org.mistudio.dsp.epoch.Epocher;

/**
 * Wall time of the whole pipeline, printed, not asserted (run with {@code -Dfaster.bench=true}): the simulator case
 * (22 EEG + 3 EOG, 250 Hz, 40 epochs of 4 s) and EEGMMIDB S001 runs 4, 8, 12 (64 EEG, 160 Hz, T1/T2 epochs 0-4 s).
 */
@EnabledIfSystemProperty(named = "faster.bench", matches = "true")
class FasterBenchmark {

    @Test
    void simulator() {
        Epochs ep = FasterSimulationTest.epochs(FasterSimulationTest.simulate(1,
                new ArtifactConfig(12, 3, 3, Optional.of("P1"), Optional.of("C2"))));
        time("simulator 22ch x " + ep.trialCount(), ep, Montage.standard1005());
    }

    @Test
    void eegmmidb() throws Exception {
        Path shared = Paths.get(System.getProperty("mistudio.shared", "../../shared"));
        List<float[][]> trials = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Epochs first = null;
        for (String run : new String[] {"S001R04.edf", "S001R08.edf", "S001R12.edf"}) {
            Recording r = RecordingFiles.read(shared.resolve("data/eegmmidb/S001").resolve(run));
            Epochs e = Epocher.of(List.of("T1", "T2"), 0, 4).apply(r).epochs();
            first = first == null ? e : first;
            trials.addAll(List.of(e.data()));
            labels.addAll(e.labels());
        }
        Epochs all = new Epochs(trials.toArray(new float[0][][]), labels, first.samplingRate(), first.channels(),
                first.tmin());
        time("EEGMMIDB S001 R04+R08+R12 64ch x " + all.trialCount(), all, Montage.standard1005());
    }

    static void time(String what, Epochs ep, Montage m) {
        for (int rep = 0; rep < 8; rep++) {
            long t0 = System.nanoTime();
            FasterResult r = new Faster(FasterConfig.defaults(), m).run(ep);
            System.out.printf("BENCH %s run %d: %d ms %s%n", what, rep, (System.nanoTime() - t0) / 1_000_000,
                    r.millis());
        }
    }
}
