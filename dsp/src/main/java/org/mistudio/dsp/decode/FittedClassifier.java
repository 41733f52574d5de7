package org.mistudio.dsp.decode;

/** A fitted, immutable classifier. */
public interface FittedClassifier<D> {

    /** The class labels, ascending. */
    int[] classes();

    /**
     * Decision values as scikit-learn's {@code decision_function}: one column for two classes (positive
     * favours {@code classes()[1]}), otherwise one column per class.
     */
    double[][] decisionFunction(D data);

    /** Predicted labels. */
    int[] predict(D data);

    /** Class probabilities, one column per class. */
    double[][] predictProba(D data);
}
