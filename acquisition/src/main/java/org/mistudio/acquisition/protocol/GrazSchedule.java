package org.mistudio.acquisition.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The stimulations of one Graz session in time order, relative to the experiment start, as OpenViBE's
 * {@code motor-imagery-bci-graz-stimulator.lua} sends them: experiment start; baseline start + beep; baseline stop +
 * beep; per trial start of trial + cross on screen, beep, cue, continuous feedback, end of trial, random rest;
 * experiment stop. The trial order is {@code trialsPerClass} cues of each class shuffled with a seeded Fisher-Yates
 * shuffle (OpenViBE swaps random pairs instead; both give a random order with equal counts).
 *
 * @param events the stimulations, by time
 * @param cues   the cue of every trial, in order
 */
public record GrazSchedule(List<Event> events, List<Stimulation> cues) {

    /** One stimulation at {@code time} seconds after the experiment start. */
    public record Event(double time, Stimulation stimulation, int trial) {
    }

    public GrazSchedule {
        events = List.copyOf(events);
        cues = List.copyOf(cues);
    }

    public static GrazSchedule of(GrazTiming timing, List<Stimulation> classes, int trialsPerClass, long seed) {
        if (classes.isEmpty() || classes.stream().anyMatch(c -> !c.isCue())) {
            throw new IllegalArgumentException("Graz schedule: classes must be cues (left_hand, right_hand, feet, "
                    + "tongue), got " + classes);
        }
        if (trialsPerClass < 1) {
            throw new IllegalArgumentException("Graz schedule: need at least 1 trial per class, got " + trialsPerClass);
        }
        Random random = new Random(seed);
        List<Stimulation> order = new ArrayList<>();
        for (Stimulation c : classes) {
            for (int i = 0; i < trialsPerClass; i++) {
                order.add(c);
            }
        }
        Collections.shuffle(order, random);
        List<Event> ev = new ArrayList<>();
        double t = 0;
        ev.add(new Event(t, Stimulation.EXPERIMENT_START, -1));
        if (timing.baseline() > 0) {
            t += timing.experimentLead();
            ev.add(new Event(t, Stimulation.BASELINE_START, -1));
            ev.add(new Event(t, Stimulation.BEEP, -1));
            t += timing.baseline();
            ev.add(new Event(t, Stimulation.BASELINE_STOP, -1));
            ev.add(new Event(t, Stimulation.BEEP, -1));
            t += timing.postBaseline();
        } else {
            t += timing.experimentLead() + timing.postBaseline();
        }
        for (int k = 0; k < order.size(); k++) {
            ev.add(new Event(t, Stimulation.TRIAL_START, k));
            ev.add(new Event(t, Stimulation.CROSS_ON_SCREEN, k));
            t += timing.waitForBeep();
            ev.add(new Event(t, Stimulation.BEEP, k));
            t += timing.waitForCue();
            ev.add(new Event(t, order.get(k), k));
            t += timing.displayCue();
            ev.add(new Event(t, Stimulation.FEEDBACK_CONTINUOUS, k));
            t += timing.feedback();
            ev.add(new Event(t, Stimulation.END_OF_TRIAL, k));
            t += timing.endOfTrialMin() + (timing.endOfTrialMax() - timing.endOfTrialMin()) * random.nextDouble();
        }
        ev.add(new Event(t, Stimulation.EXPERIMENT_STOP, -1));
        return new GrazSchedule(ev, order);
    }

    /** Time of the last stimulation (experiment stop). */
    public double duration() {
        return events.get(events.size() - 1).time();
    }

    public int trialCount() {
        return cues.size();
    }
}
