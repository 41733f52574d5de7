package org.mistudio.dsp.features;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.dsp.decode.Classifier;
import org.mistudio.dsp.decode.FittedClassifier;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.decode.LdaModel;
import org.mistudio.dsp.evaluation.CrossValidation;
import org.mistudio.dsp.evaluation.Scoring;
import org.mistudio.dsp.evaluation.Splitter;

/**
 * Feature selection as HappyFeat offers it (Desbois et al. 2023): manual channel-frequency features, the top N by
 * |r²|, and combination training (the best 1, 2, ... N features, each cross-validated).
 */
public final class FeatureSelection {

    private FeatureSelection() {
    }

    /** One step of combination training. */
    public record Combination(List<Feature> features, double accuracy, double std) {
        public Combination {
            features = List.copyOf(features);
        }
    }

    /** Indices of the bins in [low, high] Hz; fails naming the available range when there are none. */
    static int[] binsIn(double[] f, double low, double high) {
        List<Integer> k = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            if (f[i] >= low - 1e-9 && f[i] <= high + 1e-9) {
                k.add(i);
            }
        }
        if (k.isEmpty()) {
            double res = f.length > 1 ? f[1] - f[0] : 0;
            throw new IllegalArgumentException("no frequency bin in " + (low == high ? low + " Hz" : low + "-" + high
                    + " Hz") + "; bins run from " + f[0] + " to " + f[f.length - 1] + " Hz in steps of " + res + " Hz");
        }
        return k.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Checks every feature against the tensor's channels and frequencies (clear error otherwise). */
    public static void validate(FeatureTensor tensor, List<Feature> features) {
        for (Feature f : features) {
            tensor.channelIndex(f.channel());
            binsIn(tensor.frequencies(), f.low(), f.high());
        }
    }

    /** {@code [trial][feature]}: each feature's value (band: mean over its bins). */
    public static double[][] matrix(FeatureTensor tensor, List<Feature> features) {
        int nf = features.size();
        int[] ch = new int[nf];
        int[][] bins = new int[nf][];
        double[] f = tensor.frequencies();
        for (int j = 0; j < nf; j++) {
            ch[j] = tensor.channelIndex(features.get(j).channel());
            bins[j] = binsIn(f, features.get(j).low(), features.get(j).high());
        }
        double[][][] v = tensor.values();
        double[][] x = new double[v.length][nf];
        for (int t = 0; t < v.length; t++) {
            for (int j = 0; j < nf; j++) {
                double s = 0;
                for (int k : bins[j]) {
                    s += v[t][ch[j]][k];
                }
                x[t][j] = s / bins[j].length;
            }
        }
        return x;
    }

    /** The top-N cells of an r² map as single-bin features. */
    public static List<Feature> top(R2Map map, int n, List<String> channels, double fmin, double fmax) {
        List<Feature> out = new ArrayList<>();
        for (R2Map.Cell c : map.top(n, channels, fmin, fmax)) {
            out.add(new Feature(c.channel(), c.frequency(), c.frequency()));
        }
        return out;
    }

    /**
     * Combination training: for k = 1 .. N, cross-validates {@code lda} on the first k of {@code ranked}. As in
     * HappyFeat the ranking comes from all trials, so these accuracies are optimistic; {@link Selected} with
     * {@code auto} ranks inside each training fold instead.
     */
    public static List<Combination> combinations(FeatureTensor tensor, List<Feature> ranked, int[] y, Lda lda,
                                                 Splitter cv) {
        validate(tensor, ranked);
        List<Combination> out = new ArrayList<>();
        for (int k = 1; k <= ranked.size(); k++) {
            List<Feature> use = ranked.subList(0, k);
            CrossValidation.Result r = CrossValidation.score(lda, matrix(tensor, use), y, cv, Scoring.ACCURACY);
            out.add(new Combination(use, r.mean(), r.std()));
        }
        return out;
    }

    /**
     * LDA on selected features of a {@link FeatureTensor}: the given features, or (when {@code features} is empty)
     * the {@code auto} cells of largest |r²| computed on the training trials only, restricted to
     * {@code [fmin, fmax]} Hz. Trials' integer labels {@code y} pick the classes; r² is signed towards the larger
     * label.
     */
    public record Selected(List<Feature> features, int auto, double fmin, double fmax, Lda lda)
            implements Classifier<FeatureTensor> {

        public Selected {
            features = List.copyOf(features);
            if (features.isEmpty() && auto < 1) {
                throw new IllegalArgumentException("feature selection: give features or an automatic count >= 1");
            }
        }

        @Override
        public Model fit(FeatureTensor data, int[] y) {
            List<Feature> use = features;
            if (use.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (int v : y) {
                    names.add(Integer.toString(v));
                }
                FeatureTensor relabelled = new FeatureTensor(data.quantity(), names, data.channels(),
                        data.frequencies(), data.values());
                int[] classes = java.util.Arrays.stream(y).distinct().sorted().toArray();
                if (classes.length != 2) {
                    throw new IllegalArgumentException("automatic feature selection needs 2 classes, got "
                            + classes.length);
                }
                R2Map map = R2Map.of(relabelled, Integer.toString(classes[0]), Integer.toString(classes[1]));
                use = top(map, auto, null, fmin, fmax);
            }
            return new Model(use, lda.fit(matrix(data, use), y));
        }

        /** The fitted selection and LDA. */
        public record Model(List<Feature> features, LdaModel lda) implements FittedClassifier<FeatureTensor> {
            public Model {
                features = List.copyOf(features);
            }

            @Override
            public int[] classes() {
                return lda.classes();
            }

            @Override
            public double[][] decisionFunction(FeatureTensor data) {
                return lda.decisionFunction(matrix(data, features));
            }

            @Override
            public int[] predict(FeatureTensor data) {
                return lda.predict(matrix(data, features));
            }

            @Override
            public double[][] predictProba(FeatureTensor data) {
                return lda.predictProba(matrix(data, features));
            }
        }
    }
}
