package org.mistudio.models.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CropsTest {

    @Test
    void windowsStartEveryStepWhileTheyFit() {
        float[][] trial = new float[2][10];
        for (int c = 0; c < 2; c++) {
            for (int t = 0; t < 10; t++) {
                trial[c][t] = 100 * c + t;
            }
        }
        float[][][] w = new PaperBenchmark.Crops(4, 3).of(trial);
        // starts 0, 3, 6 (6 + 4 = 10 fits; 9 + 4 does not)
        assertEquals(3, w.length);
        assertArrayEquals(new float[] {6, 7, 8, 9}, w[2][0]);
        assertArrayEquals(new float[] {103, 104, 105, 106}, w[1][1]);
        PaperBenchmark.Windows e = new PaperBenchmark.Crops(4, 3).expand(new float[][][] {trial, trial},
                new int[] {0, 1});
        assertEquals(6, e.x().length);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, e.y());
        assertThrows(IllegalArgumentException.class, () -> new PaperBenchmark.Crops(11, 1).of(trial));
    }
}
