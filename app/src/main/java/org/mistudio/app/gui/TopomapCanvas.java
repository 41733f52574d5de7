package org.mistudio.app.gui;

import java.util.Locale;
import java.util.Set;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.mistudio.dsp.features.Topography;

/**
 * A head seen from above (nose up, left ear left): the interpolated values of a {@link Topography} in the head
 * circle, the electrodes as dots with their labels, on the same diverging scale as the R² map, with an optional
 * colour bar naming the unit. Or, in electrode mode, only the electrodes, the marked ones in red.
 */
final class TopomapCanvas extends Canvas {

    private static final double CAPTION = 18;
    private static final double LEGEND = 26;
    private static final Color MARKED = Color.web("#d55e00");

    private Topography topography;
    private double limit = 1;
    private String caption = "";
    private String unit;
    private boolean labels = true;
    private Set<String> marked;

    TopomapCanvas(double size) {
        super(size, size);
    }

    /** Draw a colour bar under the head, its ends labelled ±limit in {@code unitText}; null for none. */
    void setLegend(String unitText) {
        this.unit = unitText;
    }

    /** Whether electrode labels are written (small heads have no room for them). */
    void setLabels(boolean on) {
        this.labels = on;
    }

    void show(Topography t, double colourLimit, String text) {
        this.topography = t;
        this.limit = colourLimit;
        this.caption = text;
        this.marked = null;
        redraw();
    }

    /** Electrodes only; those in {@code markedChannels} in red, larger, with their label in bold. */
    void showElectrodes(Topography t, Set<String> markedChannels, String text) {
        this.topography = t;
        this.marked = Set.copyOf(markedChannels);
        this.caption = text;
        redraw();
    }

    /** Canvas coordinates of a head-plane point (unit circle = the 90-degree circle through Fpz, T7, Oz, T8). */
    double[] toCanvas(double x, double y) {
        double r = radius();
        return new double[] {getWidth() / 2 + x * r, centreY() - y * r};
    }

    private double bottomSpace() {
        return CAPTION + (unit != null && marked == null ? LEGEND : 0);
    }

    private double radius() {
        return Math.min(getWidth(), getHeight() - bottomSpace()) / 2 * 0.82;
    }

    private double centreY() {
        return (getHeight() - bottomSpace()) / 2 + 4;
    }

    private void redraw() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        if (topography == null) {
            return;
        }
        double r = radius();
        double cx = getWidth() / 2;
        double cy = centreY();
        if (marked == null) {
            double[][] grid = topography.grid();
            int n = grid.length;
            double cell = 2 * r / n;
            for (int row = 0; row < n; row++) {
                for (int col = 0; col < n; col++) {
                    double v = grid[row][col];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    g.setFill(R2MapView.colour(v, limit));
                    // Row 0 is y = -1 (the back of the head): drawn at the bottom.
                    g.fillRect(cx - r + col * cell, cy + r - (row + 1) * cell, Math.ceil(cell), Math.ceil(cell));
                }
            }
        }
        g.setStroke(Color.gray(0.25));
        g.setLineWidth(1.5);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        // Nose and ears.
        g.strokePolyline(new double[] {cx - 0.1 * r, cx, cx + 0.1 * r},
                new double[] {cy - 0.995 * r, cy - 1.1 * r, cy - 0.995 * r}, 3);
        g.strokeArc(cx - 1.07 * r, cy - 0.15 * r, 0.14 * r, 0.3 * r, 90, 180, javafx.scene.shape.ArcType.OPEN);
        g.strokeArc(cx + 0.93 * r, cy - 0.15 * r, 0.14 * r, 0.3 * r, 270, 180, javafx.scene.shape.ArcType.OPEN);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int c = 0; c < topography.channels().size(); c++) {
            double[] p = toCanvas(topography.x()[c], topography.y()[c]);
            String label = topography.channels().get(c);
            boolean bad = marked != null && marked.contains(label);
            double d = bad ? 9 : 4;
            g.setFill(bad ? MARKED : Color.BLACK);
            g.fillOval(p[0] - d / 2, p[1] - d / 2, d, d);
            if (labels || bad) {
                g.setFont(bad ? Font.font(null, javafx.scene.text.FontWeight.BOLD, 11) : Font.font(9));
                g.setFill(bad ? MARKED : Color.gray(0.2));
                g.fillText(label, p[0], p[1] + d / 2);
            }
        }
        double y = getHeight() - bottomSpace();
        if (unit != null && marked == null) {
            // Colour bar: -limit .. +limit left to right.
            double w = Math.min(getWidth() * 0.7, 200);
            double x0 = cx - w / 2;
            for (int i = 0; i < (int) w; i++) {
                g.setFill(R2MapView.colour(limit * (2.0 * i / w - 1), limit));
                g.fillRect(x0 + i, y + 2, 1.5, 9);
            }
            g.setStroke(Color.gray(0.6));
            g.setLineWidth(1);
            g.strokeRect(x0, y + 2, w, 9);
            g.setFont(Font.font(9));
            g.setFill(Color.gray(0.15));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(String.format(Locale.ROOT, "%+.2g", -limit), x0, y + 12);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("0 " + unit, cx, y + 12);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(String.format(Locale.ROOT, "%+.2g", limit), x0 + w, y + 12);
            y += LEGEND;
        }
        g.setFont(Font.font(11));
        g.setFill(Color.gray(0.15));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(caption, cx, getHeight() - 2);
    }
}
