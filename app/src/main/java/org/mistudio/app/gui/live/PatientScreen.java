package org.mistudio.app.gui.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.app.gui.live.SessionState.Phase;
import org.mistudio.app.gui.live.SessionState.Snapshot;

/**
 * What the patient sees, as in OpenViBE's Graz visualisation: a dark screen, the fixation cross, the arrow of the
 * cue, and during the feedback period a bar from the centre toward the side the decoder currently favours, as long
 * as its smoothed probability is above chance (full length at certainty). Calibration runs show no bar.
 */
final class PatientScreen extends Region {

    static final Color BACKGROUND = Color.BLACK;
    static final Color CROSS = Color.web("#e0e0e0");
    /** Okabe-Ito orange and sky blue: apart for colour-blind patients, and from each other. */
    static final Color ARROW = Color.web("#e69f00");
    static final Color BAR = Color.web("#56b4e9");
    private static final Color TRACK = Color.web("#3a3a3a");
    private static final Color TEXT = Color.web("#c8c8c8");

    private final Canvas canvas = new Canvas();
    private final List<Consumer<Snapshot>> drawn = new ArrayList<>();
    private Snapshot shown;

    PatientScreen() {
        getChildren().add(canvas);
        setMinSize(320, 240);
        setStyle("-fx-background-color: black;");
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw(shown);
        }
    }

    Canvas canvas() {
        return canvas;
    }

    /** The frame drawn last (null before the first). */
    Snapshot shown() {
        return shown;
    }

    /** Called on the UI thread after each frame is drawn (tests take pictures of the canvas there). */
    void addDrawListener(Consumer<Snapshot> l) {
        drawn.add(l);
    }

    /** Draws a frame. UI thread. */
    void draw(Snapshot s) {
        shown = s;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        double size = Math.min(w, h);
        double cx = w / 2;
        double cy = h / 2;
        Phase phase = s == null ? Phase.IDLE : s.phase();
        if (s != null && s.trial() >= 0) {
            g.setFill(TEXT);
            g.setFont(Font.font(Math.max(12, size / 40)));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(s.totalTrials() > 0 ? String.format(Locale.ROOT, "Trial %d of %d", s.trial() + 1,
                    s.totalTrials()) : "Trial " + (s.trial() + 1), size / 40, size / 40);
        }
        switch (phase) {
            case IDLE -> message(g, cx, cy, size, "Waiting for the session to start");
            case GET_READY -> message(g, cx, cy, size, "Get ready");
            case BASELINE -> message(g, cx, cy, size, "Relax and look at the screen");
            case FIXATION -> cross(g, cx, cy, size);
            case CUE -> {
                arrow(g, cx, cy, size, s.cue());
                cross(g, cx, cy, size);
            }
            case FEEDBACK -> {
                if (!s.classNames().isEmpty()) {
                    bar(g, cx, cy, w, h, size, s);
                }
                cross(g, cx, cy, size);
            }
            case REST -> { }
            case FINISHED -> {
                long decided = s == null ? 0 : s.decided();
                message(g, cx, cy, size, decided == 0 ? "The session is over" : String.format(Locale.ROOT,
                        "The session is over: %d of %d trials decoded correctly", s.correct(), decided));
            }
            default -> { }
        }
        for (Consumer<Snapshot> l : drawn) {
            l.accept(s);
        }
    }

    private static void message(GraphicsContext g, double cx, double cy, double size, String text) {
        g.setFill(TEXT);
        g.setFont(Font.font(null, FontWeight.NORMAL, Math.max(14, size / 22)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, cx, cy);
    }

    private static void cross(GraphicsContext g, double cx, double cy, double size) {
        double arm = size * 0.12;
        double t = Math.max(2, size * 0.012);
        g.setFill(CROSS);
        g.fillRect(cx - arm, cy - t / 2, 2 * arm, t);
        g.fillRect(cx - t / 2, cy - arm, t, 2 * arm);
    }

    /** Unit direction of a cue on screen: left, right, feet down, tongue up. */
    static double[] direction(Stimulation cue) {
        return switch (cue) {
            case LEFT_HAND -> new double[] {-1, 0};
            case RIGHT_HAND -> new double[] {1, 0};
            case FEET -> new double[] {0, 1};
            case TONGUE -> new double[] {0, -1};
            default -> new double[] {0, 0};
        };
    }

    private static void arrow(GraphicsContext g, double cx, double cy, double size, Stimulation cue) {
        if (cue == null) {
            return;
        }
        double[] d = direction(cue);
        double[] n = {-d[1], d[0]};
        double shaft = size * 0.22;
        double half = size * 0.03;
        double head = size * 0.10;
        double headHalf = size * 0.08;
        double sx = cx + d[0] * shaft;
        double sy = cy + d[1] * shaft;
        g.setFill(ARROW);
        g.fillPolygon(new double[] {cx + n[0] * half, sx + n[0] * half, sx + n[0] * headHalf, sx + d[0] * head,
            sx - n[0] * headHalf, sx - n[0] * half, cx - n[0] * half},
            new double[] {cy + n[1] * half, sy + n[1] * half, sy + n[1] * headHalf, sy + d[1] * head,
                sy - n[1] * headHalf, sy - n[1] * half, cy - n[1] * half}, 7);
    }

    /** Bar length as a fraction of its track: 0 at chance (1/K), 1 at certainty. */
    static double barFraction(double[] smoothed, int best) {
        int k = smoothed.length;
        double chance = 1.0 / k;
        return Math.max(0, Math.min(1, (smoothed[best] - chance) / (1 - chance)));
    }

    private static void bar(GraphicsContext g, double cx, double cy, double w, double h, double size, Snapshot s) {
        double thick = size * 0.07;
        double along = 0.42;
        // The track: where the bar can go for each class the cues name.
        g.setStroke(TRACK);
        g.setLineWidth(2);
        for (Stimulation cue : s.directions().values()) {
            double[] d = direction(cue);
            double len = d[0] != 0 ? w * along : h * along;
            strokeBar(g, cx, cy, d, len, thick);
        }
        String decoded = s.decodedClass();
        Stimulation cue = decoded == null ? null : s.directions().get(decoded);
        if (cue == null) {
            return;
        }
        int best = s.classNames().indexOf(decoded);
        double[] d = direction(cue);
        double len = (d[0] != 0 ? w * along : h * along) * barFraction(s.smoothed(), best);
        g.setFill(BAR);
        double x0 = Math.min(cx, cx + d[0] * len) - (d[0] == 0 ? thick / 2 : 0);
        double y0 = Math.min(cy, cy + d[1] * len) - (d[1] == 0 ? thick / 2 : 0);
        g.fillRect(x0, y0, d[0] == 0 ? thick : len, d[1] == 0 ? thick : len);
    }

    private static void strokeBar(GraphicsContext g, double cx, double cy, double[] d, double len, double thick) {
        double x0 = Math.min(cx, cx + d[0] * len) - (d[0] == 0 ? thick / 2 : 0);
        double y0 = Math.min(cy, cy + d[1] * len) - (d[1] == 0 ? thick / 2 : 0);
        g.strokeRect(x0, y0, d[0] == 0 ? thick : len, d[1] == 0 ? thick : len);
    }
}
