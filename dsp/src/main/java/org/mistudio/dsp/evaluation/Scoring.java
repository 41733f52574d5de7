package org.mistudio.dsp.evaluation;

import org.mistudio.dsp.decode.FittedClassifier;

/** What a cross-validation fold is scored by. */
public enum Scoring {
    ACCURACY,
    COHEN_KAPPA,
    /** Two classes only: ROC-AUC of the decision values, {@code classes()[1]} positive (sklearn 'roc_auc'). */
    ROC_AUC;

    <D> double score(FittedClassifier<D> model, D testData, int[] yTest) {
        switch (this) {
            case ACCURACY:
                return Metrics.accuracy(yTest, model.predict(testData));
            case COHEN_KAPPA:
                return Metrics.cohenKappa(yTest, model.predict(testData));
            default:
                int[] classes = model.classes();
                if (classes.length != 2) {
                    throw new IllegalArgumentException("ROC-AUC scoring needs 2 classes, the model has "
                            + classes.length);
                }
                double[][] d = model.decisionFunction(testData);
                double[] s = new double[d.length];
                for (int i = 0; i < d.length; i++) {
                    s[i] = d[i][0];
                }
                return Metrics.rocAuc(yTest, s, classes[1]);
        }
    }
}
