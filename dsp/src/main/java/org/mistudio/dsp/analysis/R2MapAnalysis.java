package org.mistudio.dsp.analysis;

import java.util.List;

import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.dsp.features.R2Map;

/**
 * The signed R² map of a recording between its first two classes, from HappyFeat's default PSD features (3 s from
 * 1 s after the cue, 0.25 s Welch windows every 0.161 s, 1 Hz bins, 1-40 Hz): what the workbench's R² view shows.
 */
public final class R2MapAnalysis {

    private R2MapAnalysis() {
    }

    public static R2Map run(Recording recording, AnalysisSettings settings) {
        List<String> classes = settings.classNames();
        if (classes.size() < 2) {
            throw new IllegalArgumentException("an R² map needs two classes, got " + classes);
        }
        PsdFeatures psd = PsdFeatures.happyFeat(PsdFeatures.Method.WELCH);
        Recording eeg = recording.selectType(ChannelType.EEG);
        // Epochs from the cue to the end of the epoch of interest.
        Epochs epochs = new Epocher(settings.classes(), 0, psd.start() + psd.length(), null).apply(eeg).epochs();
        FeatureTensor features = psd.extract(epochs);
        return R2Map.of(features, classes.get(0), classes.get(1));
    }
}
