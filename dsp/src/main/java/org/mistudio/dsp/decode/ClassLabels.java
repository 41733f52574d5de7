package org.mistudio.dsp.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The sorted distinct labels of a target vector and each trial's index into them (as numpy.unique and
 * scikit-learn's {@code classes_}).
 *
 * @param classes  distinct labels, ascending
 * @param encoded  for each trial, the index of its label in {@code classes}
 * @param counts   trials per class
 */
public record ClassLabels(int[] classes, int[] encoded, int[] counts) {

    public ClassLabels {
        classes = classes.clone();
        encoded = encoded.clone();
        counts = counts.clone();
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    @Override
    public int[] encoded() {
        return encoded.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int classCount() {
        return classes.length;
    }

    /** Encodes integer labels. */
    public static ClassLabels of(int[] y) {
        if (y == null || y.length == 0) {
            throw new IllegalArgumentException("labels: need at least one trial");
        }
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        int[] encoded = new int[y.length];
        int[] counts = new int[classes.length];
        for (int i = 0; i < y.length; i++) {
            encoded[i] = Arrays.binarySearch(classes, y[i]);
            counts[encoded[i]]++;
        }
        return new ClassLabels(classes, encoded, counts);
    }

    /**
     * Maps string labels to integers 0..k-1 in sorted (String natural) order, as sklearn's LabelEncoder.
     *
     * @return the integer labels; {@code names} receives the sorted distinct names
     */
    public static int[] encodeNames(List<String> labels, List<String> names) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("labels: need at least one trial");
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(labels));
        names.clear();
        names.addAll(sorted);
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = java.util.Collections.binarySearch(sorted, labels.get(i));
        }
        return y;
    }

    /** Requires at least two classes and at least {@code minPerClass} trials in each. */
    void requireTrainable(String who, int minPerClass) {
        if (classes.length < 2) {
            throw new IllegalArgumentException(who + ": need at least 2 classes, got " + classes.length
                    + " (label " + classes[0] + ")");
        }
        for (int k = 0; k < classes.length; k++) {
            if (counts[k] < minPerClass) {
                throw new IllegalArgumentException(who + ": class " + classes[k] + " has " + counts[k]
                        + " trial(s); need at least " + minPerClass);
            }
        }
    }
}
