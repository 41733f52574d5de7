package org.mistudio.acquisition.montage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 10-05 electrode system (Oostenveld and Praamstra 2001, Clin Neurophysiol 112:713-719) constructed on a
 * unit sphere, the idealised head that spherical-spline interpolation (Perrin et al. 1989) and topographic maps
 * assume.
 *
 * <p>Construction, following the system's definition in percentages of the reference arcs:
 * <ul>
 *   <li>The sagittal arc Nz-Cz-Iz is 180 degrees; a row at p percent from the nasion has its midline electrode
 *       at 1.8 p degrees along it (Fpz 10 %, Fz 30 %, Cz 50 %, Pz 70 %, Oz 90 %, half rows such as FCC at 45 %).</li>
 *   <li>The circumference through Fpz, T7, Oz lies 10 % (18 degrees) above the nasion-inion plane; the
 *       electrode of column 7 of a row at p percent lies on it at an azimuth of 1.8 p degrees from the front
 *       (Fp1 18, F7 54, T7 90, P7 126, O1 162 degrees). Column 9 lies below it on the nasion-inion plane itself
 *       and column 9h halfway between (the 5 % level).</li>
 *   <li>Columns 1, 3, 5 divide the arc from the midline electrode to column 7 (the circle through the row's two
 *       column-7 electrodes and its midline electrode) into quarters; the 10-5 columns 1h, 3h, 5h, 7h lie on
 *       the odd eighths, "nh" lying between columns n-2 and n. Odd numbers are left, even numbers right.</li>
 *   <li>The rows Fp, O (10 % level), NFp, OI (5 %) and N, I (0 %) have their lateral electrodes on those
 *       circles: column 1 at the azimuth of Fp1 or O1, column 1h halfway to the midline.</li>
 *   <li>In columns 7 to 10 a row's letter C becomes T (FT7, T7, TP7, FTT7h, TTP9h), as the 10-10 names do.</li>
 * </ul>
 * The older 10-20 names T3, T4, T5, T6 are aliases of T7, T8, P7, P8. A1/A2 (ear lobes) and M1/M2 (mastoids)
 * are placed below T9/T10 as approximations; they are references, rarely interpolated.
 */
final class StandardPositions {

    private StandardPositions() {
    }

    private static final String[] FULL_ROWS = {"AF", "F", "FC", "C", "CP", "P", "PO"};
    private static final int[] FULL_ROW_PERCENT = {20, 30, 40, 50, 60, 70, 80};
    private static final String[] HALF_ROWS = {"AFp", "AFF", "FFC", "FCC", "CCP", "CPP", "PPO", "POO"};
    private static final int[] HALF_ROW_PERCENT = {15, 25, 35, 45, 55, 65, 75, 85};

    static Map<String, Position> build() {
        Map<String, Position> out = new LinkedHashMap<>();
        for (int i = 0; i < FULL_ROWS.length; i++) {
            addArcRow(out, FULL_ROWS[i], FULL_ROW_PERCENT[i]);
        }
        for (int i = 0; i < HALF_ROWS.length; i++) {
            addArcRow(out, HALF_ROWS[i], HALF_ROW_PERCENT[i]);
        }
        addRingRow(out, "Fp", 10);
        addRingRow(out, "O", 90);
        addRingRow(out, "NFp", 5);
        addRingRow(out, "OI", 95);
        addRingRow(out, "N", 0);
        addRingRow(out, "I", 100);

        out.put("T3", out.get("T7"));
        out.put("T4", out.get("T8"));
        out.put("T5", out.get("P7"));
        out.put("T6", out.get("P8"));
        Position a1 = spherical(100, 90);
        Position m1 = spherical(110, 105);
        out.put("A1", a1);
        out.put("A2", a1.mirrored());
        out.put("M1", m1);
        out.put("M2", m1.mirrored());
        return out;
    }

    /** A point on the unit sphere: polar angle from the vertex, azimuth from the nose towards the left ear. */
    static Position spherical(double polarDeg, double azimuthDeg) {
        double t = Math.toRadians(polarDeg);
        double a = Math.toRadians(azimuthDeg);
        return new Position(-StrictMath.sin(t) * StrictMath.sin(a), StrictMath.sin(t) * StrictMath.cos(a), StrictMath.cos(t));
    }

    private static Position midline(double percent) {
        double g = Math.toRadians(90 - 1.8 * percent);
        return new Position(0, StrictMath.sin(g), StrictMath.cos(g));
    }

    /** A point on the circle at {@code levelPercent} above the nasion-inion plane (10 % = 18 degrees). */
    private static Position level(double levelPercent, double azimuthDeg) {
        return spherical(90 - 1.8 * levelPercent, azimuthDeg);
    }

    private static void addArcRow(Map<String, Position> out, String row, int percent) {
        Position mid = midline(percent);
        Position left7 = level(10, 1.8 * percent);
        Position right7 = left7.mirrored();
        // The row's circle: the plane through both column-7 electrodes and the midline electrode.
        Position normal = left7.minus(mid).cross(right7.minus(mid)).normalized();
        Position centre = normal.times(normal.dot(mid));
        double radius = mid.minus(centre).norm();
        Position u = mid.minus(centre).times(1 / radius);
        Position w = normal.cross(u);
        Position l = left7.minus(centre);
        double arc = StrictMath.atan2(l.dot(w), l.dot(u));

        out.put(row + "z", mid);
        String[] odd = {"1h", "1", "3h", "3", "5h", "5", "7h", "7"};
        String[] even = {"2h", "2", "4h", "4", "6h", "6", "8h", "8"};
        for (int k = 0; k < odd.length; k++) {
            double f = (k + 1) / 8.0 * arc;
            Position p = centre.plus(u.times(radius * StrictMath.cos(f))).plus(w.times(radius * StrictMath.sin(f)));
            boolean temporal = k >= 6;
            put(out, row, odd[k], even[k], p, temporal);
        }
        put(out, row, "9h", "10h", level(5, 1.8 * percent), true);
        put(out, row, "9", "10", level(0, 1.8 * percent), true);
    }

    private static void addRingRow(Map<String, Position> out, String row, int percent) {
        double lateralAzimuth = 18; // the azimuth of Fp1 (and, from the back, O1): 10 % of the half circumference
        double levelPercent = Math.min(percent, 100 - percent);
        boolean back = percent > 50;
        double front = back ? 180 : 0;
        out.put(row + "z", level(levelPercent, front));
        double sign = back ? -1 : 1;
        put(out, row, "1h", "2h", level(levelPercent, front + sign * lateralAzimuth / 2), false);
        put(out, row, "1", "2", level(levelPercent, front + sign * lateralAzimuth), false);
    }

    private static void put(Map<String, Position> out, String row, String oddColumn, String evenColumn,
                            Position left, boolean temporal) {
        String prefix = temporal ? row.replace('C', 'T') : row;
        out.put(prefix + oddColumn, left);
        out.put(prefix + evenColumn, left.mirrored());
    }
}
