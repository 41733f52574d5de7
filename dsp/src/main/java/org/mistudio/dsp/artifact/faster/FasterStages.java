package org.mistudio.dsp.artifact.faster;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.dsp.artifact.ica.IcaModel;

/**
 * The scoring steps of FASTER (Nolan, Whelan and Reilly 2010, J Neurosci Methods 192:152-162), each usable on its
 * own. Data are {@code [epoch][channel][sample]}; {@code rows} picks the channels to score. Metric definitions
 * follow mne-faster (wmvanvliet/mne-faster) except where noted: the Hurst exponent and the absolute deviation
 * follow the paper's EEGLAB implementation (with an average reference, mne-faster's signed epoch deviation
 * averages to zero across channels).
 */
public final class FasterStages {

    private FasterStages() {
    }

    /**
     * Stage 1, bad channels: mean correlation with the other channels, variance and Hurst exponent of each channel
     * over all epochs concatenated. With {@code refAngles} (angle of each scored channel to a single reference
     * electrode), correlation and variance are first corrected by a quadratic fit on that angle.
     */
    public static StageReport badChannels(float[][][] data, int[] rows, List<String> labels, double[] refAngles,
                                          FasterConfig cfg) {
        float[][] cat = concatenate(data, rows);
        double[] corr = FasterMetrics.meanCorrelation(cat);
        double[] var = new double[rows.length];
        double[] hurst = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            var[i] = FasterMetrics.variance(cat[i]);
            hurst[i] = FasterMetrics.hurst(cat[i]);
        }
        if (refAngles != null) {
            corr = FasterMetrics.distanceCorrected(corr, refAngles);
            var = FasterMetrics.distanceCorrected(var, refAngles);
        }
        List<MetricResult> m = List.of(score("correlation", corr, cfg), score("variance", var, cfg),
                score("hurst", hurst, cfg));
        return StageReport.of("bad channels", labels, m);
    }

    /**
     * Stage 2, bad epochs: per epoch, averaged over the channels: amplitude range, |epoch mean - the channel's mean
     * over all epochs|, variance.
     */
    public static StageReport badEpochs(float[][][] data, int[] rows, FasterConfig cfg) {
        int e = data.length;
        double[][] means = channelEpochMeans(data, rows);
        double[] grand = grandMeans(means);
        double[] amp = new double[e];
        double[] dev = new double[e];
        double[] var = new double[e];
        for (int t = 0; t < e; t++) {
            for (int i = 0; i < rows.length; i++) {
                float[] x = data[t][rows[i]];
                amp[t] += FasterMetrics.amplitudeRange(x);
                dev[t] += Math.abs(means[t][i] - grand[i]);
                var[t] += FasterMetrics.variance(x);
            }
            amp[t] /= rows.length;
            dev[t] /= rows.length;
            var[t] /= rows.length;
        }
        List<String> items = new ArrayList<>();
        for (int t = 0; t < e; t++) {
            items.add(Integer.toString(t));
        }
        return StageReport.of("bad epochs", items, List.of(score("amplitude", amp, cfg),
                score("deviation", dev, cfg), score("variance", var, cfg)));
    }

    /**
     * Stage 3, bad ICA components: max |correlation| with the EOG channels (when given), kurtosis of the scalp map
     * (mixing column), mean slope of the spectrum in {@code cfg.passBand()}, Hurst exponent and median gradient of
     * the component's time course.
     *
     * @param sources {@code [component][sample]} over all epochs concatenated
     * @param eog     {@code [eog channel][sample]} concatenated likewise, or an empty array
     */
    public static StageReport badComponents(IcaModel model, double[][] sources, double[][] eog, double fs,
                                            FasterConfig cfg) {
        int k = sources.length;
        List<MetricResult> m = new ArrayList<>();
        float[][] s = new float[k][];
        for (int p = 0; p < k; p++) {
            s[p] = toFloat(sources[p]);
        }
        if (eog.length > 0) {
            double[] ec = new double[k];
            for (int p = 0; p < k; p++) {
                for (double[] o : eog) {
                    ec[p] = Math.max(ec[p], Math.abs(correlation(sources[p], o)));
                }
            }
            m.add(score("eog_correlation", ec, cfg));
        }
        double[] kurt = new double[k];
        double[] slope = new double[k];
        double[] hurst = new double[k];
        double[] grad = new double[k];
        for (int p = 0; p < k; p++) {
            kurt[p] = FasterMetrics.kurtosis(model.map(p));
            slope[p] = FasterMetrics.powerGradient(s[p], fs, cfg.passBand()[0], cfg.passBand()[1]);
            hurst[p] = FasterMetrics.hurst(s[p]);
            grad[p] = FasterMetrics.medianGradient(s[p]);
        }
        m.add(score("kurtosis", kurt, cfg));
        m.add(score("power_gradient", slope, cfg));
        m.add(score("hurst", hurst, cfg));
        m.add(score("median_gradient", grad, cfg));
        List<String> items = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            items.add("IC" + p);
        }
        return StageReport.of("bad components", items, m);
    }

    /**
     * Stage 4, channels within epochs: for each epoch, over the channels: variance, median gradient, amplitude
     * range and |epoch mean - the channel's mean over all epochs| (distance-corrected with {@code refAngles}).
     */
    public static List<StageReport> channelsInEpochs(float[][][] data, int[] rows, List<String> labels,
                                                     double[] refAngles, FasterConfig cfg) {
        double[][] means = channelEpochMeans(data, rows);
        double[] grand = grandMeans(means);
        List<StageReport> out = new ArrayList<>();
        for (int t = 0; t < data.length; t++) {
            double[] var = new double[rows.length];
            double[] grad = new double[rows.length];
            double[] amp = new double[rows.length];
            double[] dev = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                float[] x = data[t][rows[i]];
                var[i] = FasterMetrics.variance(x);
                grad[i] = FasterMetrics.medianGradient(x);
                amp[i] = FasterMetrics.amplitudeRange(x);
                dev[i] = Math.abs(means[t][i] - grand[i]);
            }
            if (refAngles != null) {
                var = FasterMetrics.distanceCorrected(var, refAngles);
                grad = FasterMetrics.distanceCorrected(grad, refAngles);
                amp = FasterMetrics.distanceCorrected(amp, refAngles);
                dev = FasterMetrics.distanceCorrected(dev, refAngles);
            }
            out.add(StageReport.of("channels in epoch " + t, labels, List.of(score("variance", var, cfg),
                    score("median_gradient", grad, cfg), score("amplitude", amp, cfg),
                    score("deviation", dev, cfg))));
        }
        return out;
    }

    /**
     * Stage 5, subjects: for each subject's average over epochs ({@code [channel][sample]}, same channels for all),
     * the mean over channels of the amplitude range, of the variance and of |channel mean - the channel's mean over
     * subjects|, and the maximum |value| on the EOG rows ({@code eogRows} may be empty).
     */
    public static StageReport badSubjects(List<float[][]> averages, int[] rows, int[] eogRows, List<String> names,
                                          FasterConfig cfg) {
        int n = averages.size();
        if (n < 3) {
            throw new IllegalArgumentException("FASTER stage 5 needs at least 3 subjects, got " + n);
        }
        float[][][] asEpochs = averages.toArray(new float[0][][]);
        double[][] means = channelEpochMeans(asEpochs, rows);
        double[] grand = grandMeans(means);
        double[] amp = new double[n];
        double[] var = new double[n];
        double[] dev = new double[n];
        double[] eog = new double[n];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < rows.length; i++) {
                float[] x = asEpochs[s][rows[i]];
                amp[s] += FasterMetrics.amplitudeRange(x) / rows.length;
                var[s] += FasterMetrics.variance(x) / rows.length;
                dev[s] += Math.abs(means[s][i] - grand[i]) / rows.length;
            }
            for (int r : eogRows) {
                for (float v : asEpochs[s][r]) {
                    eog[s] = Math.max(eog[s], Math.abs(v));
                }
            }
        }
        List<MetricResult> m = new ArrayList<>(List.of(score("amplitude", amp, cfg), score("variance", var, cfg),
                score("deviation", dev, cfg)));
        if (eogRows.length > 0) {
            m.add(score("max_eog", eog, cfg));
        }
        return StageReport.of("bad subjects", names, m);
    }

    static MetricResult score(String metric, double[] values, FasterConfig cfg) {
        return MetricResult.score(metric, values, cfg.thresholdOf(metric), cfg.maxIterations());
    }

    static float[][] concatenate(float[][][] data, int[] rows) {
        int s = data.length == 0 ? 0 : data[0][0].length;
        float[][] out = new float[rows.length][data.length * s];
        for (int t = 0; t < data.length; t++) {
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(data[t][rows[i]], 0, out[i], t * s, s);
            }
        }
        return out;
    }

    private static double[][] channelEpochMeans(float[][][] data, int[] rows) {
        double[][] means = new double[data.length][rows.length];
        for (int t = 0; t < data.length; t++) {
            for (int i = 0; i < rows.length; i++) {
                means[t][i] = FasterMetrics.mean(data[t][rows[i]]);
            }
        }
        return means;
    }

    private static double[] grandMeans(double[][] means) {
        double[] g = new double[means.length == 0 ? 0 : means[0].length];
        for (double[] m : means) {
            for (int i = 0; i < g.length; i++) {
                g[i] += m[i] / means.length;
            }
        }
        return g;
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }
}
