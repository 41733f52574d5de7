package org.mistudio.dsp.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Contiguous k-fold without shuffling, as scikit-learn's {@code KFold(n_splits)}: fold sizes n / k, the
 * first n % k folds one larger; train indices ascending.
 */
public record KFold(int nSplits) implements Splitter {

    public KFold {
        if (nSplits < 2) {
            throw new IllegalArgumentException("KFold: need at least 2 splits, got " + nSplits);
        }
    }

    @Override
    public List<Split> split(int[] y) {
        int n = y.length;
        if (nSplits > n) {
            throw new IllegalArgumentException("KFold: " + nSplits + " splits but only " + n + " trials");
        }
        int[] fold = new int[n];
        int start = 0;
        for (int f = 0; f < nSplits; f++) {
            int size = n / nSplits + (f < n % nSplits ? 1 : 0);
            for (int i = start; i < start + size; i++) {
                fold[i] = f;
            }
            start += size;
        }
        return Folds.fromAssignment(fold, nSplits);
    }
}
