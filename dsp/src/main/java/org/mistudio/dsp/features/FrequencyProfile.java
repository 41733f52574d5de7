package org.mistudio.dsp.features;

import java.util.List;

/**
 * Per-class mean of a feature over trials with its standard error (sample SD / sqrt(n)), for one channel: the
 * frequency profile HappyFeat plots beside the r² map.
 *
 * @param mean           {@code [class][frequency]}
 * @param standardError  {@code [class][frequency]}; 0 for a class with a single trial
 */
public record FrequencyProfile(String channel, double[] frequencies, List<String> classes, double[][] mean,
                               double[][] standardError) {

    public FrequencyProfile {
        classes = List.copyOf(classes);
    }

    public static FrequencyProfile of(FeatureTensor features, String channel, List<String> classes) {
        int c = features.channelIndex(channel);
        int nf = features.frequencies().length;
        double[][] mean = new double[classes.size()][nf];
        double[][] se = new double[classes.size()][nf];
        for (int k = 0; k < classes.size(); k++) {
            int[] trials = features.trialsOf(classes.get(k));
            int n = trials.length;
            for (int f = 0; f < nf; f++) {
                double[] v = features.column(trials, c, f);
                double m = 0;
                for (double x : v) {
                    m += x;
                }
                m /= n;
                double ss = 0;
                for (double x : v) {
                    ss += (x - m) * (x - m);
                }
                mean[k][f] = m;
                se[k][f] = n > 1 ? Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : 0;
            }
        }
        return new FrequencyProfile(features.channels().get(c), features.frequencies(), classes, mean, se);
    }
}
