package org.mistudio.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.protocol.GrazSchedule;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;

/** The trial beep: the tone synthesised, and the session handing each trial's beep to its sink at the marker's time. */
class BeepTest {

    @Test
    void theToneIsA1kHzSineOf70msWithClickFreeFades() {
        short[] pcm = Tone.beep();
        double fs = Tone.SAMPLE_RATE;
        // duration: 70 ms at 44.1 kHz
        assertEquals(Math.round(0.070 * fs), pcm.length);
        // frequency by zero crossings: two per period
        int crossings = 0;
        for (int i = 1; i < pcm.length; i++) {
            if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
                crossings++;
            }
        }
        double hzByCrossings = crossings / 2.0 / (pcm.length / fs);
        assertEquals(1000, hzByCrossings, 20, "zero crossings " + crossings);
        // frequency by the DFT's peak, 10 Hz bins from 100 Hz to 5 kHz
        double bestHz = 0;
        double best = -1;
        for (double hz = 100; hz <= 5000; hz += 10) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < pcm.length; i++) {
                re += pcm[i] * Math.cos(2 * Math.PI * hz * i / fs);
                im += pcm[i] * Math.sin(2 * Math.PI * hz * i / fs);
            }
            double p = re * re + im * im;
            if (p > best) {
                best = p;
                bestHz = hz;
            }
        }
        assertEquals(1000, bestHz, 0.5);
        // envelope: half of full scale in the middle, rising from and falling to silence over 10 ms
        int ramp = (int) Math.round(Tone.FADE_S * fs);
        double full = 0.5 * Short.MAX_VALUE;
        assertEquals(full, peak(pcm, ramp, pcm.length - ramp), full * 0.01);
        assertEquals(0, pcm[0]);
        assertTrue(Math.abs(pcm[pcm.length - 1]) <= 1, "last sample " + pcm[pcm.length - 1]);
        double[] quarters = new double[4];
        for (int q = 0; q < 4; q++) {
            quarters[q] = peak(pcm, q * ramp / 4, (q + 1) * ramp / 4);
            double endQ = peak(pcm, pcm.length - (q + 1) * ramp / 4, pcm.length - q * ramp / 4);
            if (q < 3) {
                assertTrue(quarters[q] < full * 0.9 && endQ < full * 0.9, "quarter " + q + " of a fade near full level");
            }
        }
        for (int q = 1; q < 4; q++) {
            assertTrue(quarters[q] > quarters[q - 1], "the fade-in rises: " + java.util.Arrays.toString(quarters));
        }
        assertTrue(quarters[0] < full * 0.2, "the first 2.5 ms stay quiet: " + quarters[0]);
        // no click: no step between neighbouring samples larger than the steady sine's own (2 pi f A / fs)
        double maxStep = 2 * Math.PI * 1000 * full / fs;
        for (int i = 1; i < pcm.length; i++) {
            assertTrue(Math.abs(pcm[i] - pcm[i - 1]) <= maxStep * 1.01 + 1, "step at sample " + i);
        }
        for (int i = 1; i < 10; i++) { // and the first and last samples start from silence
            assertTrue(Math.abs(pcm[i]) < 0.02 * full && Math.abs(pcm[pcm.length - 1 - i]) < 0.02 * full,
                    "sample " + i + " from an end is loud");
        }
        // 16-bit little-endian
        byte[] b = Tone.bytes(pcm);
        int mid = pcm.length / 2;
        assertEquals(pcm[mid], (short) ((b[2 * mid] & 0xff) | (b[2 * mid + 1] << 8)));
        assertEquals(16, Tone.format().getSampleSizeInBits());
        assertTrue(!Tone.format().isBigEndian());
    }

    private static double peak(short[] pcm, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(pcm[i]));
        }
        return m;
    }

    @Test
    void aPlayerWithoutSoundSaysSoOnceAndNeverThrows() throws Exception {
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        try (TonePlayer p = new TonePlayer(notices::add)) {
            for (int i = 0; i < 3; i++) {
                p.beep(i, i); // returns at once, with or without a sound device
            }
        }
        // this machine may or may not have a sound device; without one, exactly one plain sentence
        assertTrue(notices.size() <= 1, notices.toString());
        for (String n : notices) {
            assertTrue(n.endsWith(TonePlayer.NO_AUDIO + ".") && !n.contains("Exception"), n);
        }
        System.err.println("tone player: " + (notices.isEmpty() ? "sound device found" : notices.get(0)));
    }

    @Test
    @Timeout(120)
    void theSessionBeepsOncePerTrialAtTheBeepMarkersTime(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LslConfig lsl = LslConfig.machine();
        GrazTiming timing = GrazTiming.openVibe().withoutBaseline();
        Path rec = dir.resolve("beep.edf");
        LiveConfig cfg = LiveConfig.defaults(lsl, "beep-patient-" + id).withOutletName("beep-" + id)
                .withTiming(timing).withTrials(2, 11).withRecord(rec);
        List<double[]> beeps = Collections.synchronizedList(new ArrayList<>()); // {time, trial}
        List<double[]> markers = Collections.synchronizedList(new ArrayList<>()); // beep stimulations, {time, trial}
        List<String> thread = Collections.synchronizedList(new ArrayList<>());
        LiveListener l = new LiveListener() {
            @Override
            public void stimulation(double time, Stimulation s, int trial) {
                if (s == Stimulation.BEEP) {
                    markers.add(new double[] {time, trial});
                }
            }
        };
        LiveSummary s;
        try (SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.EEGMMIDB_64, 160, 0.6,
                21, 400), "beep-patient-" + id, lsl, "beep-" + id, 8, false)) {
            s = new LiveSession(cfg, null, l).beep((time, trial) -> {
                beeps.add(new double[] {time, trial});
                thread.add(Thread.currentThread().getName());
            }).run();
        }
        assertEquals(4, s.trials().size());
        // once per trial, in order, at the times of the protocol's beep stimulations
        GrazSchedule schedule = GrazSchedule.of(timing, cfg.cues(), 2, 11);
        List<GrazSchedule.Event> due = schedule.events().stream().filter(e -> e.stimulation() == Stimulation.BEEP)
                .toList();
        assertEquals(4, due.size());
        assertEquals(4, beeps.size(), "beeps given");
        for (int k = 0; k < 4; k++) {
            assertEquals(k, (int) beeps.get(k)[1]);
            assertEquals(due.get(k).time(), beeps.get(k)[0], 1e-9);
            assertEquals(markers.get(k)[0], beeps.get(k)[0], 1e-9);
        }
        // the marker of each beep is in the recording at the same time
        List<Annotation> ann = EdfReader.read(rec).annotations().stream().filter(a -> a.label().equals("beep"))
                .toList();
        assertEquals(4, ann.size());
        for (int k = 0; k < 4; k++) {
            assertEquals(beeps.get(k)[0], ann.get(k).onset(), 1e-3);
        }
        // given on the session's own thread, as its marker goes out (the sink, not the session, plays it later)
        assertEquals(List.of(Thread.currentThread().getName()), thread.stream().distinct().toList());
    }
}
