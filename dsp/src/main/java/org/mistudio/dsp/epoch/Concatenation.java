package org.mistudio.dsp.epoch;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/**
 * Joins runs end to end as MNE-Python's {@code concatenate_raws}: annotations are shifted by the duration of the
 * runs before them, and at each joint a zero-length "BAD boundary" and "EDGE boundary" annotation is placed, so
 * that epochs across the joint are rejected ({@link Epocher#apply(Recording, boolean)}). Filter the runs
 * before joining them (MNE's {@code skip_by_annotation='edge'} filters each run on its own).
 */
public final class Concatenation {

    /** The label MNE gives the joints. */
    public static final String BAD_BOUNDARY = "BAD boundary";
    public static final String EDGE_BOUNDARY = "EDGE boundary";

    private Concatenation() {
    }

    /** The runs joined in order; channel labels, types and sampling rate must agree. The first run's start time. */
    public static Recording concatenate(List<Recording> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("concatenate: no run given");
        }
        Recording first = runs.get(0);
        double fs = first.samplingRate();
        int total = 0;
        for (int r = 0; r < runs.size(); r++) {
            Recording run = runs.get(r);
            if (!run.labels().equals(first.labels())) {
                throw new IllegalArgumentException("concatenate: run " + (r + 1) + " has channels " + run.labels()
                        + " but run 1 has " + first.labels());
            }
            if (run.samplingRate() != fs) {
                throw new IllegalArgumentException("concatenate: run " + (r + 1) + " is at " + run.samplingRate()
                        + " Hz but run 1 is at " + fs + " Hz");
            }
            total += run.sampleCount();
        }
        int nc = first.channelCount();
        float[][] out = new float[nc][total];
        List<Annotation> annotations = new ArrayList<>();
        int offset = 0;
        for (int r = 0; r < runs.size(); r++) {
            Recording run = runs.get(r);
            double shift = offset / fs;
            if (r > 0) {
                annotations.add(new Annotation(shift, 0, BAD_BOUNDARY));
                annotations.add(new Annotation(shift, 0, EDGE_BOUNDARY));
            }
            for (Annotation a : run.annotations()) {
                annotations.add(new Annotation(a.onset() + shift, a.duration(), a.label()));
            }
            for (int c = 0; c < nc; c++) {
                System.arraycopy(run.samples()[c], 0, out[c], offset, run.sampleCount());
            }
            offset += run.sampleCount();
        }
        List<ChannelInfo> channels = first.channels();
        return new Recording(channels, out, first.start(), annotations);
    }
}
