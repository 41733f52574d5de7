package org.mistudio.app.workspace;

import java.util.List;

/**
 * What cross-validation measured for a training attempt.
 *
 * @param accuracy        mean test accuracy over the splits
 * @param accuracyStd     its standard deviation over the splits
 * @param foldAccuracy    per split
 * @param kappa           Cohen's kappa of the pooled test predictions
 * @param classes         class names in the confusion matrix's order
 * @param confusion       rows true class, columns predicted, pooled over splits
 * @param chanceLevel     1 / classes
 * @param chanceThreshold accuracy above which the result beats chance (binomial, alpha 0.05, Müller-Putz et al.
 *                        2008)
 * @param testTrials      distinct trials tested
 */
public record Scores(double accuracy, double accuracyStd, double[] foldAccuracy, double kappa, List<String> classes,
                     int[][] confusion, double chanceLevel, double chanceThreshold, int testTrials) {

    public Scores {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new FieldException("accuracy", "expected a fraction 0-1, got " + accuracy);
        }
        FieldException.required(foldAccuracy, "foldAccuracy");
        FieldException.required(classes, "classes");
        classes = List.copyOf(classes);
        FieldException.required(confusion, "confusion");
        if (confusion.length != classes.size()) {
            throw new FieldException("confusion", "expected " + classes.size() + " rows (one per class), got "
                    + confusion.length);
        }
        for (int[] row : confusion) {
            if (row == null || row.length != classes.size()) {
                throw new FieldException("confusion", "expected " + classes.size() + " columns in every row");
            }
        }
    }

    /** Whether the accuracy beats the chance threshold. */
    public boolean aboveChance() {
        return accuracy > chanceThreshold;
    }
}
