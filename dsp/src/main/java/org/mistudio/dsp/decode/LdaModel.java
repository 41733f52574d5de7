package org.mistudio.dsp.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted LDA: linear scores {@code x . coef[k] + intercept[k]} per class (sklearn's {@code coef_} and
 * {@code intercept_} before its two-class reduction). Immutable: arrays are copied in and out.
 *
 * @param classes    class labels, ascending
 * @param priors     class priors (training frequencies)
 * @param means      class means, {@code [class][feature]}
 * @param coef       {@code [class][feature]}
 * @param intercept  per class
 * @param classNames names of the classes when fitted with string labels, else null
 */
public record LdaModel(int[] classes, double[] priors, double[][] means, double[][] coef, double[] intercept,
                       List<String> classNames) implements FittedClassifier<double[][]> {

    public LdaModel {
        classes = classes.clone();
        priors = priors.clone();
        means = Linalg.copy(means);
        coef = Linalg.copy(coef);
        intercept = intercept.clone();
        classNames = classNames == null ? null : List.copyOf(classNames);
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    @Override
    public double[] priors() {
        return priors.clone();
    }

    @Override
    public double[][] means() {
        return Linalg.copy(means);
    }

    @Override
    public double[][] coef() {
        return Linalg.copy(coef);
    }

    @Override
    public double[] intercept() {
        return intercept.clone();
    }

    public int featureCount() {
        return coef[0].length;
    }

    /** sklearn's {@code coef_}: one row for two classes ({@code coef[1] - coef[0]}), else one per class. */
    public double[][] sklearnCoef() {
        if (classes.length == 2) {
            double[] d = new double[coef[0].length];
            for (int j = 0; j < d.length; j++) {
                d[j] = coef[1][j] - coef[0][j];
            }
            return new double[][] {d};
        }
        return coef();
    }

    /** sklearn's {@code intercept_}: one value for two classes, else one per class. */
    public double[] sklearnIntercept() {
        return classes.length == 2 ? new double[] {intercept[1] - intercept[0]} : intercept();
    }

    /** Per-class linear scores, {@code [trial][class]}. */
    public double[][] scores(double[][] x) {
        int k = classes.length;
        int p = coef[0].length;
        double[][] out = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("LDA: row " + i + " has " + x[i].length
                        + " features, the model was fitted on " + p);
            }
            for (int c = 0; c < k; c++) {
                double s = intercept[c];
                for (int j = 0; j < p; j++) {
                    s += x[i][j] * coef[c][j];
                }
                out[i][c] = s;
            }
        }
        return out;
    }

    @Override
    public double[][] decisionFunction(double[][] x) {
        double[][] s = scores(x);
        if (classes.length != 2) {
            return s;
        }
        double[][] d = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            d[i][0] = s[i][1] - s[i][0];
        }
        return d;
    }

    @Override
    public int[] predict(double[][] x) {
        double[][] s = scores(x);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            if (classes.length == 2) {
                // sklearn: decision > 0 -> classes[1]
                out[i] = classes[s[i][1] - s[i][0] > 0 ? 1 : 0];
            } else {
                int best = 0;
                for (int c = 1; c < s[i].length; c++) {
                    if (s[i][c] > s[i][best]) {
                        best = c;
                    }
                }
                out[i] = classes[best];
            }
        }
        return out;
    }

    /** Predicted class names (only for models fitted with string labels). */
    public List<String> predictNames(double[][] x) {
        if (classNames == null) {
            throw new IllegalStateException("LDA: fitted with integer labels; use predict");
        }
        List<String> out = new ArrayList<>();
        for (int c : predict(x)) {
            out.add(classNames.get(c));
        }
        return out;
    }

    /** Logistic of the decision value for two classes, softmax of the class scores otherwise (as sklearn). */
    @Override
    public double[][] predictProba(double[][] x) {
        double[][] s = scores(x);
        double[][] out = new double[x.length][classes.length];
        for (int i = 0; i < x.length; i++) {
            if (classes.length == 2) {
                double d = s[i][1] - s[i][0];
                double p1 = d >= 0 ? 1.0 / (1.0 + Math.exp(-d)) : Math.exp(d) / (1.0 + Math.exp(d));
                out[i][0] = 1 - p1;
                out[i][1] = p1;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : s[i]) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < s[i].length; c++) {
                    out[i][c] = Math.exp(s[i][c] - max);
                    sum += out[i][c];
                }
                for (int c = 0; c < s[i].length; c++) {
                    out[i][c] /= sum;
                }
            }
        }
        return out;
    }
}
