package org.mistudio.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.evaluation.Evaluation;
import org.mistudio.dsp.evaluation.KFold;
import org.mistudio.dsp.evaluation.StratifiedKFold;

class FeaturesTest {

    /** Two classes of n trials; channel "C4" at 12 Hz differs by d standard deviations, "C3" at 20 Hz by d2. */
    static FeatureTensor synthetic(int n, double d, double d2, long seed) {
        Random rng = new Random(seed);
        double[] f = new double[40];
        for (int k = 0; k < f.length; k++) {
            f[k] = k + 1;
        }
        List<String> ch = List.of("C3..", "Cz..", "C4..");
        double[][][] v = new double[2 * n][3][f.length];
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < 2 * n; t++) {
            boolean second = t % 2 == 1;
            labels.add(second ? "T2" : "T1");
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < f.length; k++) {
                    v[t][c][k] = rng.nextGaussian();
                }
            }
            if (second) {
                v[t][2][11] += d;
                v[t][0][19] -= d2;
            }
        }
        return new FeatureTensor("test", labels, ch, f, v);
    }

    @Test
    void signedR2OfGaussianClassesIsDSquaredOverDSquaredPlusFour() {
        // balanced classes, means d SDs apart: r = d / sqrt(d^2 + 4), so r^2 = d^2 / (d^2 + 4)
        for (double d : new double[] {0.5, 1, 2}) {
            R2Map map = R2Map.of(synthetic(20000, d, d, 7), "T1", "T2");
            double expected = d * d / (d * d + 4);
            assertEquals(expected, map.at("C4", 12), 0.01, "d=" + d);
            assertEquals(-expected, map.at("C3", 20), 0.01, "second class lower: negative");
            assertEquals(0, map.at("Cz", 12), 0.002);
        }
    }

    @Test
    void topFeaturesByAbsoluteR2RestrictedToChannelsAndBand() {
        R2Map map = R2Map.of(synthetic(200, 2, 1.5, 3), "T1", "T2");
        List<Feature> top = FeatureSelection.top(map, 2, null, 1, 40);
        assertEquals("C4..;12", top.get(0).toString());
        assertEquals("C3..;20", top.get(1).toString());
        assertEquals("C3..;20", FeatureSelection.top(map, 1, List.of("C3"), 1, 40).get(0).toString());
        assertTrue(FeatureSelection.top(map, 1, null, 15, 30).get(0).toString().startsWith("C3..;20"));
        assertThrows(IllegalArgumentException.class, () -> map.top(1, List.of("Xx"), 1, 40));
        assertThrows(IllegalArgumentException.class, () -> map.top(1, null, 60, 70));
    }

    @Test
    void manualFeaturesParseAndFailClearly() {
        FeatureTensor t = synthetic(10, 1, 1, 1);
        Feature one = Feature.parse("C4;13");
        assertEquals(new Feature("C4", 13, 13), one);
        assertEquals(new Feature("C4", 13, 16), Feature.parse(" C4 ; 13:16 "));
        assertEquals(2, Feature.parseList("C4;13,C3;11:13").size());
        double[][] x = FeatureSelection.matrix(t, List.of(Feature.parse("C4;13:16")));
        double[][][] v = t.values();
        assertEquals((v[3][2][12] + v[3][2][13] + v[3][2][14] + v[3][2][15]) / 4, x[3][0], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureSelection.validate(t, List.of(Feature.parse("Cx9;13"))));
        assertTrue(e.getMessage().contains("unknown channel 'Cx9'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FeatureSelection.validate(t, List.of(Feature.parse("C4;80"))));
        assertTrue(e.getMessage().contains("no frequency bin in 80.0 Hz"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Feature.parse("C4"));
        assertTrue(e.getMessage().contains("CHANNEL;HZ"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Feature.parse("C4;abc"));
        assertThrows(IllegalArgumentException.class, () -> Feature.parse("C4;16:13"));
    }

    @Test
    void combinationTrainingAndSelectionInsideFolds() {
        FeatureTensor t = synthetic(60, 3, 0, 11);
        int[] y = new int[t.trialCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = t.labels().get(i).equals("T2") ? 1 : 0;
        }
        R2Map map = R2Map.of(t, "T1", "T2");
        List<FeatureSelection.Combination> c = FeatureSelection.combinations(t,
                FeatureSelection.top(map, 3, null, 1, 40), y, Lda.svd(), new KFold(5));
        assertEquals(3, c.size());
        assertEquals(2, c.get(1).features().size());
        assertTrue(c.get(0).accuracy() > 0.9, "d = 3 separates: " + c.get(0).accuracy());
        Evaluation.Report r = Evaluation.run(new FeatureSelection.Selected(List.of(), 1, 1, 40, Lda.lsqrAuto()), t,
                y, new StratifiedKFold(5), FeatureTensor::subset, 0.05);
        assertTrue(r.accuracy() > 0.9, "auto selection finds C4;12: " + r.accuracy());
        FeatureTensor noise = synthetic(60, 0, 0, 12);
        Evaluation.Report chance = Evaluation.run(new FeatureSelection.Selected(List.of(), 1, 1, 40, Lda.svd()),
                noise, y, new StratifiedKFold(5), FeatureTensor::subset, 0.05);
        assertTrue(chance.accuracy() < chance.chanceThreshold(), "selection inside folds: no optimistic bias "
                + chance.accuracy());
        assertEquals(120, r.distinctTestTrials());
        // The listener hears each split once, in order, with the accuracy the report keeps for it.
        List<double[]> heard = new ArrayList<>();
        Evaluation.Report again = Evaluation.run(new FeatureSelection.Selected(List.of(), 1, 1, 40, Lda.lsqrAuto()),
                t, y, new StratifiedKFold(5), FeatureTensor::subset, 0.05,
                (done, total, acc) -> heard.add(new double[] {done, total, acc}));
        assertEquals(5, heard.size());
        for (int f = 0; f < 5; f++) {
            assertEquals(f + 1, heard.get(f)[0]);
            assertEquals(5, heard.get(f)[1]);
            assertEquals(again.foldAccuracy()[f], heard.get(f)[2], 0);
            assertEquals(r.foldAccuracy()[f], heard.get(f)[2], 0);
        }
        assertThrows(java.util.concurrent.CancellationException.class, () -> Evaluation.run(
                new FeatureSelection.Selected(List.of(), 1, 1, 40, Lda.lsqrAuto()), t, y, new StratifiedKFold(5),
                FeatureTensor::subset, 0.05, (done, total, acc) -> {
                    throw new java.util.concurrent.CancellationException("stop");
                }));
    }

    @Test
    void psdFeaturesPeakAtTheSineAndIntegrateToItsPower() {
        double fs = 160;
        int n = (int) (4 * fs) + 1;
        float[][][] x = new float[2][1][n];
        for (int i = 0; i < n; i++) {
            x[0][0][i] = (float) (10 * Math.sin(2 * Math.PI * 12 * i / fs));
            x[1][0][i] = (float) (10 * Math.sin(2 * Math.PI * 22 * i / fs + 1));
        }
        Epochs e = new Epochs(x, List.of("a", "b"), fs, List.of(ChannelInfo.eeg("C4", fs)), 0);
        for (PsdFeatures.Method m : PsdFeatures.Method.values()) {
            FeatureTensor t = PsdFeatures.happyFeat(m).extract(e);
            double[] f = t.frequencies();
            assertEquals(1.0, f[0], 0);
            assertEquals(40, f.length, "1 Hz bins from 1 to 40 Hz");
            assertEquals(12, f[argmax(t.values()[0][0])], 0, m.name());
            assertEquals(22, f[argmax(t.values()[1][0])], 0, m.name());
            if (m == PsdFeatures.Method.WELCH) {
                double total = BandPower.of(t, new double[][] {{1, 40}}).values()[0][0][0];
                assertEquals(50, total, 2.5, "A^2 / 2 = 50 uV^2");
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> PsdFeatures.happyFeat(PsdFeatures.Method.WELCH).withEpoch(2, 3).extract(e));
    }

    @Test
    void nodeStrengthIsHighForCoupledChannels() {
        double fs = 160;
        int n = 4 * 160 + 1;
        Random rng = new Random(2);
        float[][][] x = new float[3][3][n];
        for (float[][] trial : x) {
            for (int i = 0; i < n; i++) {
                float common = (float) rng.nextGaussian();
                trial[0][i] = common + 0.1f * (float) rng.nextGaussian();
                trial[1][i] = common + 0.1f * (float) rng.nextGaussian();
                trial[2][i] = (float) rng.nextGaussian();
            }
        }
        Epochs e = new Epochs(x, List.of("a", "a", "b"), fs,
                List.of(ChannelInfo.eeg("C3", fs), ChannelInfo.eeg("Cz", fs), ChannelInfo.eeg("C4", fs)), 0);
        FeatureTensor t = ConnectivityFeatures.defaults(false).extract(e);
        double[][] v = t.values()[0];
        assertTrue(v[0][10] > 0.5 && v[2][10] < 0.4, "coupled ~ (1 + bias) / 2, independent ~ bias 1/5 segments: " + v[0][10] + " vs " + v[2][10]);
        assertEquals(40, t.frequencies().length);
    }

    @Test
    void profileMeanAndStandardError() {
        double[][][] v = {{{1, 2}}, {{3, 4}}, {{10, 10}}, {{14, 10}}};
        FeatureTensor t = new FeatureTensor("x", List.of("a", "a", "b", "b"), List.of("C3"), new double[] {8, 9}, v);
        FrequencyProfile p = FrequencyProfile.of(t, "c3", List.of("a", "b"));
        assertEquals(2, p.mean()[0][0], 0);
        assertEquals(12, p.mean()[1][0], 0);
        assertEquals(Math.sqrt(8) / Math.sqrt(2), p.standardError()[1][0], 1e-12);
        assertEquals(0, p.standardError()[1][1], 0);
        assertThrows(IllegalArgumentException.class, () -> FrequencyProfile.of(t, "C3", List.of("z")));
    }

    @Test
    void topographyProjectsAndInterpolates() {
        List<String> ch = List.of("C3", "Cz", "C4", "Fz", "Pz");
        double[] values = {1, 0, -1, 0.5, 0.25};
        Topography topo = Topography.of(ch, values, Montage.standard1005(), 41);
        assertTrue(topo.x()[0] < -0.3 && topo.x()[2] > 0.3, "C3 left, C4 right");
        assertTrue(topo.y()[3] > 0.2 && topo.y()[4] < -0.2, "Fz front, Pz back");
        assertEquals(0, topo.x()[1], 0.02);
        assertEquals(0, topo.grid()[20][20], 0.05, "Cz at the centre");
        assertTrue(Double.isNaN(topo.grid()[0][0]), "corner outside the head");
        assertTrue(topo.grid()[20][10] > 0.5 && topo.grid()[20][30] < -0.5, "near C3 / C4");
        assertThrows(IllegalArgumentException.class, () -> Topography.of(List.of("Nope"), new double[] {1},
                Montage.standard1005(), 10));
    }

    private static int argmax(double[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }
}
