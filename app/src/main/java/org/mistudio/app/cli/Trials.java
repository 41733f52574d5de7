package org.mistudio.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.epoch.EpochingResult;
import org.mistudio.dsp.epoch.TrialProtocol;

/** Shared by r2map and classify: runs read in order, joined as MNE's concatenate_raws, epoched per class. */
final class Trials {

    private Trials() {
    }

    static List<Recording> read(List<Path> files) throws IOException {
        List<Recording> runs = new ArrayList<>();
        for (Path f : files) {
            runs.add(RecordingFiles.read(f));
        }
        return runs;
    }

    /** Unfiltered epochs 0-4 s after each cue (HappyFeat's epoch of interest, 1-4 s, lies inside). */
    static EpochingResult forSpectra(List<Path> files, Map<String, String> classes) throws IOException {
        EpochingResult r = new TrialProtocol(classes, Double.NaN, Double.NaN, 0, 4, 0, 4).apply(read(files));
        requireClasses(r, classes);
        return r;
    }

    /** MNE's CSP example: 7-30 Hz FIR per run, epochs -1..4 s cropped to 1..2 s. */
    static EpochingResult forCsp(List<Path> files, Map<String, String> classes) throws IOException {
        TrialProtocol mne = TrialProtocol.mneCspExample(List.of("x"));
        EpochingResult r = new TrialProtocol(classes, mne.lFreq(), mne.hFreq(), mne.tmin(), mne.tmax(), mne.cropMin(),
                mne.cropMax()).apply(read(files));
        requireClasses(r, classes);
        return r;
    }

    private static void requireClasses(EpochingResult r, Map<String, String> classes) {
        for (String c : new java.util.LinkedHashSet<>(classes.values())) {
            if (!r.epochs().labels().contains(c)) {
                throw new IllegalArgumentException("no trial of class '" + c + "' (annotations " + classes.keySet()
                        + ")");
            }
        }
        if (r.epochs().classes().size() < 2) {
            throw new IllegalArgumentException("--classes: need at least 2 classes, got " + r.epochs().classes());
        }
    }
}
