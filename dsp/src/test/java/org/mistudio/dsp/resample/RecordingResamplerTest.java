package org.mistudio.dsp.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

class RecordingResamplerTest {

    private static final LocalDateTime START = LocalDateTime.of(2021, 3, 4, 5, 6, 7);

    private static float[] sine(int n, double fs, double hz) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (20 * Math.sin(2 * Math.PI * hz * i / fs));
        }
        return x;
    }

    @Test
    void resamplesEveryChannelAndKeepsEverythingElse() {
        List<Annotation> events = List.of(new Annotation(0.5, 4.1, "T1"), new Annotation(5.0, 4.2, "T2"));
        ChannelInfo c3 = ChannelInfo.eeg("C3..", 160);
        ChannelInfo misc = new ChannelInfo("Resp", ChannelType.MISC, "mV", 160);
        float[] a = sine(1600, 160, 6);
        float[] b = sine(1600, 160, 2);
        Recording r = new Recording(List.of(c3, misc), new float[][] {a, b}, START, events);
        Recording out = RecordingResampler.resample(r, 200);
        assertEquals(200.0, out.samplingRate());
        assertEquals(2000, out.sampleCount());
        assertEquals(r.duration(), out.duration(), 1e-12);
        assertEquals(List.of("C3..", "Resp"), out.labels());
        assertEquals(ChannelType.MISC, out.channels().get(1).type());
        assertEquals("mV", out.channels().get(1).unit());
        assertEquals("uV", out.channels().get(0).unit());
        assertEquals(START, out.start());
        assertEquals(events, out.annotations(), "onsets are in seconds and need no change");
        assertArrayEquals(new PolyphaseResampler(5, 4).resample(b), out.channel("Resp"));
        // Amplitude is not rescaled: the 6 Hz sine keeps its 20 uV amplitude at the new rate.
        float[] y = out.channel("C3..");
        for (int k = 200; k < 1800; k++) {
            assertEquals(20 * Math.sin(2 * Math.PI * 6 * k / 200.0), y[k], 0.05);
        }
    }

    @Test
    void channelsOfDifferentRatesEndUpAtTheTarget() {
        Recording r = new Recording(List.of(ChannelInfo.eeg("A", 512), ChannelInfo.eeg("B", 256)),
                new float[][] {sine(5120, 512, 3), sine(2560, 256, 3)}, START, List.of());
        assertTrue(!r.isUniformRate());
        Recording out = RecordingResampler.resample(r, 128);
        assertEquals(128.0, out.samplingRate());
        assertEquals(1280, out.channel("A").length);
        assertEquals(1280, out.channel("B").length);
        for (int k = 128; k < 1152; k++) {
            assertEquals(out.channel("A")[k], out.channel("B")[k], 0.05);
        }
    }

    @Test
    void sameRateIsACopy() {
        float[] a = sine(100, 160, 3);
        Recording r = new Recording(List.of(ChannelInfo.eeg("A", 160)), new float[][] {a}, START, List.of());
        assertArrayEquals(a, RecordingResampler.resample(r, 160).channel("A"));
    }

    @Test
    void rationalApproximation() {
        assertEquals(new RecordingResampler.Ratio(5, 4), RecordingResampler.ratio(200 / 160.0, 1000));
        assertEquals(new RecordingResampler.Ratio(1, 3), RecordingResampler.ratio(256 / 3.0 / 256, 1000));
        assertEquals(new RecordingResampler.Ratio(32, 125), RecordingResampler.ratio(128 / 500.0, 1000));
        assertEquals(new RecordingResampler.Ratio(8, 2205), RecordingResampler.ratio(160 / 44100.0, 5000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordingResampler.ratio(160 / 44100.0, 1000));
        assertTrue(e.getMessage().contains("down <= 1000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordingResampler.ratio(Math.PI, 1000));
        assertThrows(IllegalArgumentException.class, () -> RecordingResampler.ratio(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> RecordingResampler.ratio(1.5, 0));
    }

    @Test
    void unrepresentableOrInvalidTargetsAreRejectedClearly() {
        Recording r = new Recording(List.of(ChannelInfo.eeg("C3", 160)), new float[][] {sine(400, 160, 3)}, START,
                List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordingResampler.resample(r, 100 * Math.PI));
        assertTrue(e.getMessage().contains("channel 'C3'") && e.getMessage().contains("160.0 Hz"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RecordingResampler.resample(r, -200));
        assertTrue(e.getMessage().contains("target sampling rate"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordingResampler.resample(r, Double.NaN));
        // allowed with a larger bound on the denominator: 160 * 1571 / 1600 Hz
        assertEquals(157.1, RecordingResampler.resample(r, 157.1, 2000).samplingRate());
    }
}
