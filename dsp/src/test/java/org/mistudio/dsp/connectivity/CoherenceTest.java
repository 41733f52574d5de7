package org.mistudio.dsp.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.spectrum.Spectrum;
import org.mistudio.dsp.spectrum.Welch;
import org.mistudio.dsp.spectrum.Window;
import org.mistudio.dsp.filter.Detrend;
import org.mistudio.dsp.Golden;

class CoherenceTest {


    @Test
    void matchesScipyCoherenceOnARealRecording() throws Exception {
        // scipy.signal.coherence(C3, C4, fs=160, window='hann', nperseg=256, noverlap=128) on S001R04.
        JsonNode g = Golden.json();
        Recording r = Golden.recording();
        JsonNode ref = g.get("coherence_C3_C4_hann_256_128");
        CrossSpectra cs = new WelchCrossSpectra(256, 128, Window.HANN).estimate(
                new float[][] {r.channel("C3.."), r.channel("C4..")}, List.of("C3", "C4"), r.samplingRate());
        double[] msc = cs.coherence().between("C3", "C4");
        assertEquals(ref.get("freqs").size(), msc.length);
        double worst = 0;
        for (int k = 0; k < msc.length; k++) {
            assertEquals(ref.get("freqs").get(k).asDouble(), cs.frequencies()[k], 1e-12);
            double expected = ref.get("msc").get(k).asDouble();
            worst = Math.max(worst, Math.abs(msc[k] / expected - 1));
            assertEquals(expected, msc[k], 1e-6 * expected, "bin " + k);
        }
        System.out.println("coherence vs SciPy: max relative deviation " + worst);
        // The diagonal is the Welch PSD.
        Spectrum psd = new Welch(256, 128, Window.HANN, Detrend.CONSTANT, Welch.Scaling.DENSITY)
                .estimate(r.channel("C3.."), r.samplingRate());
        for (int k = 0; k < msc.length; k++) {
            assertEquals(psd.power()[k], cs.power(0)[k], 1e-9 * psd.power()[k]);
        }
    }

    @Test
    void identicalSignalsAreFullyCoherentAndIndependentNoiseIsNot() {
        Random random = new Random(1);
        int n = 40_000;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
            b[i] = (float) random.nextGaussian();
        }
        CrossSpectra cs = WelchCrossSpectra.of(128).estimate(new float[][] {a, a.clone(), b},
                List.of("a", "a2", "b"), 100);
        ConnectivityMatrix coh = cs.coherence();
        double[] same = coh.between("a", "a2");
        double[] independent = coh.between("a", "b");
        double mean = 0;
        for (int k = 0; k < same.length; k++) {
            assertEquals(1, same[k], 1e-9, "bin " + k);
            assertTrue(independent[k] < 0.05, "independent noise bin " + k + ": " + independent[k]);
            mean += independent[k];
        }
        // With ~624 segments the bias of |coherence|^2 for independent signals is about 1 / segments.
        assertTrue(mean / same.length < 0.01, "mean coherence of independent noise " + mean / same.length);
        // Node strength: mean over the other two channels.
        double[][] strength = coh.nodeStrength();
        int k = 10;
        assertEquals((same[k] + independent[k]) / 2, strength[0][k], 1e-12);
        assertEquals((coh.between("b", "a")[k] + coh.between("b", "a2")[k]) / 2, strength[2][k], 1e-12);
        assertTrue(strength[0][k] > 0.45 && strength[2][k] < 0.05);
    }

    @Test
    void quarterPeriodLagGivesImaginaryCoherenceOneAndZeroLagGivesZero() {
        // 10 Hz at 160 Hz: a quarter period is 4 samples. y is x delayed by 4 samples; z is a zero-lag mixture.
        double fs = 160;
        Random random = new Random(2);
        int n = 32_000;
        float[] x = new float[n + 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (Math.sin(2 * Math.PI * 10 * i / fs) + 0.3 * random.nextGaussian());
        }
        float[] lead = new float[n];
        float[] lagged = new float[n];
        float[] zeroLag = new float[n];
        for (int i = 0; i < n; i++) {
            lead[i] = x[i + 4];
            lagged[i] = x[i];
            zeroLag[i] = (float) (0.8 * x[i + 4] + 0.3 * random.nextGaussian());
        }
        CrossSpectra cs = WelchCrossSpectra.of(160).estimate(new float[][] {lead, lagged, zeroLag},
                List.of("x", "delayed", "mixed"), fs);
        ConnectivityMatrix icoh = cs.imaginaryCoherence();
        int k10 = 10; // 1 Hz bins
        assertEquals(10, cs.frequencies()[k10], 1e-12);
        double lagged10 = icoh.between("x", "delayed")[k10];
        assertTrue(Math.abs(lagged10) > 0.95, "quarter-period lag: " + lagged10);
        assertTrue(lagged10 > 0, "the leading channel first gives a positive sign: " + lagged10);
        assertEquals(-lagged10, icoh.between("delayed", "x")[k10], 1e-12);
        assertEquals(0, icoh.between("x", "mixed")[k10], 0.02);
        assertTrue(cs.coherence().between("x", "mixed")[k10] > 0.8, "zero-lag copies are coherent");
        assertEquals(0, icoh.between("x", "x")[k10], 1e-12);
        double[][] strength = icoh.absolute().nodeStrength();
        assertEquals((Math.abs(lagged10) + Math.abs(icoh.between("x", "mixed")[k10])) / 2, strength[0][k10], 1e-12);
    }

    @Test
    void epochsAverageSegmentsOverTrials() {
        double fs = 100;
        Random random = new Random(3);
        int trials = 40;
        int samples = 200;
        float[][][] data = new float[trials][2][samples];
        List<String> labels = new ArrayList<>();
        float[][] concatenated = new float[2][trials * samples];
        for (int t = 0; t < trials; t++) {
            double phase = 2 * Math.PI * random.nextDouble();
            for (int i = 0; i < samples; i++) {
                double s = Math.sin(2 * Math.PI * 10 * i / fs + phase);
                data[t][0][i] = (float) (s + 0.5 * random.nextGaussian());
                data[t][1][i] = (float) (s + 0.5 * random.nextGaussian());
                concatenated[0][t * samples + i] = data[t][0][i];
                concatenated[1][t * samples + i] = data[t][1][i];
            }
            labels.add("T1");
        }
        Epochs epochs = new Epochs(data, labels, fs, List.of(ChannelInfo.eeg("C3", fs), ChannelInfo.eeg("C4", fs)), 0);
        // Non-overlapping segments that tile each trial exactly equal the same segments of the concatenation.
        WelchCrossSpectra welch = new WelchCrossSpectra(100, 0, Window.HANN);
        CrossSpectra fromEpochs = welch.estimate(epochs);
        CrossSpectra continuous = welch.estimate(concatenated, List.of("C3", "C4"), fs);
        assertEquals(2 * trials, fromEpochs.segments());
        assertEquals(List.of("C3", "C4"), fromEpochs.channels());
        for (int k = 0; k < fromEpochs.frequencies().length; k++) {
            assertEquals(continuous.real()[0][1][k], fromEpochs.real()[0][1][k],
                    1e-9 * Math.abs(continuous.real()[0][0][k]));
            assertEquals(continuous.imag()[0][1][k], fromEpochs.imag()[0][1][k],
                    1e-9 * Math.abs(continuous.real()[0][0][k]));
        }
        // Overlapping segments must not straddle trials: 3 per 200-sample trial with nperseg 100, noverlap 50.
        assertEquals(3 * trials, WelchCrossSpectra.of(100).estimate(epochs).segments());
        assertTrue(fromEpochs.coherence().between("C3", "C4")[10] > 0.6);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new WelchCrossSpectra(1, 0, Window.HANN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WelchCrossSpectra(64, 64, Window.HANN));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WelchCrossSpectra(64, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> WelchCrossSpectra.of(64).estimate(new float[][] {new float[10]}, List.of("a"), 100));
        assertThrows(IllegalArgumentException.class,
                () -> WelchCrossSpectra.of(64).estimate(new float[][] {new float[100]}, List.of("a", "b"), 100));
        CrossSpectra one = WelchCrossSpectra.of(16).estimate(new float[][] {new float[64]}, List.of("a"), 100);
        assertThrows(IllegalArgumentException.class, () -> one.coherence().nodeStrength());
        assertThrows(IllegalArgumentException.class, () -> one.coherence().between("a", "zz"));
    }
}
