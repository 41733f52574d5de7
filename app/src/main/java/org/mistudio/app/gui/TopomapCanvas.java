package org.mistudio.app.gui;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.mistudio.dsp.features.Topography;

/**
 * A head seen from above (nose up, left ear left): the interpolated values of a {@link Topography} in the head
 * circle, the electrodes as dots with their labels, on the same diverging scale as the R² map.
 */
final class TopomapCanvas extends Canvas {

    private Topography topography;
    private double limit = 1;
    private String caption = "";

    TopomapCanvas(double size) {
        super(size, size);
    }

    void show(Topography t, double colourLimit, String text) {
        this.topography = t;
        this.limit = colourLimit;
        this.caption = text;
        redraw();
    }

    /** Canvas coordinates of a head-plane point (unit circle = the 90-degree circle through Fpz, T7, Oz, T8). */
    double[] toCanvas(double x, double y) {
        double r = radius();
        return new double[] {getWidth() / 2 + x * r, centreY() - y * r};
    }

    private double radius() {
        return Math.min(getWidth(), getHeight() - 20) / 2 * 0.82;
    }

    private double centreY() {
        return (getHeight() - 20) / 2 + 4;
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
        g.setStroke(Color.gray(0.25));
        g.setLineWidth(1.5);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        // Nose and ears.
        g.strokePolyline(new double[] {cx - 0.1 * r, cx, cx + 0.1 * r},
                new double[] {cy - 0.995 * r, cy - 1.1 * r, cy - 0.995 * r}, 3);
        g.strokeArc(cx - 1.07 * r, cy - 0.15 * r, 0.14 * r, 0.3 * r, 90, 180, javafx.scene.shape.ArcType.OPEN);
        g.strokeArc(cx + 0.93 * r, cy - 0.15 * r, 0.14 * r, 0.3 * r, 270, 180, javafx.scene.shape.ArcType.OPEN);
        g.setFont(Font.font(9));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int c = 0; c < topography.channels().size(); c++) {
            double[] p = toCanvas(topography.x()[c], topography.y()[c]);
            g.setFill(Color.BLACK);
            g.fillOval(p[0] - 2, p[1] - 2, 4, 4);
            g.setFill(Color.gray(0.2));
            g.fillText(topography.channels().get(c), p[0], p[1] + 2);
        }
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(caption, cx, getHeight() - 2);
    }
}
