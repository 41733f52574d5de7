package org.mistudio.app.gui;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.FrequencyProfile;
import org.mistudio.dsp.features.R2Map;

/**
 * HappyFeat's frequency profile of one channel: each class's mean feature over trials with its standard error
 * (dashed, mean ± SE), and below it the signed r² of that channel at each frequency.
 */
final class FrequencyProfileView {

    /** Class colours that stay apart for colour-blind readers (Okabe and Ito 2008), as the overview's spectra. */
    static final String[] COLOURS = {"#0072b2", "#d55e00"};

    private final VBox root = new VBox(4);
    private final ChoiceBox<String> channel = new ChoiceBox<>();
    private final LineChart<Number, Number> means;
    private final LineChart<Number, Number> r2;
    private final HBox legend = new HBox(14);
    private FeatureTensor tensor;
    private R2Map map;
    private List<String> classes;
    private boolean decibels;

    FrequencyProfileView() {
        NumberAxis f = new NumberAxis(0, 40, 5);
        f.setLabel("Frequency (Hz)");
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        means = new LineChart<>(f, y);
        means.setCreateSymbols(false);
        means.setAnimated(false);
        means.setLegendVisible(false);
        means.setPrefHeight(260);
        NumberAxis f2 = new NumberAxis(0, 40, 5);
        f2.setLabel("Frequency (Hz)");
        NumberAxis y2 = new NumberAxis();
        y2.setLabel("signed r²");
        r2 = new LineChart<>(f2, y2);
        r2.setCreateSymbols(false);
        r2.setAnimated(false);
        r2.setLegendVisible(false);
        r2.setPrefHeight(170);
        channel.valueProperty().addListener((o, was, now) -> redraw());
        HBox top = new HBox(8, new Label("Frequency profile of"), channel, legend);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.getChildren().addAll(top, means, r2);
        VBox.setVgrow(means, Priority.ALWAYS);
        root.setPadding(new Insets(4));
    }

    VBox root() {
        return root;
    }

    ChoiceBox<String> channelChoice() {
        return channel;
    }

    /** Shows a feature tensor's profiles; PSD in dB (decibels true), other features as they are. */
    void show(FeatureTensor features, R2Map r2Map, List<String> classNames, boolean inDecibels, String unitLabel) {
        this.tensor = features;
        this.map = r2Map;
        this.classes = classNames;
        this.decibels = inDecibels;
        ((NumberAxis) means.getYAxis()).setLabel(unitLabel);
        String keep = channel.getValue();
        channel.getItems().setAll(features.channels());
        channel.setValue(keep != null && features.channels().contains(keep) ? keep
                : features.channels().contains("C3") ? "C3" : features.channels().get(0));
        double[] fr = features.frequencies();
        for (NumberAxis a : List.of((NumberAxis) means.getXAxis(), (NumberAxis) r2.getXAxis())) {
            a.setLowerBound(Math.floor(fr[0] / 5) * 5);
            a.setUpperBound(Math.ceil(fr[fr.length - 1] / 5) * 5);
        }
        legend.getChildren().clear();
        for (int k = 0; k < classNames.size() && k < COLOURS.length; k++) {
            Label l = new Label("━ " + classNames.get(k) + " (mean ± SE)");
            l.setStyle("-fx-text-fill: " + COLOURS[k] + "; -fx-font-weight: bold;");
            legend.getChildren().add(l);
        }
        redraw();
    }

    private double y(double v) {
        return decibels ? 10 * Math.log10(Math.max(v, Double.MIN_NORMAL)) : v;
    }

    private void redraw() {
        means.getData().clear();
        r2.getData().clear();
        if (tensor == null || channel.getValue() == null) {
            return;
        }
        FrequencyProfile p = FrequencyProfile.of(tensor, channel.getValue(), classes);
        double[] f = p.frequencies();
        for (int k = 0; k < classes.size() && k < COLOURS.length; k++) {
            XYChart.Series<Number, Number> mean = new XYChart.Series<>();
            XYChart.Series<Number, Number> hi = new XYChart.Series<>();
            XYChart.Series<Number, Number> lo = new XYChart.Series<>();
            for (int i = 0; i < f.length; i++) {
                double m = p.mean()[k][i];
                double se = p.standardError()[k][i];
                mean.getData().add(new XYChart.Data<>(f[i], y(m)));
                hi.getData().add(new XYChart.Data<>(f[i], y(m + se)));
                lo.getData().add(new XYChart.Data<>(f[i], y(m - se)));
            }
            means.getData().addAll(List.of(mean, hi, lo));
            mean.getNode().setStyle("-fx-stroke: " + COLOURS[k] + "; -fx-stroke-width: 2px;");
            for (XYChart.Series<Number, Number> s : List.of(hi, lo)) {
                s.getNode().setStyle("-fx-stroke: " + COLOURS[k] + "; -fx-stroke-width: 1px; "
                        + "-fx-stroke-dash-array: 4 3;");
            }
        }
        means.setTitle(String.format(Locale.ROOT, "%s: class means over %d trials", channel.getValue(),
                tensor.trialCount()));
        int c = map.channels().indexOf(channel.getValue());
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        double[] rf = map.frequencies();
        for (int i = 0; i < rf.length; i++) {
            s.getData().add(new XYChart.Data<>(rf[i], map.values()[c][i]));
        }
        r2.getData().add(s);
        s.getNode().setStyle("-fx-stroke: #444444; -fx-stroke-width: 2px;");
        r2.setTitle("signed r² at " + channel.getValue() + " (positive: more in " + map.second() + ")");
    }

    LineChart<Number, Number> meansChart() {
        return means;
    }
}
