package org.mistudio.dsp.online;

import java.util.List;

import org.mistudio.dsp.decode.CspModel;
import org.mistudio.dsp.decode.LdaModel;

/**
 * CSP log-power features of the window into LDA: the same arithmetic as {@code CspLda.Model.predictProba} on one
 * trial, so a window equal to a training epoch gets the offline pipeline's probabilities.
 *
 * @param csp           fitted CSP (its channel count is the model's)
 * @param lda           fitted LDA on the CSP features
 * @param classNames    name of each LDA class, in the LDA's class order
 * @param windowSamples samples per window (the training epochs' length)
 */
public record CspLdaWindowClassifier(CspModel csp, LdaModel lda, List<String> classNames, int windowSamples)
        implements WindowClassifier {

    public CspLdaWindowClassifier {
        classNames = List.copyOf(classNames);
        if (classNames.size() != lda.classes().length) {
            throw new IllegalArgumentException("CSP+LDA window classifier: " + classNames.size() + " class names for "
                    + lda.classes().length + " LDA classes");
        }
        if (lda.featureCount() != csp.config().nComponents()) {
            throw new IllegalArgumentException("CSP+LDA window classifier: LDA has " + lda.featureCount()
                    + " features, CSP gives " + csp.config().nComponents());
        }
        if (windowSamples < 2) {
            throw new IllegalArgumentException("CSP+LDA window classifier: need at least 2 samples per window, got "
                    + windowSamples);
        }
    }

    @Override
    public int channelCount() {
        return csp.channelCount();
    }

    @Override
    public double[] predictProba(float[][] window) {
        checkWindow(window);
        return lda.predictProba(csp.transform(new float[][][] {window}))[0];
    }
}
