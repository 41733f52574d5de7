package org.mistudio.models.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The benchmark's trials of EEGMMIDB S001, with and without FASTER. */
class SubjectDataTest {

    private static final Path DATA = Paths.get(System.getProperty("mistudio.shared", "../../shared"))
            .resolve("data/eegmmidb");

    @Test
    void fasterCleansTheNetworksTrialsAndKeepsTheSameTrialsForCsp() throws Exception {
        SubjectData plain = SubjectData.load(DATA, 1, false);
        SubjectData clean = SubjectData.load(DATA, 1, true);
        // PhysioNet's runs 4, 8 and 12 of S001 hold 45 left/right cues; 64 EEG channels, 4 s at 128 Hz
        assertEquals(45, plain.y().length);
        assertEquals(64, plain.networks()[0].length);
        assertEquals(512, plain.networks()[0][0].length);
        int n = clean.y().length;
        assertTrue(n >= 40 && n <= 45, "stage 2 rejects a few trials at most: " + n);
        assertEquals(n, clean.networks().length);
        assertEquals(n, clean.csp().length);
        // Every kept trial's CSP copy is the plain 8-30 Hz trial, in order, with its label.
        int j = 0;
        for (int i = 0; i < n; i++) {
            while (j < 45 && plain.csp()[j] != clean.csp()[i] && !java.util.Arrays.deepEquals(plain.csp()[j], clean.csp()[i])) {
                j++;
            }
            assertTrue(j < 45, "CSP trial " + i + " is one of the plain trials, in order");
            assertEquals(plain.y()[j], clean.y()[i]);
            j++;
        }
        // FASTER ends with an average reference: at every sample the channels sum to zero (not so before).
        double worstClean = 0;
        double plainSum = 0;
        for (int t = 0; t < 512; t++) {
            double sc = 0;
            double sp = 0;
            for (int c = 0; c < 64; c++) {
                sc += clean.networks()[0][c][t];
                sp += plain.networks()[0][c][t];
            }
            worstClean = Math.max(worstClean, Math.abs(sc));
            plainSum = Math.max(plainSum, Math.abs(sp));
        }
        assertTrue(worstClean < 1e-3 * plainSum, "channel sum " + worstClean + " vs " + plainSum + " before");
    }
}
