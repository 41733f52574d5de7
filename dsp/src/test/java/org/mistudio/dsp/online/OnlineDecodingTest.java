package org.mistudio.dsp.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.decode.CspLda;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.dsp.filter.Butterworth;
import org.mistudio.dsp.filter.Sos;
import org.mistudio.dsp.filter.SosFiltering;

/** The online decoding pieces against their offline counterparts and closed forms. */
class OnlineDecodingTest {

    /** A classifier that remembers its windows and answers a fixed sequence of probabilities. */
    static final class Recorder implements WindowClassifier {
        final List<float[][]> windows = new ArrayList<>();
        final int channels;
        final int samples;

        Recorder(int channels, int samples) {
            this.channels = channels;
            this.samples = samples;
        }

        @Override
        public List<String> classNames() {
            return List.of("a", "b");
        }

        @Override
        public int channelCount() {
            return channels;
        }

        @Override
        public int windowSamples() {
            return samples;
        }

        @Override
        public double[] predictProba(float[][] window) {
            windows.add(window);
            double p = (windows.size() % 7) / 10.0; // 0.1, 0.2, ... 0.6, 0.0, 0.1, ...
            return new double[] {1 - p, p};
        }
    }

    @Test
    void windowsAreTheCausallyFilteredStreamWhateverTheChunking() {
        int ch = 3;
        int n = 2000;
        int w = 160;
        int step = 16;
        Random rnd = new Random(3);
        float[][] x = new float[ch][n];
        for (float[] row : x) {
            for (int i = 0; i < n; i++) {
                row[i] = (float) (rnd.nextGaussian() * 20 + 50); // an offset, as amplifiers have
            }
        }
        Sos sos = Butterworth.bandpass(4, 8, 30, 160);
        float[][] whole = SosFiltering.sosfilt(sos, x);
        Recorder rec = new Recorder(ch, w);
        SlidingWindowDecoder dec = new SlidingWindowDecoder(rec, sos, step, 4);
        List<SlidingWindowDecoder.Prediction> preds = new ArrayList<>();
        int at = 0;
        while (at < n) {
            int m = Math.min(n - at, 1 + rnd.nextInt(37));
            float[][] chunk = new float[ch][m];
            for (int c = 0; c < ch; c++) {
                System.arraycopy(x[c], at, chunk[c], 0, m);
            }
            preds.addAll(dec.push(chunk));
            at += m;
        }
        assertEquals((n - w) / step + 1, preds.size());
        assertEquals(preds.size(), rec.windows.size());
        for (int k = 0; k < preds.size(); k++) {
            long end = preds.get(k).sampleCount();
            assertEquals(w + (long) k * step, end);
            for (int c = 0; c < ch; c++) {
                float[] want = java.util.Arrays.copyOfRange(whole[c], (int) end - w, (int) end);
                assertArrayEquals(want, rec.windows.get(k)[c], "window " + k + " channel " + c);
            }
            // smoothing: the mean of the last 4 windows' probabilities (fewer at the start)
            int from = Math.max(0, k - 3);
            double mean = 0;
            for (int j = from; j <= k; j++) {
                mean += ((j + 1) % 7) / 10.0;
            }
            mean /= k - from + 1;
            assertEquals(mean, preds.get(k).smoothed()[1], 1e-12, "smoothed " + k);
            assertEquals(((k + 1) % 7) / 10.0, preds.get(k).probabilities()[1], 0);
        }
    }

    @Test
    void latencyPercentilesAreNumpysLinearOnes() {
        LatencyStats s = new LatencyStats();
        assertTrue(Double.isNaN(s.median()));
        for (int i = 100; i >= 1; i--) {
            s.add(i);
        }
        // numpy.percentile(np.arange(1, 101), [50, 99]) = [50.5, 99.01]
        assertEquals(50.5, s.median(), 1e-12);
        assertEquals(99.01, s.percentile(99), 1e-12);
        assertEquals(100, s.max(), 0);
        assertEquals(100, s.count());
        assertThrows(IllegalArgumentException.class, () -> s.percentile(101));
    }

    static Recording simulated() {
        return MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(20).withSeed(11))
                .recording();
    }

    @Test
    void causalEpochsAreSlicesOfTheFilteredRunAtTheCues() {
        Recording r = simulated();
        CausalEpoching cut = new CausalEpoching(Map.of("left_hand", "left", "right_hand", "right"), 8, 30, 4, 0.5, 2.5);
        CausalEpoching.Result res = cut.apply(List.of(r), null);
        Epochs e = res.epochs();
        assertEquals(22, e.channelCount(), "EEG channels only (EOG left out)");
        assertEquals(500, e.sampleCount(), "2 s at 250 Hz");
        assertEquals(40, e.trialCount());
        assertEquals(0, res.dropped());
        float[][] eeg = SosFiltering.sosfilt(Butterworth.bandpass(4, 8, 30, 250),
                r.select(e.channels().stream().map(c -> c.label()).toList()).samples());
        int t = 0;
        for (Annotation a : r.annotations()) {
            if (!a.label().endsWith("_hand")) {
                continue;
            }
            int first = (int) Math.round((a.onset() + 0.5) * 250);
            assertEquals(a.label().startsWith("left") ? "left" : "right", e.labels().get(t));
            assertArrayEquals(java.util.Arrays.copyOfRange(eeg[7], first, first + 500), e.data()[t][7]);
            t++;
        }
        // a window reaching past the end is dropped, not truncated
        CausalEpoching late = new CausalEpoching(Map.of("left_hand", "left", "right_hand", "right"), 8, 30, 4, 0.5,
                30);
        assertTrue(late.apply(List.of(r), null).dropped() >= 1);
    }

    @Test
    void cspLdaOnAWindowGivesTheOfflinePipelinesProbabilities() {
        CausalEpoching cut = new CausalEpoching(Map.of("left_hand", "left", "right_hand", "right"), 8, 30, 4, 0.5, 2.5);
        Epochs e = cut.apply(List.of(simulated()), null).epochs();
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(e.labels(), names);
        CspLda.Model m = CspLda.defaults().fit(e.data(), y);
        CspLdaWindowClassifier w = new CspLdaWindowClassifier(m.csp(), m.lda(), names, e.sampleCount());
        double[][] offline = m.predictProba(e.data());
        int correct = 0;
        for (int t = 0; t < e.trialCount(); t++) {
            assertArrayEquals(offline[t], w.predictProba(e.data()[t]), 1e-12);
            correct += (w.predictProba(e.data()[t])[1] > 0.5 ? 1 : 0) == y[t] ? 1 : 0;
        }
        assertTrue(correct >= 36, "training accuracy on separable simulated trials: " + correct + "/40");
        assertThrows(IllegalArgumentException.class, () -> w.predictProba(new float[22][10]));
    }

    @Test
    void psdLdaOnAWindowGivesTheOfflineSelectionsProbabilities() {
        CausalEpoching cut = new CausalEpoching(Map.of("left_hand", "left", "right_hand", "right"), 1, 40, 4, 0.5, 3.5);
        Epochs e = cut.apply(List.of(simulated()), null).epochs();
        PsdFeatures psd = PsdFeatures.happyFeat(PsdFeatures.Method.WELCH).withEpoch(0.5, 3.0);
        FeatureTensor t = psd.extract(e);
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(t.labels(), names);
        FeatureSelection.Selected.Model m = new FeatureSelection.Selected(List.of(), 4, 8, 30, Lda.lsqrAuto()).fit(t, y);
        PsdLdaWindowClassifier w = new PsdLdaWindowClassifier(e.channels().stream().map(c -> c.label()).toList(), 250,
                e.sampleCount(), psd, m.features(), m.lda(), names);
        double[][] offline = m.predictProba(t);
        for (int k = 0; k < e.trialCount(); k++) {
            assertArrayEquals(offline[k], w.predictProba(e.data()[k]), 1e-12, "trial " + k);
        }
    }
}
