package org.mistudio.dsp.online;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.decode.LdaModel;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;

/**
 * HappyFeat-style PSD features of the window (short Hann windows averaged, {@link PsdFeatures}) at the selected
 * channel;frequency cells, into LDA. Only the channels the features use are transformed. The PSD settings'
 * epoch of interest is the whole window: {@code start} 0 and {@code length} = window / rate.
 *
 * @param channels      the model's channel labels, in order (a window has one row per label)
 * @param samplingRate  Hz
 * @param windowSamples samples per window
 * @param psd           PSD settings (short window, shift, resolution, method, range); start/length are replaced
 * @param features      the selected features
 * @param lda           LDA fitted on the features' values
 * @param classNames    name of each LDA class, in the LDA's class order
 */
public record PsdLdaWindowClassifier(List<String> channels, double samplingRate, int windowSamples, PsdFeatures psd,
                                     List<Feature> features, LdaModel lda, List<String> classNames)
        implements WindowClassifier {

    public PsdLdaWindowClassifier {
        channels = List.copyOf(channels);
        features = List.copyOf(features);
        classNames = List.copyOf(classNames);
        psd = psd.withEpoch(0, windowSamples / samplingRate);
        if (features.isEmpty() || lda.featureCount() != features.size()) {
            throw new IllegalArgumentException("PSD+LDA window classifier: " + features.size() + " features but the "
                    + "LDA was fitted on " + lda.featureCount());
        }
        if (classNames.size() != lda.classes().length) {
            throw new IllegalArgumentException("PSD+LDA window classifier: " + classNames.size() + " class names for "
                    + lda.classes().length + " LDA classes");
        }
        for (Feature f : features) {
            if (indexIn(channels, f.channel()) < 0) {
                throw new IllegalArgumentException("PSD+LDA window classifier: feature " + f + " names a channel that "
                        + "is not among the model's " + channels);
            }
        }
    }

    private static int indexIn(List<String> labels, String label) {
        String want = Recording.normalizeLabel(label);
        for (int c = 0; c < labels.size(); c++) {
            if (Recording.normalizeLabel(labels.get(c)).equals(want)) {
                return c;
            }
        }
        return -1;
    }

    @Override
    public int channelCount() {
        return channels.size();
    }

    @Override
    public double[] predictProba(float[][] window) {
        checkWindow(window);
        LinkedHashSet<Integer> used = new LinkedHashSet<>();
        for (Feature f : features) {
            used.add(indexIn(channels, f.channel()));
        }
        float[][] rows = new float[used.size()][];
        List<ChannelInfo> infos = new ArrayList<>();
        int r = 0;
        for (int c : used) {
            rows[r++] = window[c];
            infos.add(new ChannelInfo(channels.get(c), ChannelType.EEG, "", samplingRate));
        }
        Epochs one = new Epochs(new float[][][] {rows}, List.of("?"), samplingRate, infos, 0);
        FeatureTensor t = psd.extract(one);
        return lda.predictProba(FeatureSelection.matrix(t, features))[0];
    }
}
