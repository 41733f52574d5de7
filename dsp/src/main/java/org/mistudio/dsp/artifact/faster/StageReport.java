package org.mistudio.dsp.artifact.faster;

import java.util.List;
import java.util.TreeSet;

/**
 * What one FASTER stage found.
 *
 * @param stage   e.g. {@code bad channels}
 * @param items   the names of the scored items, in order (channel labels, epoch numbers, component numbers)
 * @param metrics every metric's values, z-scores and outliers
 * @param bad     the union of the metrics' outliers, sorted
 */
public record StageReport(String stage, List<String> items, List<MetricResult> metrics, int[] bad) {

    public StageReport {
        items = List.copyOf(items);
        metrics = List.copyOf(metrics);
        bad = bad.clone();
    }

    /** A report whose bad items are the union of the metrics' outliers. */
    public static StageReport of(String stage, List<String> items, List<MetricResult> metrics) {
        TreeSet<Integer> all = new TreeSet<>();
        for (MetricResult m : metrics) {
            for (int b : m.bad()) {
                all.add(b);
            }
        }
        return new StageReport(stage, items, metrics, all.stream().mapToInt(Integer::intValue).toArray());
    }

    public List<String> badItems() {
        return java.util.Arrays.stream(bad).mapToObj(items::get).toList();
    }

    /** The metrics that mark item {@code i}, with their z-scores, e.g. {@code variance z=7.10}. */
    public List<String> reasons(int i) {
        List<String> out = new java.util.ArrayList<>();
        for (MetricResult m : metrics) {
            for (int b : m.bad()) {
                if (b == i) {
                    out.add(String.format(java.util.Locale.ROOT, "%s=%.4g z=%.2f", m.metric(), m.values()[i],
                            m.zScores()[i]));
                }
            }
        }
        return out;
    }
}
