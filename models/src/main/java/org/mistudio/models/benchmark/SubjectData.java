package org.mistudio.models.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.dsp.artifact.faster.Faster;
import org.mistudio.dsp.artifact.faster.FasterConfig;
import org.mistudio.dsp.artifact.faster.FasterResult;
import org.mistudio.dsp.epoch.Concatenation;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.preprocess.Preprocessing;

/**
 * One EEGMMIDB subject's left- versus right-fist imagery trials (runs 4, 8 and 12; PhysioNet's annotation T1 is the
 * left fist, T2 the right fist in these runs), prepared as the comparison paper's pipeline prepares them (Köllőd et al.
 * 2023, defaults of github.com/kolcs/bionic_apps): each run band-passed 1-45 Hz with a zero-phase Butterworth of order
 * 5, then resampled to 128 Hz (the rate the reference Keras kernels assume, EEGModels), joined, and epoched 0-4 s
 * after each cue. A second copy is band-passed 8-30 Hz for CSP+LDA.
 *
 * <p>With FASTER (the paper's artifact handling; {@link FasterConfig#authors()}: |z| > 3, two iterations, average
 * reference), stages 1-4 clean the 1-45 Hz epochs; the epochs stage 2 rejects are dropped from both copies, so every
 * model sees the same trials. EEGMMIDB has no EOG channel, so stage 3 scores components without EOG correlation.
 *
 * @param subject  e.g. "S001"
 * @param networks trials for the networks (trial x channel x sample), 1-45 Hz
 * @param csp      the same trials, 8-30 Hz
 * @param y        0 = left fist (T1), 1 = right fist (T2)
 */
public record SubjectData(String subject, float[][][] networks, float[][][] csp, int[] y) {

    /** Imagined opening and closing of the left or right fist (PhysioNet EEGMMIDB run descriptions). */
    public static final int[] RUNS = {4, 8, 12};
    static final Map<String, String> CLASSES = Map.of("T1", "left", "T2", "right");
    public static final double RATE = 128;
    static final double TMIN = 0;
    static final double TMAX = 4 - 1 / RATE;

    /** One subject's trials; with FASTER on the networks' copy when {@code faster}. */
    public static SubjectData load(Path root, int subject, boolean faster) throws IOException {
        String s = String.format("S%03d", subject);
        List<Recording> wide = new ArrayList<>();
        List<Recording> narrow = new ArrayList<>();
        for (int run : RUNS) {
            Path f = root.resolve(s).resolve(String.format("%sR%02d.edf", s, run));
            if (!Files.isRegularFile(f)) {
                throw new IOException(f + ": missing (EEGMMIDB layout: DIR/S001/S001R04.edf)");
            }
            Recording r = RecordingFiles.read(f).selectType(ChannelType.EEG);
            wide.add(new Preprocessing(Optional.empty(), Optional.empty(), Optional.of(new double[] {1, 45}), 5,
                    Optional.of(RATE)).apply(r));
            narrow.add(new Preprocessing(Optional.empty(), Optional.empty(), Optional.of(new double[] {8, 30}), 5,
                    Optional.of(RATE)).apply(r));
        }
        Epochs a = new Epocher(CLASSES, TMIN, TMAX, null).apply(Concatenation.concatenate(wide), true).epochs();
        Epochs b = new Epocher(CLASSES, TMIN, TMAX, null).apply(Concatenation.concatenate(narrow), true).epochs();
        if (a.trialCount() != b.trialCount() || !a.labels().equals(b.labels())) {
            throw new IllegalStateException(s + ": the two filtered copies gave different trials");
        }
        float[][][] cspTrials = b.data();
        if (faster) {
            FasterResult cleaned = new Faster(FasterConfig.authors(), Montage.standard1005()).run(a);
            int[] kept = cleaned.keptEpochs();
            cspTrials = new float[kept.length][][];
            for (int i = 0; i < kept.length; i++) {
                cspTrials[i] = b.data()[kept[i]];
            }
            a = cleaned.cleaned();
        }
        int[] y = new int[a.trialCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = a.labels().get(i).equals("left") ? 0 : 1;
        }
        return new SubjectData(s, a.data(), cspTrials, y);
    }
}
