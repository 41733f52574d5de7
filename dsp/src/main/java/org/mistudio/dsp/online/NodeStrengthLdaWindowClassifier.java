package org.mistudio.dsp.online;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.decode.LdaModel;
import org.mistudio.dsp.features.ConnectivityFeatures;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;

/**
 * HappyFeat-style connectivity features of the window: node strength of coherence or |imaginary coherence| over all
 * the model's channels ({@link ConnectivityFeatures}: Welch cross-spectra of {@code segment}-second Hann segments),
 * at the selected channel;frequency cells, into LDA. The connectivity settings' epoch of interest is the whole
 * window: {@code start} 0 and {@code length} = window / rate.
 *
 * @param channels      the model's channel labels, in order (a window has one row per label; all enter the node
 *                      strength)
 * @param samplingRate  Hz
 * @param windowSamples samples per window
 * @param connectivity  measure, segment and band; start/length are replaced by the window
 * @param features      the selected features
 * @param lda           LDA fitted on the features' values
 * @param classNames    name of each LDA class, in the LDA's class order
 */
public record NodeStrengthLdaWindowClassifier(List<String> channels, double samplingRate, int windowSamples,
                                              ConnectivityFeatures connectivity, List<Feature> features, LdaModel lda,
                                              List<String> classNames) implements WindowClassifier {

    public NodeStrengthLdaWindowClassifier {
        channels = List.copyOf(channels);
        features = List.copyOf(features);
        classNames = List.copyOf(classNames);
        double length = windowSamples / samplingRate;
        connectivity = new ConnectivityFeatures(connectivity.imaginary(), 0, length,
                Math.min(connectivity.segment(), length), connectivity.fmin(), connectivity.fmax());
        if (channels.size() < 2) {
            throw new IllegalArgumentException("node-strength window classifier: node strength needs at least 2 "
                    + "channels, got " + channels);
        }
        if (features.isEmpty() || lda.featureCount() != features.size()) {
            throw new IllegalArgumentException("node-strength window classifier: " + features.size() + " features "
                    + "but the LDA was fitted on " + lda.featureCount());
        }
        if (classNames.size() != lda.classes().length) {
            throw new IllegalArgumentException("node-strength window classifier: " + classNames.size() + " class "
                    + "names for " + lda.classes().length + " LDA classes");
        }
        for (Feature f : features) {
            String want = Recording.normalizeLabel(f.channel());
            if (channels.stream().noneMatch(c -> Recording.normalizeLabel(c).equals(want))) {
                throw new IllegalArgumentException("node-strength window classifier: feature " + f + " names a "
                        + "channel that is not among the model's " + channels);
            }
        }
    }

    @Override
    public int channelCount() {
        return channels.size();
    }

    /** The selected features' values for one window, in {@link #features()} order. */
    public double[] features(float[][] window) {
        checkWindow(window);
        List<ChannelInfo> infos = new ArrayList<>();
        for (String c : channels) {
            infos.add(new ChannelInfo(c, ChannelType.EEG, "", samplingRate));
        }
        Epochs one = new Epochs(new float[][][] {window}, List.of("?"), samplingRate, infos, 0);
        FeatureTensor t = connectivity.extract(one);
        return FeatureSelection.matrix(t, features)[0];
    }

    @Override
    public double[] predictProba(float[][] window) {
        return lda.predictProba(new double[][] {features(window)})[0];
    }
}
