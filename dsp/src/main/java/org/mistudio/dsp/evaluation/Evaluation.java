package org.mistudio.dsp.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.mistudio.dsp.decode.Classifier;
import org.mistudio.dsp.decode.FittedClassifier;

/**
 * Cross-validation with the full report: per-split accuracy (their mean is the headline accuracy, as
 * {@code cross_val_score(...).mean()}), and, over the test predictions of all splits pooled, the confusion matrix,
 * Cohen's kappa, per-class precision/recall/F1, ROC-AUC (two classes, decision values), and the chance level with
 * its binomial threshold (Müller-Putz et al. 2008) for the number of distinct test trials.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** The report. {@code yTrue}, {@code yPred}, {@code scores} are pooled over splits, in split order. */
    public record Report(double[] foldAccuracy, int[] yTrue, int[] yPred, double[] scores, int distinctTestTrials,
                         Metrics.ConfusionMatrix confusion, double kappa, Metrics.ClassReport classes, double rocAuc,
                         double chance, double chanceThreshold) {

        public double accuracy() {
            double s = 0;
            for (double v : foldAccuracy) {
                s += v;
            }
            return s / foldAccuracy.length;
        }

        public double accuracyStd() {
            double m = accuracy();
            double s = 0;
            for (double v : foldAccuracy) {
                s += (v - m) * (v - m);
            }
            return Math.sqrt(s / foldAccuracy.length);
        }

        /** Köllőd et al. 2023's accuracy improvement from chance, as defined in {@link ChanceLevel}. */
        public double improvementFromChance() {
            return ChanceLevel.improvementFromChance(accuracy(), confusion.labels().length);
        }
    }

    /**
     * Told after each split, in split order, with that split's test accuracy: for a progress bar or a live chart.
     * Throwing (e.g. {@link java.util.concurrent.CancellationException}) stops the evaluation.
     */
    @FunctionalInterface
    public interface SplitListener {
        void splitDone(int done, int total, double accuracy);
    }

    public static <D> Report run(Classifier<D> classifier, D data, int[] y, Splitter cv,
                                 BiFunction<D, int[], D> subset, double alpha) {
        return run(classifier, data, y, cv, subset, alpha, (done, total, accuracy) -> { });
    }

    /** As {@link #run(Classifier, Object, int[], Splitter, BiFunction, double)}, telling {@code listener}. */
    public static <D> Report run(Classifier<D> classifier, D data, int[] y, Splitter cv,
                                 BiFunction<D, int[], D> subset, double alpha, SplitListener listener) {
        List<Split> splits = cv.split(y);
        double[] acc = new double[splits.size()];
        List<int[]> trues = new ArrayList<>();
        List<int[]> preds = new ArrayList<>();
        List<double[]> decisions = new ArrayList<>();
        boolean[] tested = new boolean[y.length];
        int[] labels = java.util.Arrays.stream(y).distinct().sorted().toArray();
        for (int f = 0; f < splits.size(); f++) {
            int[] train = splits.get(f).train();
            int[] test = splits.get(f).test();
            int[] yTrain = new int[train.length];
            int[] yTest = new int[test.length];
            for (int i = 0; i < train.length; i++) {
                yTrain[i] = y[train[i]];
            }
            for (int i = 0; i < test.length; i++) {
                yTest[i] = y[test[i]];
                tested[test[i]] = true;
            }
            FittedClassifier<D> model = classifier.fit(subset.apply(data, train), yTrain);
            D testData = subset.apply(data, test);
            int[] p = model.predict(testData);
            acc[f] = Metrics.accuracy(yTest, p);
            trues.add(yTest);
            preds.add(p);
            if (labels.length == 2) {
                double[][] d = model.decisionFunction(testData);
                double[] s = new double[d.length];
                for (int i = 0; i < d.length; i++) {
                    s[i] = d[i][0];
                }
                decisions.add(s);
            }
            listener.splitDone(f + 1, splits.size(), acc[f]);
        }
        int[] yt = concat(trues);
        int[] yp = concat(preds);
        double[] sc = new double[yt.length];
        if (labels.length == 2) {
            int p = 0;
            for (double[] s : decisions) {
                System.arraycopy(s, 0, sc, p, s.length);
                p += s.length;
            }
        }
        int distinct = 0;
        for (boolean b : tested) {
            distinct += b ? 1 : 0;
        }
        double auc = Double.NaN;
        if (labels.length == 2) {
            auc = Metrics.rocAuc(yt, sc, labels[1]);
        }
        return new Report(acc, yt, yp, sc, distinct, Metrics.confusionMatrix(yt, yp, labels),
                Metrics.cohenKappa(yt, yp), Metrics.classReport(yt, yp, labels), auc, ChanceLevel.of(labels.length),
                ChanceLevel.threshold(distinct, labels.length, alpha));
    }

    private static int[] concat(List<int[]> parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int i = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
