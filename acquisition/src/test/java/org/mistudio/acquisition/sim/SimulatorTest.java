package org.mistudio.acquisition.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

class SimulatorTest {

    private static final SimulatorConfig SMALL = SimulatorConfig.defaults().withTrialsPerClass(6);

    @Test
    void sameSeedGivesTheSameSamplesAndAnotherSeedDoesNot() {
        Recording a = MotorImagerySimulator.simulate(SMALL).recording();
        Recording b = MotorImagerySimulator.simulate(SMALL).recording();
        Recording c = MotorImagerySimulator.simulate(SMALL.withSeed(7)).recording();
        for (int ch = 0; ch < a.channelCount(); ch++) {
            assertArrayEquals(a.samples()[ch], b.samples()[ch]);
        }
        assertEquals(a.annotations(), b.annotations());
        assertFalse(java.util.Arrays.equals(a.samples()[0], c.samples()[0]));
    }

    @Test
    void followsTheGrazTiming() {
        Recording r = MotorImagerySimulator.simulate(SMALL).recording();
        List<Annotation> cues = new ArrayList<>();
        List<Annotation> fixations = new ArrayList<>();
        for (Annotation a : r.annotations()) {
            (a.label().equals("fixation") ? fixations : cues).add(a);
        }
        assertEquals(12, cues.size());
        assertEquals(12, fixations.size());
        assertEquals(6, cues.stream().filter(a -> a.label().equals("left_hand")).count());
        assertEquals(6, cues.stream().filter(a -> a.label().equals("right_hand")).count());
        assertEquals(MotorImagerySimulator.LEAD_IN_SECONDS, fixations.get(0).onset(), 1e-12);
        for (int i = 0; i < cues.size(); i++) {
            assertEquals(2.0, cues.get(i).onset() - fixations.get(i).onset(), 1e-9, "fixation 2 s before the cue");
            assertEquals(4.0, cues.get(i).duration(), 0, "imagery lasts 4 s");
            if (i + 1 < cues.size()) {
                double rest = fixations.get(i + 1).onset() - cues.get(i).end();
                assertTrue(rest >= 1.5 && rest <= 3.5, "rest " + rest + " s outside 1.5-3.5 s");
            }
        }
        assertTrue(r.duration() >= cues.get(cues.size() - 1).end() + 1.5);
        assertEquals(0, r.duration() % 1.0, 0, "whole seconds");
    }

    @Test
    void defaultChannelsAreBciIv2aWithThreeEog() {
        Recording r = MotorImagerySimulator.simulate(SMALL).recording();
        assertEquals(25, r.channelCount());
        assertEquals(ChannelSets.BCI_IV_2A, r.selectType(ChannelType.EEG).labels());
        assertEquals(ChannelSets.EOG_3, r.selectType(ChannelType.EOG).labels());
        assertEquals(250, r.samplingRate(), 0);
        assertTrue(r.channels().stream().allMatch(c -> c.unit().equals("uV")));
        // Scalp EEG amplitudes: tens of microvolts.
        double sd = sd(r.channel("Cz"));
        assertTrue(sd > 5 && sd < 40, "Cz standard deviation " + sd + " uV");
    }

    @Test
    void flatAndNoisyChannelsAreWhatTheGroundTruthSays() {
        SimulatorConfig cfg = SMALL.withArtifacts(new ArtifactConfig(0, 0, 0, Optional.of("P1"), Optional.of("C6")));
        Simulation sim = MotorImagerySimulator.simulate(cfg);
        Recording r = sim.recording();
        assertEquals(0.0, sd(r.channel("P1")), 0);
        assertTrue(sd(r.channel("C6")) > 3 * sd(r.channel("C5")));
        assertEquals(List.of(ArtifactType.FLAT_CHANNEL, ArtifactType.NOISY_CHANNEL),
                sim.artifacts().stream().map(ArtifactEvent::type).sorted().toList());
    }

    @Test
    void blinksAppearOnEogAndFrontalChannelsWhereTheGroundTruthPutsThem() {
        SimulatorConfig cfg = SMALL.withArtifacts(new ArtifactConfig(20, 0, 0, Optional.empty(), Optional.empty()));
        Simulation sim = MotorImagerySimulator.simulate(cfg);
        Simulation clean = MotorImagerySimulator.simulate(SMALL.withArtifacts(ArtifactConfig.none()));
        List<ArtifactEvent> blinks = sim.artifacts();
        assertTrue(blinks.size() > 10, blinks.size() + " blinks");
        float[] eog = sim.recording().channel("EOG-central");
        for (ArtifactEvent b : blinks) {
            assertEquals(ArtifactType.BLINK, b.type());
            assertTrue(b.channels().contains("EOG-central"));
            assertTrue(b.channels().contains("Fz"), "Fz is the most frontal 2a channel: " + b.channels());
            assertFalse(b.channels().contains("Pz"), "blinks do not reach Pz: " + b.channels());
            int peak = (int) Math.round((b.onset() + b.duration() / 2) * 250);
            assertTrue(eog[peak] > 60, "EOG at the blink's peak: " + eog[peak] + " uV");
        }
        assertTrue(sd(sim.recording().channel("EOG-central")) > 2 * sd(clean.recording().channel("EOG-central")));
    }

    @Test
    void popsAndMuscleBurstsAreRecorded() {
        SimulatorConfig cfg = SMALL.withArtifacts(new ArtifactConfig(0, 6, 6, Optional.empty(), Optional.empty()));
        Simulation sim = MotorImagerySimulator.simulate(cfg);
        assertTrue(sim.artifacts().stream().anyMatch(a -> a.type() == ArtifactType.POP));
        for (ArtifactEvent a : sim.artifacts()) {
            if (a.type() == ArtifactType.POP) {
                float[] x = sim.recording().channel(a.channels().get(0));
                int at = (int) Math.round(a.onset() * 250);
                // The step is 80-200 uV against a background of about 10 uV.
                assertTrue(Math.abs(x[at + 1] - x[at - 25]) > 40, "pop step on " + a.channels());
            } else {
                assertEquals(ArtifactType.MUSCLE, a.type());
                assertTrue(a.channels().contains("C5") || a.channels().contains("C6"), a.channels().toString());
            }
        }
    }

    @Test
    void rejectsImpossibleConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> SMALL.withErdStrength(1.0));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withTrialsPerClass(0));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withSamplingRate(32));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withClasses(List.of(MiClass.FEET, MiClass.FEET)));
        var e = assertThrows(IllegalArgumentException.class,
                () -> MotorImagerySimulator.simulate(SMALL.withChannels(List.of("C3", "XY7"))));
        assertTrue(e.getMessage().contains("XY7"), e.getMessage());
    }

    static double sd(float[] x) {
        double m = 0;
        for (float v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (float v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }
}
