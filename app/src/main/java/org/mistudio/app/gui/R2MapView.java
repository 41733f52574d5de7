package org.mistudio.app.gui;

import java.util.Locale;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.analysis.AnalysisSettings;
import org.mistudio.dsp.analysis.R2MapAnalysis;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.dsp.features.R2Map;
import org.mistudio.dsp.features.Topography;

/**
 * The signed R² map, channel by frequency, as HappyFeat shows it: red where the second class has more power, blue
 * where the first has, white where the classes do not differ; the colour scale is symmetric about zero and
 * labelled. Clicking a cell adds that feature ({@code channel;Hz}) to the selection.
 */
public final class R2MapView {

    static final double LEFT = 60;
    static final double BOTTOM = 34;
    static final double TOP = 8;
    static final double BAR = 70;

    private final BorderPane root = new BorderPane();
    private final Pane holder = new Pane();
    private final Canvas canvas = new Canvas();
    private final Label title = new Label("Signed R²: no recording analysed yet");
    private final Label info = new Label("Click a cell to add its feature.");
    private final ObservableList<String> selected;
    private java.util.function.Consumer<Cell> onSelect = c -> { };
    private final TopomapCanvas topomap = new TopomapCanvas(240);
    private R2Map map;
    private double limit = 1;

    /** A cell under the pointer: its channel, its frequency and its value. */
    public record Cell(String channel, double frequency, double r2) {
        /** The feature as the classify command writes it, e.g. {@code C4;13}. */
        public String feature() {
            return channel + ";" + (frequency == Math.rint(frequency) ? Long.toString((long) frequency)
                    : Double.toString(frequency));
        }
    }

    public R2MapView() {
        this(FXCollections.observableArrayList());
    }

    /** A map whose clicks add to {@code selectedFeatures} (shared with the training view). */
    public R2MapView(ObservableList<String> selectedFeatures) {
        this.selected = selectedFeatures;
        topomap.setLegend("r²");
        holder.getChildren().add(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        canvas.setOnMouseClicked(e -> select(e.getX(), e.getY()));
        canvas.setOnMouseMoved(e -> cellAt(e.getX(), e.getY()).ifPresent(c -> info.setText(describe(c))));
        title.setStyle("-fx-font-weight: bold;");
        ListView<String> list = new ListView<>(selected);
        list.setPrefWidth(160);
        VBox side = new VBox(6, new Label("Selected features"), list, new Label("Topography at the clicked frequency"),
                topomap);
        side.setPadding(new Insets(6));
        VBox top = new VBox(2, title, info);
        top.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(holder);
        root.setRight(side);
    }

    /** Told of every cell added by a click (or as the strongest). */
    public void setOnSelect(java.util.function.Consumer<Cell> listener) {
        this.onSelect = listener;
    }

    public Optional<R2Map> map() {
        return Optional.ofNullable(map);
    }

    public BorderPane root() {
        return root;
    }

    public ObservableList<String> selectedFeatures() {
        return selected;
    }

    /** Computes the map of a recording off the UI thread, then shows it. */
    public void computeFrom(Recording recording) {
        title.setText("Signed R²: computing…");
        Task<R2Map> task = new Task<>() {
            @Override
            protected R2Map call() {
                return R2MapAnalysis.run(recording, AnalysisSettings.leftRight());
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> title.setText("Signed R²: " + task.getException().getMessage()));
        Thread t = new Thread(task, "r2map");
        t.setDaemon(true);
        t.start();
    }

    public void show(R2Map r2) {
        this.map = r2;
        title.setText("Signed R² of PSD features, " + r2.second() + " versus " + r2.first() + " (red: more power in "
                + r2.second() + ")");
        redraw();
    }

    /** The cell at canvas coordinates, if any. */
    public Optional<Cell> cellAt(double x, double y) {
        if (map == null) {
            return Optional.empty();
        }
        double plotW = canvas.getWidth() - LEFT - BAR;
        double plotH = canvas.getHeight() - TOP - BOTTOM;
        int nf = map.frequencies().length;
        int nc = map.channels().size();
        int f = (int) Math.floor((x - LEFT) / (plotW / nf));
        int c = (int) Math.floor((y - TOP) / (plotH / nc));
        if (x < LEFT || y < TOP || f < 0 || f >= nf || c < 0 || c >= nc) {
            return Optional.empty();
        }
        return Optional.of(new Cell(map.channels().get(c), map.frequencies()[f], map.values()[c][f]));
    }

    /** Adds the feature under (x, y) to the selection (once). */
    public Optional<Cell> select(double x, double y) {
        Optional<Cell> cell = cellAt(x, y);
        cell.ifPresent(c -> {
            if (!selected.contains(c.feature())) {
                selected.add(c.feature());
            }
            info.setText(describe(c) + " — added");
            showTopography(c.frequency());
            onSelect.accept(c);
        });
        return cell;
    }

    /** Selects the cell with the largest |r²|, as a first suggestion (and for screenshots). */
    public Optional<Cell> selectStrongest() {
        if (map == null) {
            return Optional.empty();
        }
        R2Map.Cell best = map.ranked().get(0);
        Cell cell = new Cell(best.channel(), best.frequency(), best.r2());
        if (!selected.contains(cell.feature())) {
            selected.add(cell.feature());
        }
        info.setText(describe(cell) + " — strongest, added");
        showTopography(cell.frequency());
        onSelect.accept(cell);
        return Optional.of(cell);
    }

    /** The map's values at one frequency on the head (10-05 positions), on the map's colour scale. */
    void showTopography(double hz) {
        Topography t = Topography.of(map, hz, Montage.standard1005(), 64);
        topomap.show(t, limit, String.format(Locale.ROOT, "%s Hz", hz == Math.rint(hz) ? Long.toString((long) hz)
                : Double.toString(hz)));
    }

    TopomapCanvas topomap() {
        return topomap;
    }

    private static String describe(Cell c) {
        return String.format(Locale.ROOT, "%s at %s Hz: r² %+.3f", c.channel(), c.feature().split(";")[1], c.r2());
    }

    /** Diverging scale: blue (negative) through white to red (positive), |v| / limit clipped to 1. */
    static Color colour(double v, double limit) {
        double t = Math.max(-1, Math.min(1, v / limit));
        Color end = t >= 0 ? Color.web("#b2182b") : Color.web("#2166ac");
        return Color.WHITE.interpolate(end, Math.abs(t));
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (map == null || w <= LEFT + BAR || h <= TOP + BOTTOM) {
            return;
        }
        double plotW = w - LEFT - BAR;
        double plotH = h - TOP - BOTTOM;
        int nf = map.frequencies().length;
        int nc = map.channels().size();
        double cw = plotW / nf;
        double ch = plotH / nc;
        double limit = 0;
        for (double[] row : map.values()) {
            for (double v : row) {
                limit = Math.max(limit, Math.abs(v));
            }
        }
        limit = limit == 0 ? 1 : limit;
        this.limit = limit;
        for (int c = 0; c < nc; c++) {
            for (int f = 0; f < nf; f++) {
                g.setFill(colour(map.values()[c][f], limit));
                g.fillRect(LEFT + f * cw, TOP + c * ch, Math.ceil(cw), Math.ceil(ch));
            }
        }
        g.setStroke(Color.gray(0.6));
        g.strokeRect(LEFT, TOP, plotW, plotH);
        g.setFill(Color.gray(0.15));
        g.setFont(Font.font(Math.max(8, Math.min(12, ch * 0.9))));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int c = 0; c < nc; c++) {
            g.fillText(map.channels().get(c), LEFT - 5, TOP + (c + 0.5) * ch);
        }
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int f = 0; f < nf; f++) {
            double hz = map.frequencies()[f];
            if (hz % 5 == 0) {
                g.fillText(String.format(Locale.ROOT, "%.0f", hz), LEFT + (f + 0.5) * cw, TOP + plotH + 3);
            }
        }
        g.fillText("Frequency (Hz)", LEFT + plotW / 2, TOP + plotH + 18);
        // Colour bar with its scale.
        double bx = LEFT + plotW + 18;
        double bw = 14;
        for (int i = 0; i < (int) plotH; i++) {
            double v = limit * (1 - 2.0 * i / plotH);
            g.setFill(colour(v, limit));
            g.fillRect(bx, TOP + i, bw, 1.5);
        }
        g.setStroke(Color.gray(0.6));
        g.strokeRect(bx, TOP, bw, plotH);
        g.setFill(Color.gray(0.15));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "%+.2f", limit), bx + bw + 3, TOP + 6);
        g.fillText("0", bx + bw + 3, TOP + plotH / 2);
        g.fillText(String.format(Locale.ROOT, "%+.2f", -limit), bx + bw + 3, TOP + plotH - 6);
    }

    Canvas canvas() {
        return canvas;
    }
}
