package org.mistudio.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mistudio.dsp.Golden;

class ButterworthTest {

    private static final double INV_SQRT2 = 1 / Math.sqrt(2);

    private static void assertSos(double[][] expected, Sos actual, double tol) {
        double[][] got = actual.sections();
        assertEquals(expected.length, got.length, "section count");
        double worst = 0;
        for (int s = 0; s < expected.length; s++) {
            for (int i = 0; i < 6; i++) {
                worst = Math.max(worst, Math.abs(expected[s][i] - got[s][i]));
                assertEquals(expected[s][i], got[s][i], tol, "section " + s + " coefficient " + i + " of " + actual);
            }
        }
        System.out.printf("max |sos - scipy| = %.3g%n", worst);
    }

    @Test
    void bandpassMatchesScipyGolden() {
        // scipy.signal.butter(4, [8, 30], 'bandpass', fs=160, output='sos'), SciPy 1.10.1.
        double[][] expected = Golden.matrix(Golden.json().get("butter4_bandpass_8_30_sos"));
        assertSos(expected, Butterworth.bandpass(4, 8, 30, 160), 1e-10);
    }

    /** Reference sections printed by SciPy 1.10.1; they cover odd orders and every special case of zpk2sos. */
    static Stream<Arguments> scipyDesigns() {
        return Stream.of(
                // butter(5, 30, 'lowpass', fs=160): odd order, a real pole padded with the origin.
                Arguments.of(5, FilterType.LOWPASS, new double[] {30}, new double[][] {
                        {0.016987710409093026, 0.03397542081818605, 0.016987710409093026, 1, -0.19891236737965803, 0},
                        {1, 2, 1, 1, -0.43799465873480276, 0.144535199833121},
                        {1, 1, 0, 1, -0.5953871283308939, 0.5558215432824888}}),
                // butter(3, 1, 'highpass', fs=160)
                Arguments.of(3, FilterType.HIGHPASS, new double[] {1}, new double[][] {
                        {0.9614887327678034, -0.9614887327678034, 0, 1, -0.9614814515953285, 0},
                        {1, -2, 1, 1, -1.9599837715995638, 0.9614960139402782}}),
                // butter(2, 0.5, 'highpass', fs=160)
                Arguments.of(2, FilterType.HIGHPASS, new double[] {0.5}, new double[][] {
                        {0.9862119246270823, -1.9724238492541646, 0.9862119246270823, 1, -1.9722337291952663,
                                0.9726139693130632}}),
                // butter(3, [45, 55], 'bandstop', fs=160): complex zero pairs.
                Arguments.of(3, FilterType.BANDSTOP, new double[] {45, 55}, new double[][] {
                        {0.6734790477138249, 0.5255569771584219, 0.673479047713825, 1, 0.6508910153042045,
                                0.6681786379192993},
                        {1, 0.7803612880645128, 1.0000000000000002, 1, 0.40095393029524645, 0.8123744025827498},
                        {1, 0.7803612880645128, 1.0000000000000002, 1, 0.984573627206337, 0.8355500313037121}}),
                // butter(1, [8, 30], 'bandpass', fs=160)
                Arguments.of(1, FilterType.BANDPASS, new double[] {8, 30}, new double[][] {
                        {0.31554026144508646, 0, -0.31554026144508646, 1, -1.106905182596564, 0.368919477109827}}),
                // butter(7, [1, 40], 'bandpass', fs=160): real poles, zeros +1 and -1 paired in one section.
                Arguments.of(7, FilterType.BANDPASS, new double[] {1, 40}, new double[][] {
                        {0.014412920367246465, 0.02882584073449293, 0.014412920367246465, 1, -0.034222244745543494,
                                0.056426294320133394},
                        {1, 2, 1, 1, -0.018333335283503033, 0.24381236682665797},
                        {1, 2, 1, 1, -0.002977816838517985, 0.6470101199225301},
                        {1, 0, -1, 1, -0.9803625222286229, 0.019637477771376914},
                        {1, -2, 1, 1, -1.9284692234927503, 0.9300568197764005},
                        {1, -2, 1, 1, -1.9511451226554748, 0.9526956060226723},
                        {1, -2, 1, 1, -1.9817474356657285, 0.9832820111377679}}));
    }

    @ParameterizedTest
    @MethodSource("scipyDesigns")
    void matchesScipySectionsOrderAndPairing(int order, FilterType type, double[] cutoffs, double[][] expected) {
        assertSos(expected, Butterworth.design(order, type, 160, cutoffs), 1e-10);
    }

    static Stream<Arguments> ordersAndTypes() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int order = 1; order <= 10; order++) {
            for (FilterType type : FilterType.values()) {
                b.add(Arguments.of(order, type));
            }
        }
        return b.build();
    }

    private static double[] cutoffsFor(FilterType type) {
        return type.cutoffCount() == 1 ? new double[] {12.5} : new double[] {7.5, 31};
    }

    @ParameterizedTest
    @MethodSource("ordersAndTypes")
    void halfPowerAtEveryCutoffAndStablePoles(int order, FilterType type) {
        double fs = 160;
        double[] cutoffs = cutoffsFor(type);
        Sos sos = Butterworth.design(order, type, fs, cutoffs);
        assertEquals(type.cutoffCount() == 1 ? (order + 1) / 2 : order, sos.sectionCount(), "section count");
        FrequencyResponse r = sos.response(fs, cutoffs);
        for (int k = 0; k < cutoffs.length; k++) {
            assertEquals(INV_SQRT2, r.magnitude(k), 1e-9, "|H| at " + cutoffs[k] + " Hz");
        }
        for (double[] c : sos.sections()) {
            // Jury conditions for 1 + a1 z^-1 + a2 z^-2: both poles strictly inside the unit circle.
            assertTrue(Math.abs(c[5]) < 1 && Math.abs(c[4]) < 1 + c[5], "unstable section " + java.util.Arrays.toString(c));
        }
    }

    @ParameterizedTest
    @MethodSource("ordersAndTypes")
    void unitGainInThePassbandAndZeroAtTheStopbandEdges(int order, FilterType type) {
        double fs = 160;
        Sos sos = Butterworth.design(order, type, fs, cutoffsFor(type));
        FrequencyResponse r = sos.response(fs, 0, fs / 2);
        switch (type) {
            case LOWPASS -> {
                assertEquals(1, r.magnitude(0), 1e-12, "DC gain");
                assertEquals(0, r.magnitude(1), 1e-12, "Nyquist gain");
            }
            case HIGHPASS -> {
                assertEquals(0, r.magnitude(0), 1e-12, "DC gain");
                assertEquals(1, r.magnitude(1), 1e-12, "Nyquist gain");
            }
            case BANDPASS -> {
                assertEquals(0, r.magnitude(0), 1e-12, "DC gain");
                assertEquals(0, r.magnitude(1), 1e-12, "Nyquist gain");
                assertEquals(1, sos.response(fs, centre(7.5, 31, fs)).magnitude(0), 1e-9, "gain at the centre");
            }
            case BANDSTOP -> {
                assertEquals(1, r.magnitude(0), 1e-12, "DC gain");
                assertEquals(1, r.magnitude(1), 1e-12, "Nyquist gain");
                assertEquals(0, sos.response(fs, centre(7.5, 31, fs)).magnitude(0), 1e-9, "gain at the centre");
            }
        }
    }

    /** The digital centre frequency: the pre-warped edges' geometric mean mapped back through the bilinear transform. */
    private static double centre(double low, double high, double fs) {
        double w = Math.sqrt(Math.tan(Math.PI * low / fs) * Math.tan(Math.PI * high / fs));
        return fs / Math.PI * Math.atan(w);
    }

    @Test
    void bandstopRejectsItsCentreStrongly() {
        for (int order = 1; order <= 8; order++) {
            // 45-55 Hz stop band at 250 Hz: the arithmetic centre 50 Hz is close to the exact zero of the response.
            double db = Butterworth.bandstop(order, 45, 55, 250).response(250, 50).magnitudeDb()[0];
            assertTrue(db < -30 * Math.min(order, 2), "order " + order + " gives " + db + " dB at 50 Hz");
        }
    }

    @Test
    void lowpassFallsTwentyNDecibelsPerDecade() {
        // Far above the cutoff |H| ~ (fc / f)^N; a high sampling rate keeps the bilinear warping negligible.
        // Measured between 100 and 1000 times the cutoff; the warping at 1 % of fs costs about 0.003 dB per order.
        double fs = 100_000;
        for (int order = 1; order <= 8; order++) {
            FrequencyResponse r = Butterworth.lowpass(order, 1, fs).response(fs, 100, 1000);
            double slope = r.magnitudeDb()[1] - r.magnitudeDb()[0];
            assertEquals(-20.0 * order, slope, 0.05, "order " + order);
        }
        // And a high-pass rises 20N dB per decade below its cutoff.
        FrequencyResponse h = Butterworth.highpass(3, 1000, fs).response(fs, 1, 10);
        assertEquals(60, h.magnitudeDb()[1] - h.magnitudeDb()[0], 0.01);
    }

    @Test
    void lowpassMagnitudeIsTheWarpedButterworthFormula() {
        // Bilinear transform of 1 / (1 + (W / Wc)^2N) with W = tan(pi f / fs): the exact digital magnitude.
        double fs = 160;
        for (int order = 1; order <= 10; order++) {
            Sos sos = Butterworth.lowpass(order, 20, fs);
            for (double f = 0; f < 80; f += 0.5) {
                double x = Math.tan(Math.PI * f / fs) / Math.tan(Math.PI * 20 / fs);
                double expected = 1 / Math.sqrt(1 + Math.pow(x, 2 * order));
                assertEquals(expected, sos.response(fs, f).magnitude(0), 1e-9 * Math.max(expected, 1e-3),
                        "order " + order + " at " + f + " Hz");
            }
        }
    }

    @Test
    void lowpassMagnitudeNeverRises() {
        // Butterworth is maximally flat: |H| never rises between DC and Nyquist.
        double[] m = FrequencyResponse.of(Butterworth.lowpass(6, 20, 160), 160, 512).magnitude();
        for (int k = 1; k < m.length; k++) {
            assertTrue(m[k] <= m[k - 1] + 1e-12, "rise at bin " + k);
        }
    }

    @Test
    void rejectsBadParametersNamingThem() {
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class, () -> Butterworth.lowpass(0, 10, 160));
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Butterworth.lowpass(2, 80, 160));
        assertTrue(e.getMessage().contains("cutoff must be in (0, fs/2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Butterworth.highpass(2, 0, 160));
        assertTrue(e.getMessage().contains("cutoff"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Butterworth.bandpass(2, 30, 8, 160));
        assertTrue(e.getMessage().contains("increasing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Butterworth.lowpass(2, 10, -1));
        assertTrue(e.getMessage().contains("fs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Butterworth.design(2, FilterType.BANDSTOP, 160, 10));
        assertTrue(e.getMessage().contains("needs 2 cutoffs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowpass(2, Double.NaN, 160));
    }

    @Test
    void sosValidatesItsRows() {
        assertThrows(IllegalArgumentException.class, () -> new Sos(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> new Sos(new double[][] {{1, 0, 0, 1, 0}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sos(new double[][] {{1, 0, 0, 2, 0, 0}}));
        assertTrue(e.getMessage().contains("a0"), e.getMessage());
        double[][] rows = {{1, 0, 0, 1, 0.5, 0}};
        Sos sos = new Sos(rows);
        rows[0][0] = 7;
        sos.sections()[0][0] = 9;
        assertEquals(1, sos.section(0)[0], "defensive copies");
        assertEquals(new Sos(new double[][] {{1, 0, 0, 1, 0.5, 0}}), sos);
    }
}
