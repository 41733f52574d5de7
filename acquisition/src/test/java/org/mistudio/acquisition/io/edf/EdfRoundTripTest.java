package org.mistudio.acquisition.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

class EdfRoundTripTest {

    @TempDir
    Path dir;

    private static Recording sample(int seconds, double fs, LocalDateTime start) {
        Random random = new Random(1);
        int n = (int) Math.round(seconds * fs);
        float[][] x = new float[3][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = (float) (30 * Math.sin(2 * Math.PI * 10 * i / fs) + 5 * random.nextGaussian());
            x[1][i] = (float) (250 * random.nextGaussian() - 1200);
            x[2][i] = 3.25f; // constant: still needs a valid range
        }
        List<ChannelInfo> ch = List.of(ChannelInfo.eeg("C3", fs), new ChannelInfo("EOG-left", ChannelType.EOG, "uV", fs),
                new ChannelInfo("Temp", ChannelType.MISC, "degC", fs));
        List<Annotation> notes = List.of(new Annotation(0, 0, "start"), new Annotation(1.004, 4, "left_hand"),
                new Annotation(1.004, 0.5, "overlapping"), new Annotation(seconds - 0.25, 0, "Ünïcödé ✓"));
        return new Recording(ch, x, start, notes);
    }

    @ParameterizedTest
    @EnumSource(value = EdfVariant.class, names = {"EDF_PLUS_C", "BDF_PLUS_C"})
    void samplesComeBackWithinHalfADigitalStepAndAnnotationsExactly(EdfVariant variant) throws Exception {
        Recording original = sample(7, 250, LocalDateTime.of(2023, 11, 2, 13, 45, 10, 250_000_000));
        Path file = dir.resolve(variant.isBdf() ? "x.bdf" : "x.edf");
        EdfWriter.write(original, file, variant);
        try (EdfReader reader = EdfReader.open(file)) {
            EdfHeader h = reader.header();
            assertEquals(variant, h.variant());
            assertEquals(7, h.records());
            assertEquals(1.0, h.recordDuration(), 0);
            Recording back = reader.readAll();
            assertEquals(original.labels(), back.labels());
            assertEquals(original.start(), back.start(), "sub-second start from the first TAL");
            for (int c = 0; c < 3; c++) {
                double halfStep = h.signals().get(c).gain() / 2;
                float[] a = original.samples()[c];
                float[] b = back.samples()[c];
                assertEquals(a.length, b.length);
                double worst = 0;
                for (int i = 0; i < a.length; i++) {
                    worst = Math.max(worst, Math.abs(a[i] - b[i]));
                }
                // float rounding of the physical value adds at most one ulp of the largest magnitude.
                double ulp = Math.ulp(1300f);
                assertTrue(worst <= halfStep + ulp, "channel " + c + ": error " + worst + " > half step " + halfStep);
                assertTrue(h.signals().get(c).physicalMinimum() <= min(a));
                assertTrue(h.signals().get(c).physicalMaximum() >= max(a));
            }
            assertEquals(original.annotations().size(), back.annotations().size());
            for (int k = 0; k < original.annotations().size(); k++) {
                Annotation e = original.annotations().get(k);
                Annotation g = back.annotations().get(k);
                assertEquals(e.label(), g.label());
                assertEquals(e.onset(), g.onset(), 1e-6);
                assertEquals(e.duration(), g.duration(), 1e-6);
            }
            assertEquals("uV", h.signals().get(0).physicalDimension());
            assertEquals("degC", h.signals().get(2).physicalDimension());
        }
    }

    @Test
    void readsARangeOfOneChannelWithoutTheRest() throws Exception {
        Recording original = sample(5, 200, LocalDateTime.of(2020, 1, 1, 0, 0));
        Path file = dir.resolve("r.edf");
        EdfWriter.write(original, file, EdfVariant.EDF_PLUS_C);
        try (EdfReader reader = EdfReader.open(file)) {
            float[] all = reader.readAll().samples()[1];
            float[] part = reader.readSignal(1, 190, 420);
            for (int i = 0; i < part.length; i++) {
                assertEquals(all[190 + i], part[i], 0, "sample " + (190 + i));
            }
            assertThrows(IllegalArgumentException.class, () -> reader.readSignal(1, 900, 200));
        }
    }

    @Test
    void splitsLengthsThatAreNotWholeSecondsIntoExactRecords() throws Exception {
        // 1001 samples at 100 Hz = 7 x 11 x 13: records of 0.91 s (91 samples) fit exactly.
        float[][] x = new float[1][1001];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = i;
        }
        Recording r = new Recording(List.of(ChannelInfo.eeg("Cz", 100)), x, LocalDateTime.of(2020, 1, 1, 0, 0),
                List.of());
        Path file = dir.resolve("odd.edf");
        EdfWriter.write(r, file, EdfVariant.EDF_PLUS_C);
        Recording back = EdfReader.read(file);
        assertEquals(1001, back.samples()[0].length);
        assertEquals(100, back.samplingRate(), 1e-12);
    }

    @Test
    void refusesWhatEdfCannotHold() {
        float[][] x = {{1, Float.NaN}};
        Recording r = new Recording(List.of(ChannelInfo.eeg("Cz", 2)), x, LocalDateTime.of(2020, 1, 1, 0, 0),
                List.of());
        var e = assertThrows(IllegalArgumentException.class,
                () -> EdfWriter.write(r, dir.resolve("nan.edf"), EdfVariant.EDF_PLUS_C));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("nan.edf")));
        Recording longLabel = new Recording(List.of(ChannelInfo.eeg("A-very-long-label-x", 2)), new float[1][2],
                LocalDateTime.of(2020, 1, 1, 0, 0), List.of());
        assertThrows(IllegalArgumentException.class,
                () -> EdfWriter.write(longLabel, dir.resolve("l.edf"), EdfVariant.EDF_PLUS_C));
    }

    @Test
    void eightCharacterFieldsRoundOutwards() {
        assertEquals("-1234.57", EdfWriter.eightChars(dir, "x", -1234.5678, java.math.RoundingMode.FLOOR));
        assertEquals("1234.568", EdfWriter.eightChars(dir, "x", 1234.5671, java.math.RoundingMode.CEILING));
        assertEquals("0.000001", EdfWriter.eightChars(dir, "x", 1e-7, java.math.RoundingMode.CEILING));
        assertThrows(IllegalArgumentException.class,
                () -> EdfWriter.eightChars(dir, "x", 1e9, java.math.RoundingMode.CEILING));
    }

    private static float min(float[] a) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static float max(float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
