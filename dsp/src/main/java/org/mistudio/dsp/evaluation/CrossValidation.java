package org.mistudio.dsp.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.mistudio.dsp.decode.Classifier;
import org.mistudio.dsp.decode.FittedClassifier;

/** A {@code cross_val_score}-like runner: fit on each split's training trials, score on its test trials. */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Per-fold scores with their splits. */
    public record Result(double[] scores, List<Split> splits, Scoring scoring) {
        public Result {
            scores = scores.clone();
            splits = List.copyOf(splits);
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }

        public double mean() {
            double s = 0;
            for (double v : scores) {
                s += v;
            }
            return s / scores.length;
        }

        /** Population standard deviation (ddof 0, as numpy's default). */
        public double std() {
            double m = mean();
            double s = 0;
            for (double v : scores) {
                s += (v - m) * (v - m);
            }
            return Math.sqrt(s / scores.length);
        }
    }

    /** Cross-validates on feature vectors {@code x[trial][feature]}. */
    public static Result score(Classifier<double[][]> classifier, double[][] x, int[] y, Splitter cv,
                               Scoring scoring) {
        return score(classifier, x, y, cv, scoring, (d, idx) -> {
            double[][] s = new double[idx.length][];
            for (int i = 0; i < idx.length; i++) {
                s[i] = d[idx[i]];
            }
            return s;
        });
    }

    /** Cross-validates on epochs {@code x[trial][channel][sample]}. */
    public static Result score(Classifier<float[][][]> classifier, float[][][] x, int[] y, Splitter cv,
                               Scoring scoring) {
        return score(classifier, x, y, cv, scoring, (d, idx) -> {
            float[][][] s = new float[idx.length][][];
            for (int i = 0; i < idx.length; i++) {
                s[i] = d[idx[i]];
            }
            return s;
        });
    }

    /** General form: {@code subset} selects trials of {@code data} (in the given index order). */
    public static <D> Result score(Classifier<D> classifier, D data, int[] y, Splitter cv, Scoring scoring,
                                   BiFunction<D, int[], D> subset) {
        List<Split> splits = cv.split(y);
        double[] scores = new double[splits.size()];
        List<Split> used = new ArrayList<>();
        for (int f = 0; f < splits.size(); f++) {
            Split s = splits.get(f);
            int[] train = s.train();
            int[] test = s.test();
            int[] yTrain = new int[train.length];
            int[] yTest = new int[test.length];
            for (int i = 0; i < train.length; i++) {
                if (train[i] < 0 || train[i] >= y.length) {
                    throw new IllegalArgumentException("cross-validation: split " + f + " has index " + train[i]
                            + " outside 0.." + (y.length - 1));
                }
                yTrain[i] = y[train[i]];
            }
            for (int i = 0; i < test.length; i++) {
                if (test[i] < 0 || test[i] >= y.length) {
                    throw new IllegalArgumentException("cross-validation: split " + f + " has index " + test[i]
                            + " outside 0.." + (y.length - 1));
                }
                yTest[i] = y[test[i]];
            }
            FittedClassifier<D> model = classifier.fit(subset.apply(data, train), yTrain);
            scores[f] = scoring.score(model, subset.apply(data, test), yTest);
            used.add(s);
        }
        return new Result(scores, used, scoring);
    }
}
