package org.mistudio.acquisition.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Graz schedule against OpenViBE's stimulator script, step by step. */
class GrazScheduleTest {

    @Test
    void openVibeTimingAndCodes() {
        GrazTiming t = GrazTiming.openVibe();
        GrazSchedule s = GrazSchedule.of(t, List.of(Stimulation.LEFT_HAND, Stimulation.RIGHT_HAND), 20, 1);
        assertEquals(40, s.trialCount());
        assertEquals(20, s.cues().stream().filter(c -> c == Stimulation.LEFT_HAND).count());
        List<GrazSchedule.Event> e = s.events();
        assertEquals(Stimulation.EXPERIMENT_START, e.get(0).stimulation());
        assertEquals(0x8001, e.get(0).stimulation().code());
        assertEquals(5.0, e.get(1).time(), 0);
        assertEquals(Stimulation.BASELINE_START, e.get(1).stimulation());
        assertEquals(25.0, e.get(3).time(), 0);
        assertEquals(Stimulation.BASELINE_STOP, e.get(3).stimulation());
        // first trial at 30 s: 768 + 786, beep at +2, cue at +3, 781 at +4.25, 800 at +8
        assertEquals(30.0, e.get(5).time(), 0);
        assertEquals(768, e.get(5).stimulation().code());
        assertEquals(786, e.get(6).stimulation().code());
        assertEquals(32.0, e.get(7).time(), 0);
        assertEquals(0x8202, e.get(7).stimulation().code());
        assertEquals(33.0, e.get(8).time(), 0);
        assertTrue(e.get(8).stimulation().code() == 769 || e.get(8).stimulation().code() == 770);
        assertEquals(34.25, e.get(9).time(), 1e-12);
        assertEquals(781, e.get(9).stimulation().code());
        assertEquals(38.0, e.get(10).time(), 1e-12);
        assertEquals(800, e.get(10).stimulation().code());
        double rest = e.get(11).time() - 38.0;
        assertTrue(rest >= 1.5 && rest <= 3.5, "rest " + rest);
        assertEquals(Stimulation.EXPERIMENT_STOP, e.get(e.size() - 1).stimulation());
        // 40 trials of 8 s + rest in [1.5, 3.5]
        assertTrue(s.duration() >= 30 + 40 * 9.5 && s.duration() <= 30 + 40 * 11.5, "duration " + s.duration());
        for (int i = 1; i < e.size(); i++) {
            assertTrue(e.get(i).time() >= e.get(i - 1).time(), "in time order");
        }
        assertNotEquals(s.cues(), GrazSchedule.of(t, List.of(Stimulation.LEFT_HAND, Stimulation.RIGHT_HAND), 20, 2)
                .cues(), "another seed, another order");
        assertEquals(s, GrazSchedule.of(t, List.of(Stimulation.LEFT_HAND, Stimulation.RIGHT_HAND), 20, 1));
    }

    @Test
    void markersParseAsCodesOrLabels() {
        assertEquals(Stimulation.LEFT_HAND, Stimulation.parse("769").orElseThrow());
        assertEquals(Stimulation.RIGHT_HAND, Stimulation.parse("right_hand").orElseThrow());
        assertEquals(Stimulation.END_OF_TRIAL, Stimulation.parse(" 800").orElseThrow());
        assertEquals(781, Stimulation.FEEDBACK_CONTINUOUS.code());
        assertTrue(Stimulation.parse("T1").isEmpty());
    }
}
