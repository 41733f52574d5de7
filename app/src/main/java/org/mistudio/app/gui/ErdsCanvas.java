package org.mistudio.app.gui;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.mistudio.dsp.spectrum.ErdsMap;

/**
 * An ERD/ERS time-frequency map of one channel: time after the cue across, frequency up, power change in percent
 * of the baseline on a symmetric diverging scale (blue: desynchronisation, red: synchronisation) with its colour
 * bar; the cue and the baseline interval marked.
 */
final class ErdsCanvas {

    static final double LEFT = 48;
    static final double RIGHT = 86;
    static final double TOP = 36;
    static final double BOTTOM = 34;
    /** Frequencies above this are not drawn: the motor rhythms and their harmonics lie below. */
    static final double MAX_HZ = 40;

    private final Pane holder = new Pane();
    private final Canvas canvas = new Canvas();
    private ErdsMap map;
    private int channel;
    private String title = "";
    private double limit = 100;

    ErdsCanvas() {
        holder.getChildren().add(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        holder.setMinHeight(200);
    }

    Pane root() {
        return holder;
    }

    /** Shows one channel of a map on a colour scale of ±{@code colourLimit} percent (larger changes clipped). */
    void show(ErdsMap m, String channelLabel, String caption, double colourLimit) {
        this.map = m;
        this.channel = m.channels().indexOf(channelLabel);
        this.title = caption;
        this.limit = colourLimit;
        redraw();
    }

    /**
     * A colour scale for maps of one channel: the 95th percentile of |change| below {@link #MAX_HZ}, rounded up to
     * 10 %, at least 10 %. Single trials' spectra scatter widely (a periodogram bin has the spread of a chi-square
     * with 2 degrees of freedom), so the maximum would be set by noise and wash out the ERD; the few larger values
     * are drawn at the end of the scale.
     */
    static double colourLimit(List<ErdsMap> maps, String channelLabel) {
        List<Double> all = new java.util.ArrayList<>();
        for (ErdsMap m : maps) {
            int c = m.channels().indexOf(channelLabel);
            if (c < 0) {
                continue;
            }
            for (double[] row : m.percent()[c]) {
                for (int k = 0; k < row.length; k++) {
                    if (m.frequencies()[k] <= MAX_HZ && Double.isFinite(row[k])) {
                        all.add(Math.abs(row[k]));
                    }
                }
            }
        }
        if (all.isEmpty()) {
            return 10;
        }
        java.util.Collections.sort(all);
        double p95 = all.get((int) Math.floor(0.95 * (all.size() - 1)));
        return Math.max(10, Math.ceil(p95 / 10) * 10);
    }

    double limit() {
        return limit;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (map == null || channel < 0 || w <= LEFT + RIGHT || h <= TOP + BOTTOM) {
            return;
        }
        double[] t = map.times();
        double[] f = map.frequencies();
        int nf = 0;
        while (nf < f.length && f[nf] <= MAX_HZ) {
            nf++;
        }
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        double dt = t.length > 1 ? t[1] - t[0] : 1;
        double df = f.length > 1 ? f[1] - f[0] : 1;
        double t0 = t[0] - dt / 2;
        double t1 = t[t.length - 1] + dt / 2;
        double f0 = f[0] - df / 2;
        double f1 = f[nf - 1] + df / 2;
        double[][] v = map.percent()[channel];
        for (int i = 0; i < t.length; i++) {
            double x = LEFT + (t[i] - dt / 2 - t0) / (t1 - t0) * plotW;
            for (int k = 0; k < nf; k++) {
                double y = TOP + (f1 - (f[k] + df / 2)) / (f1 - f0) * plotH;
                g.setFill(Double.isFinite(v[i][k]) ? R2MapView.colour(v[i][k], limit) : Color.gray(0.85));
                g.fillRect(x, y, Math.ceil(plotW / t.length) + 1, Math.ceil(plotH / nf) + 1);
            }
        }
        g.setStroke(Color.gray(0.5));
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, plotW, plotH);
        // Cue at 0 s, baseline bracket above the plot.
        double xCue = LEFT + (0 - t0) / (t1 - t0) * plotW;
        g.setStroke(Color.BLACK);
        g.setLineDashes(5, 4);
        g.strokeLine(xCue, TOP, xCue, TOP + plotH);
        g.setLineDashes();
        double xb0 = LEFT + (map.baselineStart() - t0) / (t1 - t0) * plotW;
        double xb1 = LEFT + (map.baselineEnd() - t0) / (t1 - t0) * plotW;
        g.setFill(Color.gray(0.2));
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.CENTER);
        g.strokeLine(xb0, TOP - 4, xb1, TOP - 4);
        g.fillText("baseline", (xb0 + xb1) / 2, TOP - 5);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("cue", xCue + 3, TOP - 5);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, LEFT + plotW / 2, 2);
        g.setFont(Font.font(11));
        // Axes.
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double s = Math.ceil(t0); s <= t1; s += 1) {
            double x = LEFT + (s - t0) / (t1 - t0) * plotW;
            g.strokeLine(x, TOP + plotH, x, TOP + plotH + 3);
            g.fillText(String.format(Locale.ROOT, "%.0f", s), x, TOP + plotH + 4);
        }
        g.fillText("Time after the cue (s)", LEFT + plotW / 2, TOP + plotH + 18);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double hz = 0; hz <= f1; hz += 10) {
            if (hz < f0) {
                continue;
            }
            double y = TOP + (f1 - hz) / (f1 - f0) * plotH;
            g.strokeLine(LEFT - 3, y, LEFT, y);
            g.fillText(String.format(Locale.ROOT, "%.0f", hz), LEFT - 5, y);
        }
        g.save();
        g.translate(12, TOP + plotH / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("Frequency (Hz)", 0, 0);
        g.restore();
        // Colour bar.
        double bx = LEFT + plotW + 14;
        for (int i = 0; i < (int) plotH; i++) {
            g.setFill(R2MapView.colour(limit * (1 - 2.0 * i / plotH), limit));
            g.fillRect(bx, TOP + i, 14, 1.5);
        }
        g.setStroke(Color.gray(0.6));
        g.strokeRect(bx, TOP, 14, plotH);
        g.setFill(Color.gray(0.15));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format(Locale.ROOT, "≥+%.0f %%", limit), bx + 17, TOP + 6);
        g.fillText("0 %", bx + 17, TOP + plotH / 2);
        g.fillText(String.format(Locale.ROOT, "≤−%.0f %%", limit), bx + 17, TOP + plotH - 6);
        g.setFont(Font.font(9));
        g.fillText("ERS", bx + 17, TOP + 20);
        g.fillText("ERD", bx + 17, TOP + plotH - 20);
    }

    Canvas canvas() {
        return canvas;
    }
}
