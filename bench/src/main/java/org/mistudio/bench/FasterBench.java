package org.mistudio.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.dsp.artifact.faster.Faster;
import org.mistudio.dsp.artifact.faster.FasterConfig;
import org.mistudio.dsp.artifact.faster.FasterResult;
import org.mistudio.dsp.artifact.faster.IcaMethod;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.preprocess.Preprocessing;

/**
 * FASTER on one EEGMMIDB subject as {@code mistudio faster} runs it: S001 runs 4, 8 and 12 (64 EEG channels at
 * 160 Hz), 0.5-45 Hz zero-phase Butterworth (order 5), T1/T2 epochs 0-4 s pooled (45 epochs), the authors' settings
 * (|z| > 3, two outlier iterations, average reference) with FastICA; stages 1-4 timed in one JVM after warm-up
 * runs, median (min-max) of the timed runs per stage. Stage 5 needs several subjects and is not part of the target.
 * Usage: {@code FasterBench [EEGMMIDB_DIR] [RUNS] [infomax]} (default ../shared/data/eegmmidb, 7 runs after 3
 * warm-ups; with {@code infomax}, stage 3 uses extended Infomax instead, one warm-up).
 */
public final class FasterBench {

    private FasterBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args.length > 0 ? args[0] : "../shared/data/eegmmidb");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        boolean infomax = args.length > 2 && args[2].equals("infomax");
        Preprocessing filter = new Preprocessing(Optional.empty(), Optional.empty(), Optional.of(new double[] {0.5, 45}),
                5, Optional.empty());
        List<float[][]> trials = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Epochs first = null;
        for (String run : new String[] {"S001R04.edf", "S001R08.edf", "S001R12.edf"}) {
            Recording r = filter.apply(RecordingFiles.read(dir.resolve("S001").resolve(run)));
            Epochs e = Epocher.of(List.of("T1", "T2"), 0, 4).apply(r).epochs();
            first = first == null ? e : first;
            trials.addAll(List.of(e.data()));
            labels.addAll(e.labels());
        }
        Epochs all = new Epochs(trials.toArray(new float[0][][]), labels, first.samplingRate(), first.channels(),
                first.tmin());
        FasterConfig config = FasterConfig.authors().withIca(infomax ? IcaMethod.INFOMAX : IcaMethod.FASTICA);
        Faster faster = new Faster(config, Montage.standard1005());
        int warmups = infomax ? 1 : 3;
        for (int i = 0; i < warmups; i++) {
            faster.run(all);
        }
        Map<String, double[]> stages = new LinkedHashMap<>();
        double[] total = new double[runs];
        FasterResult last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = faster.run(all);
            total[i] = (System.nanoTime() - t0) / 1e6;
            for (Map.Entry<String, Long> e : last.millis().entrySet()) {
                stages.computeIfAbsent(e.getKey(), k -> new double[runs])[i] = e.getValue();
            }
        }
        System.out.printf(Locale.ROOT, "FASTER (%s), EEGMMIDB S001 R04+R08+R12: %d epochs x %d channels x %d samples "
                        + "at %.0f Hz; %d runs after %d warm-ups, %d available processors%n",
                config.ica().name().toLowerCase(Locale.ROOT), all.trialCount(), all.channelCount(),
                all.sampleCount(), all.samplingRate(), runs, warmups, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-8s %10s %10s %10s%n", "stage", "median ms", "min ms", "max ms");
        for (Map.Entry<String, double[]> e : stages.entrySet()) {
            row(e.getKey(), e.getValue());
        }
        row("total", total);
        System.out.printf("found: %d bad channels %s, %d of %d epochs removed, %d of %d components subtracted%n",
                last.interpolated().size(), last.interpolated(), all.trialCount() - last.keptEpochs().length,
                all.trialCount(), last.badComponents().get().bad().length, last.badComponents().get().items().size());
    }

    private static void row(String name, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
        System.out.printf(Locale.ROOT, "%-8s %10.0f %10.0f %10.0f%n", name, median, s[0], s[s.length - 1]);
    }
}
