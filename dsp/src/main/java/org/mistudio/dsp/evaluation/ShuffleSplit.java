package org.mistudio.dsp.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Repeated random train/test splits, reproducible from a seed. Like scikit-learn's {@code ShuffleSplit}:
 * {@code nTest = ceil(testSize * n)}, the rest (or {@code floor(trainSize * n)}) for training, drawn from one
 * random permutation per split. Our generator is {@link SplittableRandom} with a Fisher-Yates shuffle, so
 * the splits differ from sklearn's (numpy's Mersenne Twister) even for the same seed. Test and train
 * indices are returned ascending.
 */
public record ShuffleSplit(int nSplits, double testSize, double trainSize, long seed) implements Splitter {

    public ShuffleSplit {
        if (nSplits < 1) {
            throw new IllegalArgumentException("ShuffleSplit: need at least 1 split, got " + nSplits);
        }
        if (!(testSize > 0 && testSize < 1)) {
            throw new IllegalArgumentException("ShuffleSplit: test size must be a fraction in (0, 1), got " + testSize);
        }
        if (!Double.isNaN(trainSize) && !(trainSize > 0 && trainSize + testSize <= 1)) {
            throw new IllegalArgumentException("ShuffleSplit: train size must be in (0, 1 - test size], got "
                    + trainSize);
        }
    }

    /** The complement of the test set is used for training. */
    public ShuffleSplit(int nSplits, double testSize, long seed) {
        this(nSplits, testSize, Double.NaN, seed);
    }

    @Override
    public List<Split> split(int[] y) {
        int n = y.length;
        int nTest = (int) Math.ceil(testSize * n);
        int nTrain = Double.isNaN(trainSize) ? n - nTest : (int) Math.floor(trainSize * n);
        if (nTest < 1 || nTrain < 1 || nTest + nTrain > n) {
            throw new IllegalArgumentException("ShuffleSplit: " + n + " trials cannot give " + nTest + " test and "
                    + nTrain + " training trials");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Split> out = new ArrayList<>(nSplits);
        for (int s = 0; s < nSplits; s++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            int[] test = Arrays.copyOfRange(perm, 0, nTest);
            int[] train = Arrays.copyOfRange(perm, nTest, nTest + nTrain);
            Arrays.sort(test);
            Arrays.sort(train);
            out.add(new Split(train, test));
        }
        return out;
    }
}
