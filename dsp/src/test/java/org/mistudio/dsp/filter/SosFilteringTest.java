package org.mistudio.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.Golden;
import org.mistudio.dsp.SignalStats;

class SosFilteringTest {

    private static final Sos BANDPASS = Butterworth.bandpass(4, 8, 30, 160);

    /**
     * Compares per-channel statistics and samples with SciPy's output (volts, float64 input as MNE reads it) on our
     * microvolt data. The tolerance is 1e-6 relative to max(|expected|, std): our input is the EDF's float32
     * microvolts, whose rounding (about 6e-8 of the amplitude) reaches every output sample as an absolute error of
     * the order of the signal's scale, so samples near zero (and the near-zero mean) can only agree to a fraction
     * of the signal's std, not of their own size. Returns the largest deviation in those units.
     */
    private static double compareWithGolden(String key, boolean zeroPhase) {
        JsonNode ref = Golden.json().get(key);
        Recording recording = Golden.recording();
        double worst = 0;
        int channels = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode g = entry.getValue();
            float[] x = recording.channel(name);
            double[] y = zeroPhase ? SosFiltering.sosfiltfilt(BANDPASS, x) : SosFiltering.sosfilt(BANDPASS, x);
            assertEquals(x.length, y.length);
            double scale = g.get("std").asDouble() * 1e6;
            SignalStats st = SignalStats.of(y);
            worst = Math.max(worst, check(name + " mean", g.get("mean").asDouble(), st.mean(), scale));
            worst = Math.max(worst, check(name + " std", g.get("std").asDouble(), st.std(), scale));
            worst = Math.max(worst, check(name + " min", g.get("min").asDouble(), st.min(), scale));
            worst = Math.max(worst, check(name + " max", g.get("max").asDouble(), st.max(), scale));
            for (int i = 0; i < 5; i++) {
                worst = Math.max(worst, check(name + " first5[" + i + "]", g.get("first5").get(i).asDouble(), y[i],
                        scale));
                worst = Math.max(worst, check(name + " last5[" + i + "]", g.get("last5").get(i).asDouble(),
                        y[y.length - 5 + i], scale));
                worst = Math.max(worst, check(name + " at_1000[" + i + "]", g.get("at_1000").get(i).asDouble(),
                        y[1000 + i], scale));
            }
            channels++;
        }
        assertTrue(channels >= 3, "golden holds " + channels + " channels");
        System.out.printf("%s: max deviation %.3g x max(|expected|, std) over %d channels%n", key, worst, channels);
        return worst;
    }

    private static double check(String what, double expectedVolts, double actualMicrovolts, double scale) {
        double expected = expectedVolts * 1e6;
        double unit = Math.max(Math.abs(expected), scale);
        assertEquals(expected, actualMicrovolts, 1e-6 * unit, what);
        return Math.abs(expected - actualMicrovolts) / unit;
    }

    @Test
    void causalMatchesScipySosfilt() {
        compareWithGolden("sosfilt_causal_butter4_8_30", false);
    }

    @Test
    void zeroPhaseMatchesScipySosfiltfilt() {
        compareWithGolden("sosfiltfilt_butter4_8_30", true);
    }

    @Test
    void defaultPadlenFollowsScipy() {
        assertEquals(27, SosFiltering.defaultPadlen(BANDPASS)); // 3 * (2 * 4 + 1)
        assertEquals(18, SosFiltering.defaultPadlen(Butterworth.lowpass(5, 30, 160))); // one first-order section
        assertEquals(12, SosFiltering.defaultPadlen(Butterworth.highpass(3, 1, 160)));
        assertEquals(9, SosFiltering.defaultPadlen(Notch.sos(50, 30, 160)));
    }

    @Test
    void zeroPhaseNeedsMoreSamplesThanThePadding() {
        SignalTooShortException e = assertThrows(SignalTooShortException.class,
                () -> SosFiltering.sosfiltfilt(BANDPASS, new double[27]));
        assertEquals(27, e.padlen());
        assertEquals(27, e.length());
        assertTrue(e.getMessage().contains("27"), e.getMessage());
        assertEquals(28, SosFiltering.sosfiltfilt(BANDPASS, new double[28]).length);
        assertThrows(SignalTooShortException.class, () -> SosFiltering.sosfiltfilt(BANDPASS, new double[10], 10));
        assertEquals(5, SosFiltering.sosfiltfilt(BANDPASS, new double[5], 0).length);
        assertThrows(IllegalArgumentException.class, () -> SosFiltering.sosfiltfilt(BANDPASS, new double[50], -1));
    }

    @Test
    void causalSteadyStateOfASinusoidFollowsTheFrequencyResponse() {
        double fs = 160;
        double f = 12;
        double[] x = new double[8000];
        for (int n = 0; n < x.length; n++) {
            x[n] = Math.sin(2 * Math.PI * f * n / fs);
        }
        double[] y = SosFiltering.sosfilt(BANDPASS, x);
        FrequencyResponse h = BANDPASS.response(fs, f);
        double gain = h.magnitude(0);
        double phase = h.phase()[0];
        for (int n = 4000; n < x.length; n++) { // transient long gone
            assertEquals(gain * Math.sin(2 * Math.PI * f * n / fs + phase), y[n], 1e-9, "sample " + n);
        }
    }

    @Test
    void zeroPhaseAppliesTheSquaredMagnitudeWithoutDelay() {
        double fs = 160;
        Sos lowpass = Butterworth.lowpass(4, 20, fs);
        for (double f : new double[] {5, 20, 30}) {
            double[] x = new double[4000];
            for (int n = 0; n < x.length; n++) {
                x[n] = Math.cos(2 * Math.PI * f * n / fs);
            }
            double[] y = SosFiltering.sosfiltfilt(lowpass, x);
            double g = lowpass.response(fs, f).magnitude(0);
            for (int n = 1500; n < 2500; n++) {
                assertEquals(g * g * x[n], y[n], 1e-9, f + " Hz sample " + n);
            }
        }
    }

    @Test
    void steadyStateInitialConditionsLeaveAConstantUntouched() {
        // sosfilt_zi: a constant input filtered from zi * x0 is at its steady state from the first sample.
        Sos lowpass = Butterworth.lowpass(5, 10, 160);
        StreamingSosFilter s = new StreamingSosFilter(lowpass);
        s.initializeSteadyState(3.5);
        double[] y = s.process(new double[] {3.5, 3.5, 3.5, 3.5, 3.5, 3.5});
        for (double v : y) {
            assertEquals(3.5, v, 1e-12);
        }
        // Zero-phase filtering reproduces a constant everywhere (odd extension + steady state at both ends) and a
        // line away from the edges (|H(1)|^2 = 1 and zero phase: no delay).
        Sos sos = Butterworth.lowpass(4, 20, 160);
        double[] constant = new double[500];
        java.util.Arrays.fill(constant, -7.25);
        double[] c = SosFiltering.sosfiltfilt(sos, constant);
        for (int n = 0; n < constant.length; n++) {
            assertEquals(-7.25, c[n], 1e-12, "sample " + n);
        }
        double[] ramp = new double[500];
        for (int n = 0; n < ramp.length; n++) {
            ramp[n] = 2 + 0.01 * n;
        }
        double[] z = SosFiltering.sosfiltfilt(sos, ramp);
        for (int n = 100; n < 400; n++) {
            assertEquals(ramp[n], z[n], 1e-9, "sample " + n);
        }
    }

    @Test
    void zeroPhaseMatchesScipyOnAShortSignal() {
        // scipy.signal.sosfiltfilt(butter(2, 10, fs=100, output='sos'), [0, 1, ..., 19]**2 % 7 - 3), SciPy 1.10.1.
        double[] x = new double[20];
        for (int n = 0; n < x.length; n++) {
            x[n] = (n * n) % 7 - 3;
        }
        double[] expected = ScipyShortSignal.FILTFILT;
        assertArrayEquals(expected, SosFiltering.sosfiltfilt(Butterworth.lowpass(2, 10, 100), x), 1e-12);
        assertArrayEquals(ScipyShortSignal.FILT, SosFiltering.sosfilt(Butterworth.lowpass(2, 10, 100), x), 1e-12);
    }

    @Test
    void channelsAndRecordingsAreFilteredRowByRow() {
        Recording recording = Golden.recording().select(java.util.List.of("C3..", "Cz..", "C4.."));
        float[] c3Before = recording.samples()[0].clone();
        float[][] causal = SosFiltering.sosfilt(BANDPASS, recording.samples());
        float[][] zeroPhase = SosFiltering.sosfiltfilt(BANDPASS, recording.samples());
        Recording filtered = SosFiltering.sosfiltfilt(BANDPASS, recording);
        Recording filteredCausal = SosFiltering.sosfilt(BANDPASS, recording);
        assertEquals(recording.channels(), filtered.channels());
        assertEquals(recording.annotations(), filtered.annotations());
        assertEquals(recording.start(), filtered.start());
        for (int c = 0; c < 3; c++) {
            float[] x = recording.samples()[c];
            assertArrayEquals(SosFiltering.toFloat(SosFiltering.sosfilt(BANDPASS, x)), causal[c]);
            assertArrayEquals(SosFiltering.toFloat(SosFiltering.sosfiltfilt(BANDPASS, x)), zeroPhase[c]);
            assertArrayEquals(zeroPhase[c], filtered.samples()[c]);
            assertArrayEquals(causal[c], filteredCausal.samples()[c]);
            assertTrue(filtered.samples()[c] != x, "a new array");
        }
        assertArrayEquals(c3Before, recording.samples()[0], "input left alone");
    }

    @Test
    void inputIsNotModified() {
        Random random = new Random(1);
        double[] x = new double[300];
        for (int n = 0; n < x.length; n++) {
            x[n] = random.nextGaussian();
        }
        double[] copy = x.clone();
        SosFiltering.sosfilt(BANDPASS, x);
        SosFiltering.sosfiltfilt(BANDPASS, x);
        assertArrayEquals(copy, x, 0);
    }

    @Test
    void manyChannelsAtOnceGiveExactlyTheOneChannelResults() {
        // Six channels: one interleaved group of four, then two alone; and a set with unequal lengths.
        java.util.Random random = new java.util.Random(11);
        float[][] x = new float[6][5000];
        for (float[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (random.nextGaussian() * 30 + 5);
            }
        }
        Sos sos = Butterworth.bandpass(4, 8, 30, 160);
        float[][] y = SosFiltering.sosfiltfilt(sos, x);
        for (int c = 0; c < x.length; c++) {
            double[] one = SosFiltering.sosfiltfilt(sos, x[c]);
            float[] expected = new float[one.length];
            for (int i = 0; i < one.length; i++) {
                expected[i] = (float) one[i];
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, y[c], "channel " + c);
        }
        float[][] ragged = {x[0], java.util.Arrays.copyOf(x[1], 4000), x[2], x[3], x[4]};
        float[][] r = SosFiltering.sosfiltfilt(sos, ragged);
        assertEquals(4000, r[1].length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(y[0], r[0]);
    }
}
