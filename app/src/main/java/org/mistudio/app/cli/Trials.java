package org.mistudio.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.epoch.DroppedEpoch;
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
        EpochingResult r = spectra(classes).apply(read(files));
        requireClasses(r, classes);
        return r;
    }

    static TrialProtocol spectra(Map<String, String> classes) {
        return new TrialProtocol(classes, Double.NaN, Double.NaN, 0, 4, 0, 4);
    }

    /** MNE's CSP example: 7-30 Hz FIR per run, epochs -1..4 s cropped to 1..2 s. */
    static EpochingResult forCsp(List<Path> files, Map<String, String> classes) throws IOException {
        EpochingResult r = csp(classes).apply(read(files));
        requireClasses(r, classes);
        return r;
    }

    static TrialProtocol csp(Map<String, String> classes) {
        TrialProtocol mne = TrialProtocol.mneCspExample(List.of("x"));
        return new TrialProtocol(classes, mne.lFreq(), mne.hFreq(), mne.tmin(), mne.tmax(), mne.cropMin(),
                mne.cropMax());
    }

    /** Trials with the index of the file each came from. */
    record Grouped(EpochingResult cut, int[] file) {
    }

    /**
     * Each file epoched on its own (no joining; trials across runs and subjects stay apart), trials in file
     * order, with the file index of every trial, for group-wise evaluation.
     */
    static Grouped perFile(List<Path> files, TrialProtocol protocol, Map<String, String> classes)
            throws IOException {
        List<float[][]> data = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<DroppedEpoch> dropped = new ArrayList<>();
        List<Integer> file = new ArrayList<>();
        Epochs first = null;
        for (int f = 0; f < files.size(); f++) {
            EpochingResult r;
            try {
                r = protocol.apply(List.of(RecordingFiles.read(files.get(f))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(files.get(f) + ": " + e.getMessage(), e);
            }
            Epochs e = r.epochs();
            if (first == null) {
                first = e;
            } else if (!e.channels().equals(first.channels()) || e.samplingRate() != first.samplingRate()) {
                throw new IllegalArgumentException(files.get(f) + ": channels or sampling rate differ from "
                        + files.get(0) + "; files evaluated together must share the montage");
            }
            for (int t = 0; t < e.trialCount(); t++) {
                data.add(e.data()[t]);
                labels.add(e.labels().get(t));
                file.add(f);
            }
            dropped.addAll(r.dropped());
        }
        EpochingResult all = new EpochingResult(new Epochs(data.toArray(new float[0][][]), labels,
                first.samplingRate(), first.channels(), first.tmin()), dropped);
        requireClasses(all, classes);
        return new Grouped(all, file.stream().mapToInt(Integer::intValue).toArray());
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
