package org.mistudio.app.gui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.mistudio.app.workspace.Scores;
import org.mistudio.app.workspace.TrainingAttempt;
import org.mistudio.app.workspace.Workspace;
import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.evaluation.ChanceLevel;
import org.mistudio.dsp.evaluation.Evaluation;
import org.mistudio.dsp.evaluation.KFold;
import org.mistudio.dsp.evaluation.Splitter;
import org.mistudio.dsp.evaluation.StratifiedKFold;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;

/**
 * Training on the current extraction: the selected features (added from the r² map, typed, or the top N by |r²|),
 * shrinkage LDA (Ledoit-Wolf) cross-validated with k folds while the fold accuracies appear live, the results
 * (accuracy, kappa, confusion matrix, chance level and its binomial threshold, Müller-Putz et al. 2008) and every
 * attempt of the workspace in a sortable table. Each training is recorded as a new attempt.
 */
public final class TrainingView implements View {

    /** Significance of the chance threshold. */
    static final double ALPHA = 0.05;
    static final String LDA = "shrinkage LDA (Ledoit-Wolf)";

    private final Workbench bench;
    private final BorderPane root = new BorderPane();
    private final ListView<String> features;
    private final TextField typed = new TextField();
    private final Spinner<Integer> topN = new Spinner<>(1, 50, 3);
    private final RadioButton lda = new RadioButton("Shrinkage LDA (Ledoit-Wolf) on the selected features");
    private final RadioButton network = new RadioButton("Network (EEGNet family)");
    private final ChoiceBox<String> validation = new ChoiceBox<>(FXCollections.observableArrayList(
            "k-fold (contiguous)", "stratified k-fold"));
    private final Spinner<Integer> folds = new Spinner<>(2, 20, 5);
    private final LineChart<Number, Number> live;
    private final XYChart.Series<Number, Number> foldSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> chanceSeries = new XYChart.Series<>();
    private final Label result = new Label("Not trained yet.");
    private final GridPane confusion = new GridPane();
    private final TableView<TrainingAttempt> attempts = new TableView<>();
    private final JobBar job;
    private TrainingAttempt lastAttempt;

    public TrainingView(Workbench bench) {
        this.bench = bench;
        this.job = new JobBar(bench.owner());
        features = new ListView<>(bench.selectedFeatures());
        features.setPlaceholder(new Label("Click cells of the r² map, type a feature, or auto-select."));
        features.setPrefHeight(150);
        typed.setPromptText("C4;13 or C4;11:13");
        typed.setPrefColumnCount(9);
        Button add = new Button("Add");
        add.setOnAction(e -> addTyped());
        typed.setOnAction(e -> addTyped());
        Button remove = new Button("Remove");
        remove.disableProperty().bind(features.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> bench.selectedFeatures().remove(features.getSelectionModel().getSelectedItem()));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> bench.selectedFeatures().clear());
        Button auto = new Button("Auto-select top N");
        auto.setId("auto-select");
        auto.setOnAction(e -> autoSelect(topN.getValue()));
        topN.setPrefWidth(70);

        ToggleGroup classifier = new ToggleGroup();
        lda.setToggleGroup(classifier);
        network.setToggleGroup(classifier);
        lda.setSelected(true);
        // The place for network training: the models module's trainer (issue 8) plugs in here with its settings
        // (network, epochs, transfer) and a learning curve in the live chart. Until then it is off, not imitated.
        network.setDisable(true);
        Label networkNote = new Label("Network training comes with the models trainer (issue 8).");
        networkNote.setStyle("-fx-text-fill: #666666;");
        network.setTooltip(new Tooltip("Not available in this version."));
        validation.setValue("k-fold (contiguous)");
        folds.setPrefWidth(70);
        Button train = new Button("Train and cross-validate");
        train.setId("train");
        train.setDefaultButton(true);
        train.setOnAction(e -> train());
        train.disableProperty().bind(job.busyProperty().or(bench.current().isNull()));

        VBox left = new VBox(8,
                bold("Selected features"), features,
                new HBox(6, typed, add, remove, clear),
                new HBox(6, auto, new Label("N"), topN),
                bold("Classifier"), lda, new VBox(2, network, networkNote),
                bold("Validation"), new HBox(6, validation, new Label("folds"), folds),
                new HBox(10, train), job.root());
        left.setPadding(new Insets(8));
        left.setPrefWidth(420);

        NumberAxis foldAxis = new NumberAxis(0.5, 5.5, 1);
        foldAxis.setLabel("Fold");
        foldAxis.setMinorTickVisible(false);
        // Up to 105 so that points at 100 % are not cut by the frame.
        NumberAxis accAxis = new NumberAxis(0, 105, 10);
        accAxis.setLabel("Test accuracy (%)");
        live = new LineChart<>(foldAxis, accAxis);
        live.setTitle("Cross-validation, fold by fold");
        live.setAnimated(false);
        live.setPrefHeight(360);
        live.setMinHeight(320);
        foldSeries.setName("fold accuracy");
        chanceSeries.setName("chance threshold (p < 0.05)");
        live.getData().add(foldSeries);
        live.getData().add(chanceSeries);
        result.setWrapText(true);
        result.setStyle("-fx-font-size: 13px;");
        confusion.setHgap(2);
        confusion.setVgap(2);
        Label confusionTitle = bold("Confusion matrix (rows: true class, columns: predicted)");
        confusionTitle.setWrapText(true);
        VBox resultBox = new VBox(6, bold("Result"), result, confusionTitle, confusion);
        HBox upper = new HBox(10, live, resultBox);
        HBox.setHgrow(live, Priority.ALWAYS);
        resultBox.setPrefWidth(380);

        attempts.getColumns().add(col("Id", a -> a.id(), 45));
        attempts.getColumns().add(col("Date (UTC)", a -> a.created().replace('T', ' ').replace("Z", ""), 140));
        attempts.getColumns().add(col("Extr.", TrainingAttempt::extraction, 45));
        attempts.getColumns().add(col("Method", TrainingAttempt::method, 70));
        attempts.getColumns().add(col("Features", a -> String.join(" ", a.features()), 150));
        attempts.getColumns().add(col("Validation", a -> a.settings().getOrDefault("validation", ""), 95));
        attempts.getColumns().add(number("Accuracy", a -> a.scores().accuracy()));
        attempts.getColumns().add(number("Kappa", a -> a.scores().kappa()));
        attempts.getColumns().add(number("Threshold", a -> a.scores().chanceThreshold()));
        attempts.getColumns().add(col("> chance", a -> a.scores().aboveChance() ? "yes" : "no", 80));
        attempts.getColumns().add(col("Model file", a -> a.modelFile() == null ? "none yet" : a.modelFile(), 80));
        attempts.setPlaceholder(new Label("No training attempt yet."));
        attempts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button use = new Button("Use for live session");
        use.disableProperty().bind(attempts.getSelectionModel().selectedItemProperty().isNull());
        use.setId("use-for-live");
        use.setOnAction(e -> useForLive(attempts.getSelectionModel().getSelectedItem()));
        VBox history = new VBox(6, new HBox(10, bold("Attempts of this workspace (click a header to sort)"), use),
                attempts);
        VBox.setVgrow(attempts, Priority.ALWAYS);
        VBox right = new VBox(10, upper, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        root.setLeft(left);
        root.setCenter(right);
        bench.state().addListener((o, was, now) -> refresh());
        refresh();
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static TableColumn<TrainingAttempt, String> col(String title,
            java.util.function.Function<TrainingAttempt, String> f, double width) {
        TableColumn<TrainingAttempt, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(f.apply(v.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A numeric column: sorts by value, shows three decimals. */
    private static TableColumn<TrainingAttempt, Double> number(String title,
            java.util.function.ToDoubleFunction<TrainingAttempt> f) {
        TableColumn<TrainingAttempt, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(f.applyAsDouble(v.getValue())));
        c.setCellFactory(v -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : String.format(Locale.ROOT, "%.3f", d));
            }
        });
        c.setPrefWidth(80);
        return c;
    }

    @Override
    public String title() {
        return "Training";
    }

    @Override
    public Node root() {
        return root;
    }

    private void refresh() {
        attempts.setItems(FXCollections.observableArrayList(bench.state().get().attempts()));
    }

    private void addTyped() {
        try {
            String f = Feature.parse(typed.getText()).toString();
            if (!bench.selectedFeatures().contains(f)) {
                bench.selectedFeatures().add(f);
            }
            typed.clear();
        } catch (IllegalArgumentException e) {
            Errors.show(bench.owner(), "Cannot add the feature", e);
        }
    }

    /** Replaces the selection by the n cells of largest |r²| in the current extraction. */
    public void autoSelect(int n) {
        Workbench.Extracted x = bench.current().get();
        if (x == null) {
            Errors.show(bench.owner(), "Auto-select", "extract features first");
            return;
        }
        var p = x.extraction().parameters();
        List<String> top = FeatureSelection.top(x.r2(bench.featureKind().get()), n, null, p.fmin(), p.fmax())
                .stream().map(Feature::toString).toList();
        bench.selectedFeatures().setAll(top);
    }

    /** Cross-validates LDA on the selected features off the UI thread; records the attempt when done. */
    public CompletableFuture<Boolean> train() {
        Workbench.Extracted x = bench.current().get();
        List<Feature> chosen;
        try {
            if (x == null) {
                throw new IllegalArgumentException("extract features first");
            }
            if (bench.selectedFeatures().isEmpty()) {
                throw new IllegalArgumentException("select at least one feature (click the r² map, type one, or "
                        + "auto-select)");
            }
            chosen = bench.selectedFeatures().stream().map(Feature::parse).toList();
            FeatureSelection.validate(x.tensor(bench.featureKind().get()), chosen);
        } catch (IllegalArgumentException e) {
            Errors.show(bench.owner(), "Cannot train", e);
            return CompletableFuture.completedFuture(false);
        }
        String kind = bench.featureKind().get();
        FeatureTensor t = x.tensor(kind);
        int k = folds.getValue();
        boolean stratified = validation.getValue().startsWith("stratified");
        Splitter cv = stratified ? new StratifiedKFold(k) : new KFold(k);
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(t.labels(), names);
        double threshold = ChanceLevel.threshold(t.trialCount(), names.size(), ALPHA);
        foldSeries.getData().clear();
        chanceSeries.getData().clear();
        chanceSeries.getData().add(new XYChart.Data<>(0.5, 100 * threshold));
        chanceSeries.getData().add(new XYChart.Data<>(k + 0.5, 100 * threshold));
        // A line, not two points: hide the symbols at its ends.
        chanceSeries.getData().forEach(d -> {
            if (d.getNode() != null) {
                d.getNode().setVisible(false);
            }
        });
        NumberAxis axis = (NumberAxis) live.getXAxis();
        axis.setUpperBound(k + 0.5);
        var p = x.extraction().parameters();
        return job.run("Training LDA", progress -> Evaluation.run(new FeatureSelection.Selected(chosen, 0, p.fmin(),
                p.fmax(), Lda.lsqrAuto()), t, y, cv, FeatureTensor::subset, ALPHA, (done, total, acc) -> {
                    progress.update("fold " + done + " of " + total, (double) done / total);
                    Platform.runLater(() -> foldSeries.getData().add(new XYChart.Data<>(done, 100 * acc)));
                }), report -> {
            Scores s = new Scores(report.accuracy(), report.accuracyStd(), report.foldAccuracy(), report.kappa(),
                    names, report.confusion().counts(), report.chance(), report.chanceThreshold(),
                    report.distinctTestTrials());
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("classifier", LDA);
            settings.put("featureKind", kind);
            settings.put("validation", (stratified ? "stratified:" : "kfold:") + k);
            settings.put("chanceAlpha", Double.toString(ALPHA));
            try {
                Workspace w = bench.update(ws -> ws.withAttempt(new TrainingAttempt(ws.nextAttemptId(),
                        Workspace.stamp(Instant.now()), x.extraction().id(), "lda",
                        chosen.stream().map(Feature::toString).toList(), settings, s,
                        // No model file yet: ModelFile (.mimodel) is being built with the live session. When it
                        // lands, fit on all trials, save it under the workspace folder and record its path here.
                        null)));
                lastAttempt = w.attempts().get(w.attempts().size() - 1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            showScores(s);
            attempts.getSelectionModel().select(lastAttempt);
        });
    }

    private void showScores(Scores s) {
        result.setText(String.format(Locale.ROOT, "Accuracy %.1f %% ± %.1f (mean ± sd over %d folds)%nKappa %.3f%n"
                + "Chance %.0f %%; above %.1f %% beats chance (binomial, p < %s, %d test trials)%n%s",
                100 * s.accuracy(), 100 * s.accuracyStd(), s.foldAccuracy().length, s.kappa(), 100 * s.chanceLevel(),
                100 * s.chanceThreshold(), ALPHA, s.testTrials(), s.aboveChance() ? "Beats chance."
                        : "Does not beat chance."));
        confusion.getChildren().clear();
        int n = s.classes().size();
        for (int j = 0; j < n; j++) {
            confusion.add(cell(s.classes().get(j), "#eeeeee", true), j + 1, 0);
            confusion.add(cell(s.classes().get(j), "#eeeeee", true), 0, j + 1);
        }
        for (int i = 0; i < n; i++) {
            int total = 0;
            for (int v : s.confusion()[i]) {
                total += v;
            }
            for (int j = 0; j < n; j++) {
                int v = s.confusion()[i][j];
                double frac = total == 0 ? 0 : (double) v / total;
                // Shade by the row fraction: the diagonal dark when the classifier is right.
                javafx.scene.paint.Color c = javafx.scene.paint.Color.WHITE.interpolate(
                        javafx.scene.paint.Color.web("#2166ac"), frac);
                String text = String.format(Locale.ROOT, "%d (%.0f %%)", v, 100 * frac);
                Label l = cell(text, toWeb(c), false);
                l.setStyle(l.getStyle() + (frac > 0.5 ? "-fx-text-fill: white;" : ""));
                confusion.add(l, j + 1, i + 1);
            }
        }
    }

    private static String toWeb(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    private static Label cell(String text, String background, boolean header) {
        Label l = new Label(text);
        l.setMinSize(110, 34);
        l.setAlignment(Pos.CENTER);
        l.setStyle("-fx-background-color: " + background + ";" + (header ? "-fx-font-weight: bold;" : ""));
        StackPane.setAlignment(l, Pos.CENTER);
        return l;
    }

    private void useForLive(TrainingAttempt a) {
        Optional<java.nio.file.Path> model = a.modelFile() == null ? Optional.empty()
                : Optional.of(bench.workspace().folder().resolve(a.modelFile()));
        bench.liveSession().use(a, model).ifPresent(problem -> {
            Alert info = new Alert(Alert.AlertType.INFORMATION);
            if (bench.owner() != null && bench.owner().isShowing()) {
                info.initOwner(bench.owner());
            }
            info.setTitle("MI Studio");
            info.setHeaderText("Use attempt " + a.id() + " for a live session");
            info.setContentText(problem);
            info.show();
        });
    }

    Optional<TrainingAttempt> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    Label result() {
        return result;
    }

    TableView<TrainingAttempt> attemptsTable() {
        return attempts;
    }

    XYChart.Series<Number, Number> foldSeries() {
        return foldSeries;
    }

    JobBar job() {
        return job;
    }
}
