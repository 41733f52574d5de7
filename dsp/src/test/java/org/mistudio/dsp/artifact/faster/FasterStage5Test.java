package org.mistudio.dsp.artifact.faster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Stage 5 (subjects) and the final average reference, on cases whose answers are known in closed form. */
class FasterStage5Test {

    /**
     * Ten subjects' averages: 2 EEG rows and 1 EOG row of 4 samples. Subjects 0-8 have EEG rows (0, 1, 0, -1)
     * (amplitude range 2, variance 0.5, mean 0) and EOG (0, 1, 0, 0); subject 9 has EEG rows (0, 10, 0, -10) and
     * EOG (0, 50, 0, 0). Each metric is then 9 equal values and one larger: z = (v9 - m) / sd with sd over the ten
     * = |v9 - v| * 3 / 10 and v9 - m = 0.9 |v9 - v|, so z = 3 exactly for subject 9 and -1/3 for the others, and the
     * threshold 2.9 flags subject 9 on range, variance and EOG; deviation (every row mean is 0) flags nobody.
     */
    @Test
    void outlyingSubjectClosedForm() {
        List<float[][]> avgs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            float a = s == 9 ? 10 : 1;
            float e = s == 9 ? 50 : 1;
            avgs.add(new float[][] {{0, a, 0, -a}, {0, a, 0, -a}, {0, e, 0, 0}});
            names.add("S" + s);
        }
        FasterConfig cfg = FasterConfig.defaults().withThreshold(2.9);
        StageReport r = FasterStages.badSubjects(avgs, new int[] {0, 1}, new int[] {2}, names, cfg);
        assertEquals(List.of("S9"), r.badItems());
        for (MetricResult m : r.metrics()) {
            switch (m.metric()) {
                case "amplitude", "variance", "max_eog" -> {
                    assertEquals(3.0, m.zScores()[9], 1e-9, m.metric());
                    assertEquals(-1.0 / 3, m.zScores()[0], 1e-9, m.metric());
                    assertArrayEquals(new int[] {9}, m.bad(), m.metric());
                }
                case "deviation" -> assertArrayEquals(new int[0], m.bad());
                default -> throw new AssertionError(m.metric());
            }
        }
        assertEquals(20.0, r.metrics().get(0).values()[9], 1e-12, "amplitude range of subject 9");
        assertEquals(50.0, r.metrics().get(1).values()[9], 1e-12, "variance of subject 9: (0+100+0+100)/4");
    }

    @Test
    void averageReferenceZeroesTheMeanOverEeg() {
        float[][] trial = {{1, 2, 3}, {3, 2, 1}, {5, 5, 5}, {9, 9, 9}};
        float[][] before = trial.clone();
        Faster.averageReference(trial, new int[] {0, 1, 2});
        assertArrayEquals(new float[] {-2, -1, 0}, trial[0], 1e-6f);
        assertArrayEquals(new float[] {0, -1, -2}, trial[1], 1e-6f);
        assertArrayEquals(new float[] {2, 2, 2}, trial[2], 1e-6f);
        assertArrayEquals(new float[] {9, 9, 9}, trial[3], "non-EEG row untouched");
        assertArrayEquals(new float[] {1, 2, 3}, before[0], "input rows are not modified");
    }
}
