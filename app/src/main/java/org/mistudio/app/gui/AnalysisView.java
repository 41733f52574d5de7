package org.mistudio.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.app.Numbers;
import org.mistudio.dsp.analysis.AnalysisResult;
import org.mistudio.dsp.analysis.AnalysisSettings;
import org.mistudio.dsp.analysis.ClassBandPower;
import org.mistudio.dsp.analysis.MotorImageryAnalysis;

/**
 * The analysis screen: the class-mean spectra at C3 and C4 (HappyFeat's frequency profile), band power and signed
 * r² per channel, and the lateralisation verdict. It only shows what {@link MotorImageryAnalysis} computes.
 */
public final class AnalysisView {

    /** Spectra are shown up to here: mu and beta, and the start of gamma. */
    private static final double MAX_SHOWN_HZ = 40;

    private final Window owner;
    private final BorderPane root = new BorderPane();
    private final Button open = new Button("Open recording…");
    private final Label source = new Label("No recording loaded");
    private final Label summary = new Label();
    private final Label verdict = new Label();
    private final LineChart<Number, Number> leftChart = spectrumChart("C3");
    private final LineChart<Number, Number> rightChart = spectrumChart("C4");
    private final TableView<Row> table = new TableView<>();
    private java.util.function.Consumer<Recording> onRecording = r -> { };
    private final TableColumn<Row, String> firstClass = column("class 1", r -> fmt(r.muFirst()));
    private final TableColumn<Row, String> secondClass = column("class 2", r -> fmt(r.muSecond()));

    /** One table row: a channel's band powers. */
    public record Row(String channel, double muFirst, double muSecond, double muR2, double betaR2) {
    }

    public AnalysisView(Window owner) {
        this.owner = owner;
        open.setOnAction(e -> chooseFile());
        source.setStyle("-fx-font-weight: bold;");
        HBox top = new HBox(12, open, source);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));

        HBox charts = new HBox(8, leftChart, rightChart);
        HBox.setHgrow(leftChart, Priority.ALWAYS);
        HBox.setHgrow(rightChart, Priority.ALWAYS);

        TableColumn<Row, String> power = new TableColumn<>("mu power (dB)");
        power.getColumns().add(firstClass);
        power.getColumns().add(secondClass);
        TableColumn<Row, String> r2 = new TableColumn<>("signed r²");
        r2.getColumns().add(column("mu", r -> String.format(Locale.ROOT, "%+.3f", r.muR2())));
        r2.getColumns().add(column("beta", r -> String.format(Locale.ROOT, "%+.3f", r.betaR2())));
        table.getColumns().add(column("Channel", r -> r.channel()));
        table.getColumns().add(power);
        table.getColumns().add(r2);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefWidth(440);

        verdict.setWrapText(true);
        verdict.setStyle("-fx-font-size: 14px;");
        VBox bottom = new VBox(4, summary, verdict);
        bottom.setPadding(new Insets(8));

        root.setTop(top);
        root.setCenter(charts);
        root.setRight(table);
        root.setBottom(bottom);
        root.getStylesheets().add(AnalysisView.class.getResource("mistudio.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** Called on the UI thread with each recording this view loads (the signal viewer shows it too). */
    public void setOnRecording(java.util.function.Consumer<Recording> listener) {
        this.onRecording = listener;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private static LineChart<Number, Number> spectrumChart(String channel) {
        NumberAxis x = new NumberAxis(0, MAX_SHOWN_HZ, 5);
        x.setLabel("Frequency (Hz)");
        NumberAxis y = new NumberAxis();
        y.setLabel("PSD (dB re 1 unit²/Hz)");
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(channel);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        return chart;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open recording");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("EEG recordings (EDF, BDF, GDF, XDF)",
                "*.edf", "*.bdf", "*.gdf", "*.xdf", "*.EDF", "*.BDF", "*.GDF", "*.XDF"));
        java.io.File f = chooser.showOpenDialog(owner);
        if (f != null) {
            load(f.toPath());
        }
    }

    /** In the workbench the recordings come from the workspace: no button to open files here. */
    public void hideOpenButton() {
        open.setVisible(false);
        open.setManaged(false);
    }

    /** Analyses a recording already read, off the UI thread, then shows it and runs {@code whenShown}. */
    public void analyse(String sourceName, Recording recording, Runnable whenShown) {
        source.setText(sourceName);
        summary.setText("Analysing…");
        verdict.setText("");
        Task<AnalysisResult> task = new Task<>() {
            @Override
            protected AnalysisResult call() {
                return MotorImageryAnalysis.run(recording, AnalysisSettings.leftRight());
            }
        };
        task.setOnSucceeded(e -> {
            show(sourceName, task.getValue());
            whenShown.run();
        });
        task.setOnFailed(e -> {
            summary.setText("Cannot analyse " + sourceName + ":");
            verdict.setText(Errors.describe(task.getException()) + " (this overview contrasts left_hand and "
                    + "right_hand trials; the Analysis tab works with any two markers)");
            whenShown.run();
        });
        Thread t = new Thread(task, "analysis");
        t.setDaemon(true);
        t.start();
    }

    /** Reads and analyses a file off the UI thread, then shows the result (or the error, in one line). */
    public void load(Path file) {
        load(file, () -> { });
    }

    /** As {@link #load(Path)}, then runs {@code whenShown} on the UI thread. */
    public void load(Path file, Runnable whenShown) {
        source.setText(file.toString());
        summary.setText("Reading and analysing…");
        verdict.setText("");
        Recording[] read = new Recording[1];
        Task<AnalysisResult> task = new Task<>() {
            @Override
            protected AnalysisResult call() throws Exception {
                read[0] = RecordingFiles.read(file);
                return MotorImageryAnalysis.run(read[0], AnalysisSettings.leftRight());
            }
        };
        task.setOnSucceeded(e -> {
            onRecording.accept(read[0]);
            show(file.toString(), task.getValue());
            whenShown.run();
        });
        task.setOnFailed(e -> {
            summary.setText("Cannot analyse " + file + ":");
            verdict.setText(String.valueOf(task.getException().getMessage()));
            whenShown.run();
        });
        Thread t = new Thread(task, "analysis");
        t.setDaemon(true);
        t.start();
    }

    /** Shows an analysis; must run on the JavaFX thread. */
    public void show(String sourceName, AnalysisResult r) {
        source.setText(sourceName);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d EEG channels at %s Hz, %.1f s. Trials:",
                r.channels().size(), Numbers.plain(r.samplingRate()), r.duration()));
        r.trials().forEach((k, v) -> s.append(' ').append(k).append(' ').append(v));
        if (!r.dropped().isEmpty()) {
            s.append(" (").append(r.dropped().size()).append(" events too close to the edges dropped)");
        }
        summary.setText(s.toString());
        verdict.setText(r.lateralization().map(l -> l.verdict()).orElse(
                "Lateralisation needs left_hand and right_hand trials and channels C3 and C4."));
        plot(leftChart, r, "C3");
        plot(rightChart, r, "C4");

        ClassBandPower mu = r.bands().get(0);
        ClassBandPower beta = r.bands().size() > 1 ? r.bands().get(1) : mu;
        boolean two = r.classes().size() >= 2;
        firstClass.setText(r.classes().get(0));
        secondClass.setText(two ? r.classes().get(1) : "-");
        List<Row> rows = new java.util.ArrayList<>();
        for (int c = 0; c < r.channels().size(); c++) {
            rows.add(new Row(r.channels().get(c), mu.meanDb()[0][c], two ? mu.meanDb()[1][c] : Double.NaN,
                    two ? mu.signedR2()[c] : 0, two ? beta.signedR2()[c] : 0));
        }
        table.setItems(FXCollections.observableArrayList(rows));
    }

    private static void plot(LineChart<Number, Number> chart, AnalysisResult r, String channel) {
        chart.getData().clear();
        int c = -1;
        for (int i = 0; i < r.channels().size(); i++) {
            if (Recording.normalizeLabel(r.channels().get(i)).equals(Recording.normalizeLabel(channel))) {
                c = i;
            }
        }
        if (c < 0) {
            chart.setTitle(channel + " (not in this recording)");
            return;
        }
        chart.setTitle(channel);
        for (int k = 0; k < r.classes().size(); k++) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(r.classes().get(k));
            double[] f = r.frequencies();
            for (int i = 0; i < f.length && f[i] <= MAX_SHOWN_HZ; i++) {
                if (f[i] < 1) {
                    continue;
                }
                series.getData().add(new XYChart.Data<>(f[i], 10 * Math.log10(r.meanPsd()[k][c][i])));
            }
            chart.getData().add(series);
        }
    }

    // Accessors for tests and screenshots.
    LineChart<Number, Number> leftChart() {
        return leftChart;
    }

    LineChart<Number, Number> rightChart() {
        return rightChart;
    }

    TableView<Row> table() {
        return table;
    }

    Label verdict() {
        return verdict;
    }
}
