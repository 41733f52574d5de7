package org.mistudio.dsp.artifact.faster;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric of one FASTER stage over its items (channels, epochs, components).
 *
 * @param metric    the metric's name, e.g. {@code variance}
 * @param values    the metric per item (after any reference-distance correction)
 * @param zScores   the z-score per item that the rule used
 * @param threshold |z| above which an item is bad
 * @param bad       the indices of the items this metric marks bad
 */
public record MetricResult(String metric, double[] values, double[] zScores, double threshold, int[] bad) {

    public MetricResult {
        values = values.clone();
        zScores = zScores.clone();
        bad = bad.clone();
    }

    /** Scores {@code values} with the outlier rule. */
    public static MetricResult score(String metric, double[] values, double threshold, int maxIterations) {
        Outliers.Result r = Outliers.find(values, threshold, maxIterations);
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (r.bad()[i]) {
                bad.add(i);
            }
        }
        return new MetricResult(metric, values, r.zScores(), threshold,
                bad.stream().mapToInt(Integer::intValue).toArray());
    }
}
