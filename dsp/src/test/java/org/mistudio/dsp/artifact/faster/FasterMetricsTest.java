package org.mistudio.dsp.artifact.faster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FasterMetricsTest {

    static float[] white(long seed, int n) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void hurstOfWhiteNoiseIsHalfAndOfRandomWalkNearOne() {
        double meanWhite = 0;
        double meanWalk = 0;
        for (int s = 0; s < 10; s++) {
            float[] w = white(s, 8192);
            float[] walk = new float[w.length];
            double acc = 0;
            for (int i = 0; i < w.length; i++) {
                acc += w[i];
                walk[i] = (float) acc;
            }
            meanWhite += FasterMetrics.hurst(w) / 10;
            meanWalk += FasterMetrics.hurst(walk) / 10;
        }
        // Dispersional analysis: sd of b-averages of white noise falls as b^-1/2, so b * sd grows as b^1/2.
        assertEquals(0.5, meanWhite, 0.03);
        // A random walk barely averages out at these bin sizes: slope close to 1 (finite-length bias pulls it down).
        assertEquals(1.0, meanWalk, 0.12);
        assertThrows(IllegalArgumentException.class, () -> FasterMetrics.hurst(new float[4]));
    }

    @Test
    void simpleMetricsMatchClosedForms() {
        float[] x = {1, 4, 2, 8, 5};
        assertEquals(4.0, FasterMetrics.mean(x), 1e-12);
        assertEquals((9 + 0 + 4 + 16 + 1) / 5.0, FasterMetrics.variance(x), 1e-12);
        assertEquals(7.0, FasterMetrics.amplitudeRange(x), 1e-12);
        // |diffs| = 3, 2, 6, 3 -> median 3
        assertEquals(3.0, FasterMetrics.medianGradient(x), 1e-12);
        // uniform distribution: excess kurtosis -1.2 (large sample)
        Random r = new Random(1);
        double[] u = new double[200_000];
        for (int i = 0; i < u.length; i++) {
            u[i] = r.nextDouble();
        }
        assertEquals(-1.2, FasterMetrics.kurtosis(u), 0.02);
    }

    @Test
    void meanCorrelationAveragesOverOtherChannels() {
        float[] a = white(1, 2000);
        float[] neg = new float[a.length];
        float[] scaled = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            neg[i] = -a[i];
            scaled[i] = 3 * a[i] + 1;
        }
        double[] c = FasterMetrics.meanCorrelation(new float[][] {a, neg, scaled, new float[a.length]});
        // a: corr with neg -1, scaled +1, flat ignored -> 0; neg: -1, -1 -> -1
        assertEquals(0, c[0], 1e-9);
        assertEquals(-1, c[1], 1e-9);
        assertEquals(0, c[2], 1e-9);
        assertEquals(0, c[3], 0);
    }

    @Test
    void distanceCorrectionRemovesAQuadraticTrend() {
        double[] angles = {0.1, 0.4, 0.8, 1.1, 1.5, 1.9};
        double[] v = new double[angles.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * angles[i] * angles[i] - angles[i] + 5 + (i == 3 ? 0 : 0);
        }
        double[] r = FasterMetrics.distanceCorrected(v, angles);
        for (double e : r) {
            assertEquals(0, e, 1e-10);
        }
        assertThrows(IllegalArgumentException.class, () -> FasterMetrics.distanceCorrected(v, new double[2]));
    }

    @Test
    void powerGradientIsNegativeForPinkAndPositiveForDifferencedNoise() {
        float[] w = white(3, 4096);
        float[] walk = new float[w.length];
        float[] diff = new float[w.length];
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            acc = 0.95 * acc + w[i];
            walk[i] = (float) acc;
            diff[i] = i == 0 ? 0 : w[i] - w[i - 1];
        }
        assertTrue(FasterMetrics.powerGradient(walk, 128, 1, 45) < 0);
        assertTrue(FasterMetrics.powerGradient(diff, 128, 1, 45) > 0);
    }

    @Test
    void outliersUseZScoresAndIterate() {
        double[] x = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100, 10};
        double[] z = Outliers.zScores(new double[] {1, 2, 3});
        assertArrayEquals(new double[] {-Math.sqrt(1.5), 0, Math.sqrt(1.5)}, z, 1e-12);
        Outliers.Result once = Outliers.find(x, 3, 1);
        assertTrue(once.bad()[18]);
        assertFalse(once.bad()[19], "10 hides behind 100 in one pass");
        Outliers.Result twice = Outliers.find(x, 3, 5);
        assertTrue(twice.bad()[18] && twice.bad()[19]);
        assertThrows(IllegalArgumentException.class, () -> Outliers.find(new double[] {1, Double.NaN}, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> Outliers.find(x, 0, 1));
    }

    @Test
    void stagesFlagTheObviousItems() {
        // 12 epochs x 20 channels x 400 samples of unit noise; channel 4 loud, epoch 2 has a step on all channels.
        // (With n items one outlier reaches at most |z| = (n - 1) / sqrt(n): 10 items could never pass 3.)
        int e = 12;
        int c = 20;
        int n = 400;
        float[][][] d = new float[e][c][];
        Random r = new Random(7);
        for (int t = 0; t < e; t++) {
            for (int i = 0; i < c; i++) {
                float[] x = new float[n];
                for (int s = 0; s < n; s++) {
                    x[s] = (float) (r.nextGaussian() * (i == 4 ? 20 : 1) + (t == 2 && s > 200 ? 30 : 0));
                }
                d[t][i] = x;
            }
        }
        int[] rows = java.util.stream.IntStream.range(0, c).toArray();
        List<String> labels = java.util.stream.IntStream.range(0, c).mapToObj(i -> "" + (char) ('a' + i)).toList();
        StageReport ch = FasterStages.badChannels(d, rows, labels, null, FasterConfig.defaults());
        assertEquals(List.of("e"), ch.badItems());
        assertTrue(ch.reasons(4).stream().anyMatch(s -> s.startsWith("variance")));
        int[] good = java.util.stream.IntStream.range(0, c).filter(i -> i != 4).toArray();
        StageReport ep = FasterStages.badEpochs(d, good, FasterConfig.defaults());
        assertEquals(List.of("2"), ep.badItems());
        List<StageReport> within = FasterStages.channelsInEpochs(d, rows, labels, null, FasterConfig.defaults());
        assertEquals(List.of("e"), within.get(0).badItems());
    }
}
