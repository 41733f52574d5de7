package org.mistudio.models.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The paper's table from finished units. A subject's accuracy pools its folds (correct / tested). The paper's two
 * extra metrics, as we read them (Köllőd et al. 2023, section 2.6): accuracy improvement from chance level = mean
 * accuracy minus the chance level (50 % for two balanced classes), in percentage points; effect of transfer learning
 * = transfer-learning accuracy minus within-subject accuracy, in percentage points, averaged over the subjects that
 * both protocols have finished.
 *
 * @param model              network or "csp-lda"
 * @param protocol           "within" or "transfer"
 * @param subjectAccuracy    subject -> pooled accuracy over its finished folds
 * @param foldsDone          finished folds over all subjects
 * @param mean               mean of the subjects' accuracies
 * @param sd                 their standard deviation (n - 1)
 * @param improvementPp      mean - 50, percentage points
 * @param transferEffectPp   transfer minus within for this model, over the subjects both have (NaN for within rows
 *                           or when no subject has both)
 * @param meanKappa          mean of the folds' kappa
 * @param secondsPerFold     mean training time per fold
 * @param pAboveChance       one-sided one-sample t-test of the subjects' accuracies against 50 % (NaN with fewer than
 *                           two subjects or no spread): is the mean above chance beyond subject-to-subject variation?
 * @param pTransfer          two-sided paired t-test of transfer against within-subject accuracy over the subjects
 *                           both have (NaN for within rows or fewer than two such subjects)
 */
public record BenchSummary(String model, String protocol, Map<String, Double> subjectAccuracy, int foldsDone,
                           double mean, double sd, double improvementPp, double transferEffectPp, double meanKappa,
                           double secondsPerFold, double pAboveChance, double pTransfer) {

    public static final double CHANCE = 0.5;

    public static List<BenchSummary> of(List<BenchResult> results, List<String> modelOrder) {
        Map<String, List<BenchResult>> groups = new LinkedHashMap<>();
        for (String protocol : List.of("within", "transfer")) {
            for (String m : modelOrder) {
                for (BenchResult r : results) {
                    if (r.model().equals(m) && r.protocol().equals(protocol)) {
                        groups.computeIfAbsent(m + "/" + protocol, k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        List<BenchSummary> rows = new ArrayList<>();
        for (Map.Entry<String, List<BenchResult>> g : groups.entrySet()) {
            List<BenchResult> rs = g.getValue();
            Map<String, int[]> per = new TreeMap<>();
            double kappa = 0;
            double secs = 0;
            for (BenchResult r : rs) {
                int[] c = per.computeIfAbsent(r.subject(), k -> new int[2]);
                c[0] += r.correct();
                c[1] += r.tested();
                kappa += r.kappa();
                secs += r.seconds();
            }
            Map<String, Double> acc = new LinkedHashMap<>();
            double sum = 0;
            for (Map.Entry<String, int[]> e : per.entrySet()) {
                double a = e.getValue()[0] / (double) e.getValue()[1];
                acc.put(e.getKey(), a);
                sum += a;
            }
            double mean = sum / acc.size();
            double ss = 0;
            for (double a : acc.values()) {
                ss += (a - mean) * (a - mean);
            }
            double sd = acc.size() > 1 ? Math.sqrt(ss / (acc.size() - 1)) : Double.NaN;
            rows.add(new BenchSummary(rs.get(0).model(), rs.get(0).protocol(), acc, rs.size(), mean, sd,
                    100 * (mean - CHANCE), Double.NaN, kappa / rs.size(), secs / rs.size(), aboveChance(acc, mean),
                    Double.NaN));
        }
        Map<String, BenchSummary> byKey = new LinkedHashMap<>();
        for (BenchSummary r : rows) {
            byKey.put(r.model() + "/" + r.protocol(), r);
        }
        List<BenchSummary> out = new ArrayList<>();
        for (BenchSummary r : rows) {
            double effect = Double.NaN;
            double p = Double.NaN;
            BenchSummary within = byKey.get(r.model() + "/within");
            if (r.protocol().equals("transfer") && within != null) {
                // over the subjects both protocols have finished (a resumed run may have fewer transfer subjects)
                List<Double> t = new ArrayList<>();
                List<Double> w = new ArrayList<>();
                for (Map.Entry<String, Double> e : r.subjectAccuracy().entrySet()) {
                    Double wa = within.subjectAccuracy().get(e.getKey());
                    if (wa != null) {
                        t.add(e.getValue());
                        w.add(wa);
                    }
                }
                double diff = 0;
                for (int i = 0; i < t.size(); i++) {
                    diff += t.get(i) - w.get(i);
                }
                effect = t.isEmpty() ? Double.NaN : 100 * diff / t.size();
                p = paired(t, w);
            }
            out.add(new BenchSummary(r.model(), r.protocol(), r.subjectAccuracy(), r.foldsDone(), r.mean(), r.sd(),
                    r.improvementPp(), effect, r.meanKappa(), r.secondsPerFold(), r.pAboveChance(), p));
        }
        return out;
    }

    private static double aboveChance(Map<String, Double> acc, double mean) {
        double[] a = acc.values().stream().mapToDouble(Double::doubleValue).toArray();
        if (a.length < 2 || new StandardDeviation().evaluate(a) == 0) {
            return Double.NaN;
        }
        double twoSided = new TTest().tTest(CHANCE, a);
        return mean > CHANCE ? twoSided / 2 : 1 - twoSided / 2;
    }

    private static double paired(List<Double> x, List<Double> y) {
        double[] a = x.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = y.stream().mapToDouble(Double::doubleValue).toArray();
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        if (a.length < 2 || new StandardDeviation().evaluate(d) == 0) {
            return Double.NaN;
        }
        return new TTest().pairedTTest(a, b);
    }
}
