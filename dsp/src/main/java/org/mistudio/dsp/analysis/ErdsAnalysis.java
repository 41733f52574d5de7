package org.mistudio.dsp.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.spectrum.ErdsMap;
import org.mistudio.dsp.spectrum.ShortTimeSpectra;

/**
 * ERD/ERS time-frequency maps of a recording, one per class (Pfurtscheller &amp; Lopes da Silva 1999): EEG channels
 * epoched around each cue, trial-averaged short-time Hann spectra ({@link ShortTimeSpectra}), power change in
 * percent of the mean of the windows centred in the baseline.
 *
 * @param tmin          epoch start relative to the cue, s (negative: before it)
 * @param tmax          epoch end, s
 * @param baselineStart reference interval start, s
 * @param baselineEnd   reference interval end, s
 * @param window        short-time window, s (its inverse is the frequency resolution)
 * @param step          step between windows, s
 */
public record ErdsAnalysis(double tmin, double tmax, double baselineStart, double baselineEnd, double window,
                           double step) {

    public ErdsAnalysis {
        if (!(tmax > tmin && baselineEnd >= baselineStart && window > 0 && step > 0)) {
            throw new IllegalArgumentException("ERD/ERS: need tmin < tmax, baseline start <= end, window and step > 0;"
                    + " got epoch " + tmin + ".." + tmax + " s, baseline " + baselineStart + ".." + baselineEnd
                    + " s, window " + window + " s, step " + step + " s");
        }
    }

    /**
     * The Graz paradigm (fixation cross 2 s before the cue, 4 s of imagery): epochs -2 to 4.5 s, baseline the
     * fixation period -1.5 to -0.5 s (clear of the previous trial and of the cue's evoked response), 0.5 s windows
     * (2 Hz bins) every 0.1 s.
     */
    public static ErdsAnalysis graz() {
        return new ErdsAnalysis(-2, 4.5, -1.5, -0.5, 0.5, 0.1);
    }

    /** One map per class, in the order of {@code classes}' values; annotation label to class name. */
    public Map<String, ErdsMap> run(Recording recording, Map<String, String> classes) {
        Recording eeg = recording.selectType(ChannelType.EEG);
        Epochs all = new Epocher(classes, tmin, tmax, null).apply(eeg, true).epochs();
        double fs = eeg.samplingRate();
        ShortTimeSpectra stft = ShortTimeSpectra.hann((int) Math.round(window * fs),
                Math.max(1, (int) Math.round(step * fs)));
        Map<String, ErdsMap> out = new LinkedHashMap<>();
        for (String cls : new java.util.LinkedHashSet<>(classes.values())) {
            List<Integer> idx = new java.util.ArrayList<>();
            for (int t = 0; t < all.trialCount(); t++) {
                if (all.labels().get(t).equals(cls)) {
                    idx.add(t);
                }
            }
            if (idx.isEmpty()) {
                throw new IllegalArgumentException("ERD/ERS: no trial of class '" + cls + "' (annotations "
                        + classes.keySet() + ") with " + tmin + ".." + tmax + " s inside the recording");
            }
            float[][][] d = new float[idx.size()][][];
            for (int i = 0; i < d.length; i++) {
                d[i] = all.data()[idx.get(i)];
            }
            Epochs e = new Epochs(d, java.util.Collections.nCopies(d.length, cls), fs, all.channels(), all.tmin());
            out.put(cls, stft.erds(e, baselineStart, baselineEnd));
        }
        return out;
    }
}
