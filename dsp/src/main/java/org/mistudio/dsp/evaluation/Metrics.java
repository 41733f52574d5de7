package org.mistudio.dsp.evaluation;

import java.util.Arrays;

/** Classification metrics, matching scikit-learn 1.2's definitions. */
public final class Metrics {

    private Metrics() {
    }

    /** Confusion counts (rows: true label, columns: predicted label, both in {@code labels} order). */
    public record ConfusionMatrix(int[] labels, int[][] counts) {
        public ConfusionMatrix {
            labels = labels.clone();
            int[][] c = new int[counts.length][];
            for (int i = 0; i < counts.length; i++) {
                c[i] = counts[i].clone();
            }
            counts = c;
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        @Override
        public int[][] counts() {
            int[][] c = new int[counts.length][];
            for (int i = 0; i < counts.length; i++) {
                c[i] = counts[i].clone();
            }
            return c;
        }

        public int total() {
            int t = 0;
            for (int[] row : counts) {
                for (int v : row) {
                    t += v;
                }
            }
            return t;
        }
    }

    /**
     * Per-class precision, recall, F1 and support ({@code precision_recall_fscore_support(average=None)},
     * undefined ratios set to 0 as with zero_division=0).
     */
    public record ClassReport(int[] labels, double[] precision, double[] recall, double[] f1, int[] support) {
        public ClassReport {
            labels = labels.clone();
            precision = precision.clone();
            recall = recall.clone();
            f1 = f1.clone();
            support = support.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        @Override
        public double[] precision() {
            return precision.clone();
        }

        @Override
        public double[] recall() {
            return recall.clone();
        }

        @Override
        public double[] f1() {
            return f1.clone();
        }

        @Override
        public int[] support() {
            return support.clone();
        }
    }

    private static void checkPair(int[] yTrue, int[] yPred) {
        if (yTrue == null || yPred == null || yTrue.length != yPred.length) {
            throw new IllegalArgumentException("metrics: " + (yTrue == null ? 0 : yTrue.length) + " true labels but "
                    + (yPred == null ? 0 : yPred.length) + " predictions");
        }
        if (yTrue.length == 0) {
            throw new IllegalArgumentException("metrics: no trials");
        }
    }

    /** Fraction of correct predictions. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        checkPair(yTrue, yPred);
        int ok = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == yPred[i]) {
                ok++;
            }
        }
        return (double) ok / yTrue.length;
    }

    /** Labels of both vectors, sorted. */
    public static int[] labelsOf(int[] yTrue, int[] yPred) {
        return java.util.stream.IntStream.concat(Arrays.stream(yTrue), Arrays.stream(yPred)).distinct().sorted()
                .toArray();
    }

    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred) {
        return confusionMatrix(yTrue, yPred, labelsOf(yTrue, yPred));
    }

    /** Confusion matrix over the given labels; trials whose labels are not listed are ignored (as sklearn). */
    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred, int[] labels) {
        checkPair(yTrue, yPred);
        int k = labels.length;
        int[][] counts = new int[k][k];
        for (int i = 0; i < yTrue.length; i++) {
            int a = indexOf(labels, yTrue[i]);
            int b = indexOf(labels, yPred[i]);
            if (a >= 0 && b >= 0) {
                counts[a][b]++;
            }
        }
        return new ConfusionMatrix(labels, counts);
    }

    private static int indexOf(int[] labels, int v) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Cohen's kappa (Cohen 1960): {@code (p_o - p_e) / (1 - p_e)} with {@code p_e} from the marginals of
     * the confusion matrix (sklearn {@code cohen_kappa_score}, unweighted).
     */
    public static double cohenKappa(int[] yTrue, int[] yPred) {
        int[][] c = confusionMatrix(yTrue, yPred).counts();
        int k = c.length;
        double n = yTrue.length;
        double po = 0;
        double pe = 0;
        for (int i = 0; i < k; i++) {
            po += c[i][i];
            double row = 0;
            double col = 0;
            for (int j = 0; j < k; j++) {
                row += c[i][j];
                col += c[j][i];
            }
            pe += row * col;
        }
        po /= n;
        pe /= n * n;
        return (po - pe) / (1 - pe);
    }

    public static ClassReport classReport(int[] yTrue, int[] yPred) {
        return classReport(yTrue, yPred, labelsOf(yTrue, yPred));
    }

    public static ClassReport classReport(int[] yTrue, int[] yPred, int[] labels) {
        int[][] c = confusionMatrix(yTrue, yPred, labels).counts();
        int k = labels.length;
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        int[] support = new int[k];
        for (int i = 0; i < k; i++) {
            int tp = c[i][i];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < k; j++) {
                predicted += c[j][i];
                actual += c[i][j];
            }
            support[i] = actual;
            precision[i] = predicted == 0 ? 0 : (double) tp / predicted;
            recall[i] = actual == 0 ? 0 : (double) tp / actual;
            f1[i] = precision[i] + recall[i] == 0 ? 0 : 2 * precision[i] * recall[i] / (precision[i] + recall[i]);
        }
        return new ClassReport(labels, precision, recall, f1, support);
    }

    /**
     * Area under the ROC curve for two classes in its Mann-Whitney form (Hanley &amp; McNeil 1982): the
     * probability that a random positive trial scores higher than a random negative one, ties counting
     * one half. Equals sklearn's {@code roc_auc_score} (trapezoidal ROC area).
     *
     * @param positive the label of the positive class; every other label is negative
     */
    public static double rocAuc(int[] yTrue, double[] scores, int positive) {
        if (yTrue == null || scores == null || yTrue.length != scores.length) {
            throw new IllegalArgumentException("ROC-AUC: " + (yTrue == null ? 0 : yTrue.length) + " labels but "
                    + (scores == null ? 0 : scores.length) + " scores");
        }
        int n = yTrue.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        // mid-ranks (ties share their average rank), then U = R_pos - n_pos (n_pos + 1) / 2
        double rankSumPos = 0;
        int nPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (yTrue[order[t]] == positive) {
                    rankSumPos += midRank;
                    nPos++;
                }
            }
            i = j + 1;
        }
        int nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            throw new IllegalArgumentException("ROC-AUC: needs both positive (" + nPos + ") and negative (" + nNeg
                    + ") trials");
        }
        double u = rankSumPos - nPos * (nPos + 1) / 2.0;
        return u / ((double) nPos * nNeg);
    }
}
