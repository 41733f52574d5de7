package org.mistudio.dsp.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to analyse a motor-imagery recording.
 *
 * @param classes    annotation label to class name, in class order (the first two are contrasted)
 * @param tmin       analysis window start after the cue, seconds
 * @param tmax       analysis window end after the cue, seconds
 * @param segmentSeconds Welch segment length (1 s gives 1 Hz resolution, HappyFeat's default)
 * @param bands      bands to report
 */
public record AnalysisSettings(Map<String, String> classes, double tmin, double tmax, double segmentSeconds,
                               List<Band> bands) {

    public AnalysisSettings {
        classes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        bands = List.copyOf(bands);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("analysis: no classes");
        }
        if (!(tmax - tmin >= segmentSeconds)) {
            throw new IllegalArgumentException("analysis: the window " + tmin + "-" + tmax
                    + " s is shorter than one Welch segment of " + segmentSeconds + " s");
        }
    }

    /**
     * Left versus right hand from 0.5 to 3.5 s after the cue: the imagery period of the Graz paradigm without the
     * visual evoked response to the cue and the end of imagery.
     */
    public static AnalysisSettings leftRight() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("left_hand", "left_hand");
        m.put("right_hand", "right_hand");
        return new AnalysisSettings(m, 0.5, 3.5, 1.0, List.of(Band.MU, Band.BETA));
    }

    public AnalysisSettings withClasses(Map<String, String> newClasses) {
        return new AnalysisSettings(newClasses, tmin, tmax, segmentSeconds, bands);
    }

    /** The distinct class names in order of first appearance. */
    public List<String> classNames() {
        return classes.values().stream().distinct().toList();
    }
}
