package org.mistudio.app.gui;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;

/**
 * A scrolling multi-channel trace viewer: channels stacked top to bottom, a time window that scrolls, a gain in
 * microvolts per channel spacing, annotations drawn as markers with their text. Long windows are drawn as the
 * minimum-maximum envelope of the samples under each pixel column, so no peak is lost to decimation.
 */
public final class SignalViewer {

    static final double LABEL_WIDTH = 90;
    static final double TIME_AXIS_HEIGHT = 24;
    /** A strip above the traces where annotation texts are written, so they never cover a trace. */
    static final double ANNOTATION_STRIP = 16;

    private final BorderPane root = new BorderPane();
    private final Pane canvasHolder = new Pane();
    private final Canvas canvas = new Canvas();
    private final ScrollBar time = new ScrollBar();
    private final Slider gain = new Slider(5, 500, 50);
    private final Spinner<Integer> window = new Spinner<>(1, 60, 10);
    private final Label status = new Label();
    private final javafx.scene.control.MenuButton channelMenu = new javafx.scene.control.MenuButton("Channels");
    private final java.util.Set<String> hidden = new java.util.HashSet<>();
    private Recording recording;
    private final java.util.Map<String, Color> colours = new java.util.HashMap<>();

    public SignalViewer() {
        canvasHolder.getChildren().add(canvas);
        canvas.widthProperty().bind(canvasHolder.widthProperty());
        canvas.heightProperty().bind(canvasHolder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        time.valueProperty().addListener(o -> redraw());
        gain.valueProperty().addListener(o -> redraw());
        window.valueProperty().addListener(o -> {
            updateScroll();
            redraw();
        });
        gain.setShowTickLabels(true);
        gain.setPrefWidth(220);
        window.setPrefWidth(80);
        HBox controls = new HBox(10, new Label("Window (s)"), window, new Label("Scale (µV per channel)"), gain,
                channelMenu, status);
        controls.setStyle("-fx-padding: 6; -fx-alignment: center-left;");
        root.setTop(controls);
        root.setCenter(canvasHolder);
        root.setBottom(time);
    }

    public BorderPane root() {
        return root;
    }

    public void show(Recording r) {
        this.recording = r;
        colours.clear();
        for (Annotation a : r.annotations()) {
            colours.computeIfAbsent(a.label(), k -> PALETTE.get(colours.size() % PALETTE.size()));
        }
        hidden.clear();
        rebuildChannelMenu();
        updateScroll();
        time.setValue(0);
        status.setText(String.format(Locale.ROOT, "%d channels, %.1f s", r.channelCount(), r.duration()));
        redraw();
    }

    /** Seconds at the left edge. */
    public void scrollTo(double seconds) {
        time.setValue(Math.max(time.getMin(), Math.min(time.getMax(), seconds)));
    }

    /** Shows only these channels (labels as in the recording), in the recording's order. */
    public void showChannels(java.util.Collection<String> labels) {
        hidden.clear();
        for (String l : recording.labels()) {
            if (!labels.contains(l)) {
                hidden.add(l);
            }
        }
        rebuildChannelMenu();
        redraw();
    }

    /** The channels drawn, top to bottom. */
    public List<String> visibleChannels() {
        return recording == null ? List.of()
                : recording.labels().stream().filter(l -> !hidden.contains(l)).toList();
    }

    private void rebuildChannelMenu() {
        channelMenu.getItems().clear();
        javafx.scene.control.MenuItem all = new javafx.scene.control.MenuItem("Show all");
        all.setOnAction(e -> showChannels(recording.labels()));
        javafx.scene.control.MenuItem eeg = new javafx.scene.control.MenuItem("EEG only");
        eeg.setOnAction(e -> showChannels(recording.selectType(
                org.mistudio.acquisition.model.ChannelType.EEG).labels()));
        channelMenu.getItems().addAll(all, eeg, new javafx.scene.control.SeparatorMenuItem());
        for (String l : recording.labels()) {
            javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(l);
            item.setSelected(!hidden.contains(l));
            item.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    hidden.remove(l);
                } else {
                    hidden.add(l);
                }
                redraw();
            });
            channelMenu.getItems().add(item);
        }
    }

    public void setGain(double microvolts) {
        gain.setValue(microvolts);
    }

    double windowSeconds() {
        return window.getValue();
    }

    private void updateScroll() {
        if (recording == null) {
            return;
        }
        double max = Math.max(0, recording.duration() - window.getValue());
        time.setMin(0);
        time.setMax(max);
        time.setVisibleAmount(Math.min(window.getValue(), recording.duration()));
        time.setBlockIncrement(window.getValue());
        time.setUnitIncrement(1);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (recording == null || w <= LABEL_WIDTH || h <= TIME_AXIS_HEIGHT) {
            return;
        }
        List<String> shown = visibleChannels();
        int channels = shown.size();
        if (channels == 0) {
            return;
        }
        double plotW = w - LABEL_WIDTH;
        double plotH = h - TIME_AXIS_HEIGHT;
        double spacing = (plotH - ANNOTATION_STRIP) / channels;
        double t0 = time.getValue();
        double t1 = t0 + window.getValue();
        double pxPerSecond = plotW / (t1 - t0);

        // Grid: one line a second.
        g.setStroke(Color.gray(0.9));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.3));
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (long s = (long) Math.ceil(t0); s <= t1; s++) {
            double x = LABEL_WIDTH + (s - t0) * pxPerSecond;
            g.strokeLine(x, 0, x, plotH);
            // The last label would be cut at the right edge: align it to the edge instead.
            boolean edge = x > w - 20;
            g.setTextAlign(edge ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(s + " s", edge ? w - 2 : x, plotH + 4);
        }

        // Annotations: a marker and its text; intervals shaded.
        for (Annotation a : recording.annotations()) {
            if (a.end() < t0 || a.onset() > t1) {
                continue;
            }
            double x0 = LABEL_WIDTH + Math.max(0, (a.onset() - t0) * pxPerSecond);
            double x1 = LABEL_WIDTH + Math.min(plotW, (a.end() - t0) * pxPerSecond);
            Color c = colours.getOrDefault(a.label(), Color.BLACK);
            g.setFill(c.deriveColor(0, 1, 1, 0.08));
            g.fillRect(x0, 0, Math.max(1, x1 - x0), plotH);
            if (a.onset() >= t0) {
                g.setStroke(c);
                g.setLineWidth(1.5);
                g.strokeLine(x0, 0, x0, plotH);
                g.setFill(c);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(a.label(), x0 + 3, 2);
            }
        }

        // Traces.
        double uvPerSpacing = gain.getValue();
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int row = 0; row < channels; row++) {
            int c = recording.indexOf(shown.get(row));
            double mid = ANNOTATION_STRIP + spacing * (row + 0.5);
            g.setFill(Color.gray(0.15));
            g.fillText(recording.channels().get(c).label(), LABEL_WIDTH - 6, mid);
            float[] x = recording.samples()[c];
            double fs = recording.channels().get(c).samplingRate();
            double scale = spacing / uvPerSpacing * volts(recording.channels().get(c).unit());
            int from = Math.max(0, (int) Math.floor(t0 * fs));
            int to = Math.min(x.length, (int) Math.ceil(t1 * fs) + 1);
            if (to - from < 2) {
                continue;
            }
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += x[i];
            }
            mean /= to - from;
            g.setStroke(Color.rgb(20, 60, 140));
            g.beginPath();
            double samplesPerPixel = fs / pxPerSecond;
            if (samplesPerPixel <= 2) {
                for (int i = from; i < to; i++) {
                    double px = LABEL_WIDTH + (i / fs - t0) * pxPerSecond;
                    double py = mid - (x[i] - mean) * scale;
                    if (i == from) {
                        g.moveTo(px, py);
                    } else {
                        g.lineTo(px, py);
                    }
                }
            } else {
                for (int col = 0; col < (int) plotW; col++) {
                    int a = from + (int) Math.floor(col * samplesPerPixel);
                    int b = Math.min(to, from + (int) Math.floor((col + 1) * samplesPerPixel));
                    if (a >= b) {
                        continue;
                    }
                    float lo = Float.POSITIVE_INFINITY;
                    float hi = Float.NEGATIVE_INFINITY;
                    for (int i = a; i < b; i++) {
                        lo = Math.min(lo, x[i]);
                        hi = Math.max(hi, x[i]);
                    }
                    double px = LABEL_WIDTH + col + 0.5;
                    g.moveTo(px, mid - (hi - mean) * scale);
                    g.lineTo(px, mid - (lo - mean) * scale);
                }
            }
            g.stroke();
        }
    }

    /** Scale factor from the channel's unit to microvolts (1 for unitless or unknown units). */
    private static double volts(String unit) {
        return org.mistudio.acquisition.model.PhysicalUnit.voltsPer(unit).map(v -> v * 1e6).orElse(1.0);
    }

    /** Annotation colours in order of first appearance: colour-blind-safe (Okabe and Ito 2008). */
    private static final List<Color> PALETTE = List.of(Color.web("#0072b2"), Color.web("#d55e00"),
            Color.web("#009e73"), Color.web("#cc79a7"), Color.web("#e69f00"), Color.web("#56b4e9"),
            Color.web("#000000"));

    Color colourOf(String label) {
        return colours.getOrDefault(label, Color.BLACK);
    }

    Canvas canvas() {
        return canvas;
    }
}
