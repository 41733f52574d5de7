package org.mistudio.dsp.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stratified k-fold without shuffling, with scikit-learn 1.2's assignment rule
 * ({@code StratifiedKFold._make_test_folds}): classes are numbered in order of first appearance; the
 * per-fold allocation of each class is the count of that class in {@code sorted(y_encoded)[f::k]}
 * (round robin over the sorted labels); then each class's trials, in data order, fill fold 0, 1, ...
 * in blocks of their allocation. Like sklearn it requires k &le; the size of the largest class (a
 * smaller class simply misses some folds).
 */
public record StratifiedKFold(int nSplits) implements Splitter {

    public StratifiedKFold {
        if (nSplits < 2) {
            throw new IllegalArgumentException("StratifiedKFold: need at least 2 splits, got " + nSplits);
        }
    }

    /** String-label convenience. */
    public List<Split> split(List<String> labels) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ids.computeIfAbsent(labels.get(i), s -> ids.size());
        }
        return split(y);
    }

    @Override
    public List<Split> split(int[] y) {
        int n = y.length;
        if (nSplits > n) {
            throw new IllegalArgumentException("StratifiedKFold: " + nSplits + " splits but only " + n + " trials");
        }
        Map<Integer, Integer> appearance = new LinkedHashMap<>();
        int[] enc = new int[n];
        for (int i = 0; i < n; i++) {
            enc[i] = appearance.computeIfAbsent(y[i], v -> appearance.size());
        }
        int k = appearance.size();
        int[] counts = new int[k];
        for (int e : enc) {
            counts[e]++;
        }
        int maxCount = 0;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        if (nSplits > maxCount) {
            throw new IllegalArgumentException("StratifiedKFold: " + nSplits
                    + " splits is more than the trials of every class (largest class: " + maxCount + ")");
        }
        // sorted encoded labels: counts[0] zeros, then counts[1] ones, ...
        int[] sorted = new int[n];
        for (int c = 0, p = 0; c < k; c++) {
            for (int j = 0; j < counts[c]; j++) {
                sorted[p++] = c;
            }
        }
        int[][] allocation = new int[nSplits][k];
        for (int i = 0; i < n; i++) {
            allocation[i % nSplits][sorted[i]]++;
        }
        int[] fold = new int[n];
        for (int c = 0; c < k; c++) {
            List<Integer> folds = new ArrayList<>();
            for (int f = 0; f < nSplits; f++) {
                for (int j = 0; j < allocation[f][c]; j++) {
                    folds.add(f);
                }
            }
            int p = 0;
            for (int i = 0; i < n; i++) {
                if (enc[i] == c) {
                    fold[i] = folds.get(p++);
                }
            }
        }
        return Folds.fromAssignment(fold, nSplits);
    }
}
