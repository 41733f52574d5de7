package org.mistudio.acquisition.montage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The 10-05 construction checked against the system's definition, in closed form. */
class MontageTest {

    private static final Montage M = Montage.standard1005();
    private static final double DEG = Math.PI / 180;

    private static Position p(String label) {
        return M.position(label).orElseThrow(() -> new AssertionError("no " + label));
    }

    private static void assertPosition(double x, double y, double z, Position actual) {
        assertEquals(x, actual.x(), 1e-12, "x of " + actual);
        assertEquals(y, actual.y(), 1e-12, "y of " + actual);
        assertEquals(z, actual.z(), 1e-12, "z of " + actual);
    }

    @Test
    void holdsThe345PositionsOfThe1005SystemPlusAliasesAndReferences() {
        // 345 positions (Oostenveld and Praamstra 2001) + T3, T4, T5, T6 + A1, A2, M1, M2.
        assertEquals(345 + 8, M.size());
        for (String label : M.labels()) {
            assertEquals(1.0, p(label).norm(), 1e-12, label);
        }
    }

    @Test
    void referencePointsLieWhereTheTenTwentyPercentagesPutThem() {
        double c18 = Math.cos(18 * DEG);
        double s18 = Math.sin(18 * DEG);
        assertPosition(0, 0, 1, p("Cz"));
        assertPosition(0, 1, 0, p("Nz"));
        assertPosition(0, -1, 0, p("Iz"));
        assertPosition(0, c18, s18, p("Fpz"));
        assertPosition(0, -c18, s18, p("Oz"));
        assertPosition(-c18, 0, s18, p("T7"));
        assertPosition(c18, 0, s18, p("T8"));
        // Fz is 20 % of the 180-degree nasion-inion arc in front of Cz.
        assertPosition(0, Math.sin(36 * DEG), Math.cos(36 * DEG), p("Fz"));
        // F7 is 30 % of the half circumference from Fpz: azimuth 54 degrees on the 10 % circle.
        assertPosition(-Math.sin(54 * DEG) * c18, Math.cos(54 * DEG) * c18, s18, p("F7"));
        // Fp1 at 18 degrees, O1 at 162 degrees.
        assertPosition(-Math.sin(18 * DEG) * c18, Math.cos(18 * DEG) * c18, s18, p("Fp1"));
        assertPosition(-Math.sin(162 * DEG) * c18, Math.cos(162 * DEG) * c18, s18, p("O1"));
        // T9 on the nasion-inion plane below T7.
        assertPosition(-1, 0, 0, p("T9"));
    }

    @Test
    void centralRowDividesTheCzToT7ArcIntoEighths() {
        // T7-Cz-T8 is a great circle; C1h, C1, C3h, C3, C5h, C5, T7h, T7 are 9 degrees apart.
        String[] row = {"Cz", "C1h", "C1", "C3h", "C3", "C5h", "C5", "T7h", "T7"};
        for (int i = 0; i < row.length; i++) {
            assertEquals(9.0 * i, p(row[i]).angle(p("Cz")) / DEG, 1e-9, row[i]);
            assertTrue(i == 0 || p(row[i]).x() < 0, row[i] + " is on the left");
        }
    }

    @Test
    void rowElectrodesAreEquallySpacedAlongTheirArc() {
        // F7, F5, F3, F1, Fz: equal arcs of one circle give equal chords.
        double d = p("F7").distance(p("F5"));
        assertEquals(d, p("F5").distance(p("F3")), 1e-12);
        assertEquals(d, p("F3").distance(p("F1")), 1e-12);
        assertEquals(d, p("F1").distance(p("Fz")), 1e-12);
        // The same for a half row: FCC5h lies halfway between FCC3h and FTT7h.
        assertEquals(p("FCC3h").distance(p("FCC5h")), p("FCC5h").distance(p("FTT7h")), 1e-12);
    }

    @Test
    void leftAndRightAreMirrorImages() {
        for (String[] pair : new String[][] {{"C3", "C4"}, {"FC5", "FC6"}, {"AFF1h", "AFF2h"}, {"PO9", "PO10"},
                {"TTP7h", "TTP8h"}, {"O1", "O2"}, {"I1", "I2"}, {"A1", "A2"}}) {
            Position l = p(pair[0]);
            Position r = p(pair[1]);
            assertEquals(-l.x(), r.x(), 1e-12, pair[0]);
            assertEquals(l.y(), r.y(), 1e-12, pair[0]);
            assertEquals(l.z(), r.z(), 1e-12, pair[0]);
            assertTrue(l.x() < 0, pair[0] + " is left");
        }
    }

    @Test
    void matchesLabelsCaseInsensitivelyAndIgnoresEegmmidbPadding() {
        assertEquals(p("C3"), p("C3.."));
        assertEquals(p("FCz"), p("Fcz."));
        assertEquals(p("FCz"), p("FCZ"));
        assertEquals(p("AFz"), p("Afz."));
        assertEquals(p("T10"), p("T10."));
        assertEquals(p("T7"), p("T3"));
        assertEquals(p("P8"), p("T6"));
        assertFalse(M.contains("EOG-left"));
    }

    @Test
    void namesEveryLabelItLacks() {
        var e = assertThrows(IllegalArgumentException.class, () -> M.positions(List.of("C3", "EOG1", "X9")));
        assertTrue(e.getMessage().contains("[EOG1, X9]"), e.getMessage());
    }

    @Test
    void rejectsTwoLabelsForTheSameChannel() {
        assertThrows(IllegalArgumentException.class,
                () -> new Montage("cap", java.util.Map.of("C3", new Position(0, 0, 1), "c3.", new Position(1, 0, 0))));
    }
}
