package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;
import org.mistudio.app.live.Tone;
import org.mistudio.app.live.TonePlayer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code mistudio live} plays the trial beep unless {@code --no-beep}; without a sound device it says so once on
 * stderr, in words, and the session runs as usual (the beep markers are sent either way).
 */
@Timeout(120)
class LiveBeepCliTest {

    @Test
    void theBeepIsPlayedOrSaidMissingOnceAndNoBeepTurnsItOff() throws Exception {
        boolean sound;
        try {
            SourceDataLine l = AudioSystem.getSourceDataLine(Tone.format());
            l.open(Tone.format());
            l.close();
            sound = true;
        } catch (Exception e) {
            sound = false;
        }
        CliTest.Run beep = calibration(false);
        CliTest.Run quiet = calibration(true);
        assertEquals(0, beep.status(), beep.err());
        assertEquals(0, quiet.status(), quiet.err());
        int notes = 0;
        for (int i = beep.err().indexOf(TonePlayer.NO_AUDIO); i >= 0; i = beep.err().indexOf(TonePlayer.NO_AUDIO,
                i + 1)) {
            notes++;
        }
        assertEquals(sound ? 0 : 1, notes, beep.err());
        assertFalse(beep.err().contains("Exception") || beep.err().contains("\tat "), beep.err());
        assertFalse(quiet.err().contains(TonePlayer.NO_AUDIO), quiet.err());
        JsonNode a = Json.mapper().readTree(beep.out());
        JsonNode b = Json.mapper().readTree(quiet.out());
        assertEquals(2, a.get("trials").asInt());
        // the same protocol either way: 2 trials x 6 markers + experiment start and stop
        assertEquals(14, a.get("markers_sent").asInt(), beep.out());
        assertEquals(a.get("markers_sent"), b.get("markers_sent"));
    }

    private static CliTest.Run calibration(boolean noBeep) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        try (SimulatedPatient p = SimulatedPatient.start(new StreamingSimulator(ChannelSets.BCI_IV_2A, 250, 0.6, 3, 2),
                "beep-eeg-" + id, LslConfig.machine(), "beep-mk-" + id, 8, false)) {
            return noBeep
                    ? CliTest.run("live", "--calibration", "--stream", "beep-eeg-" + id, "--outlet", "beep-mk-" + id,
                            "--trials", "1", "--baseline", "0", "--time-scale", "0.5", "--json", "--scope", "machine",
                            "--no-beep")
                    : CliTest.run("live", "--calibration", "--stream", "beep-eeg-" + id, "--outlet", "beep-mk-" + id,
                            "--trials", "1", "--baseline", "0", "--time-scale", "0.5", "--json", "--scope", "machine");
        }
    }
}
