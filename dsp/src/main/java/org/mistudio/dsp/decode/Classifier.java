package org.mistudio.dsp.decode;

/**
 * An unfitted classifier: a configuration that fits to data. {@code D} is the data type: {@code double[][]}
 * (trials x features) or {@code float[][][]} (trials x channels x samples).
 */
@FunctionalInterface
public interface Classifier<D> {

    /** Fits to {@code data} with one integer label per trial; never modifies its inputs. */
    FittedClassifier<D> fit(D data, int[] y);
}
