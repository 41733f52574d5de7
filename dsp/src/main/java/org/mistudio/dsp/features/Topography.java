package org.mistudio.dsp.features;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.montage.Position;

/**
 * Data for a topographic map: one value per channel, the channels' positions projected onto the head plane, and
 * an interpolated grid. Projection: azimuthal equidistant from the vertex (as MNE's topomaps), scaled so that the
 * Fpz-T8-Oz-T7 circle (90 degrees from Cz) has radius 1. Interpolation: inverse-distance weighting (Shepard 1968,
 * power 2) inside the unit head circle, NaN outside; a simple, monotone stand-in for MNE's Clough-Tocher.
 *
 * @param x    projected x per channel (towards the right ear)
 * @param y    projected y per channel (towards the nose)
 * @param grid {@code [row][column]} values on a square grid over [-1, 1] x [-1, 1]; row 0 at y = -1
 */
public record Topography(List<String> channels, double[] values, double[] x, double[] y, double[] axis,
                         double[][] grid) {

    public Topography {
        channels = List.copyOf(channels);
    }

    /** Values of {@code channels} at one frequency of an r² map or a per-channel vector. */
    public static Topography of(List<String> channels, double[] values, Montage montage, int gridSize) {
        if (channels.size() != values.length) {
            throw new IllegalArgumentException("topography: " + channels.size() + " channels but " + values.length
                    + " values");
        }
        if (gridSize < 2) {
            throw new IllegalArgumentException("topography: grid size must be at least 2, got " + gridSize);
        }
        List<Position> pos = montage.positions(channels);
        int n = channels.size();
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            Position p = pos.get(i).normalized();
            double theta = Math.acos(Math.max(-1, Math.min(1, p.z()))); // angle from the vertex
            double r = theta / (Math.PI / 2);
            double h = Math.hypot(p.x(), p.y());
            px[i] = h == 0 ? 0 : r * p.x() / h;
            py[i] = h == 0 ? 0 : r * p.y() / h;
        }
        double[] axis = new double[gridSize];
        for (int i = 0; i < gridSize; i++) {
            axis[i] = -1 + 2.0 * i / (gridSize - 1);
        }
        double[][] grid = new double[gridSize][gridSize];
        for (int row = 0; row < gridSize; row++) {
            for (int col = 0; col < gridSize; col++) {
                double gx = axis[col];
                double gy = axis[row];
                if (gx * gx + gy * gy > 1 + 1e-12) {
                    grid[row][col] = Double.NaN;
                    continue;
                }
                double num = 0;
                double den = 0;
                double exact = Double.NaN;
                for (int i = 0; i < n; i++) {
                    double d2 = (gx - px[i]) * (gx - px[i]) + (gy - py[i]) * (gy - py[i]);
                    if (d2 < 1e-18) {
                        exact = values[i];
                        break;
                    }
                    num += values[i] / d2;
                    den += 1 / d2;
                }
                grid[row][col] = Double.isNaN(exact) ? num / den : exact;
            }
        }
        return new Topography(new ArrayList<>(channels), values.clone(), px, py, axis, grid);
    }

    /** The r² map's values at {@code hz}. */
    public static Topography of(R2Map map, double hz, Montage montage, int gridSize) {
        double[][] v = map.values();
        double[] f = map.frequencies();
        int k = FeatureSelection.binsIn(f, hz, hz)[0];
        double[] at = new double[v.length];
        for (int c = 0; c < v.length; c++) {
            at[c] = v[c][k];
        }
        return of(map.channels(), at, montage, gridSize);
    }
}
