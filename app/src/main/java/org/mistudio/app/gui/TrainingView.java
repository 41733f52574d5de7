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

import org.mistudio.app.Numbers;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.app.workspace.AttemptModels;
import org.mistudio.app.workspace.ExtractionParameters;
import org.mistudio.app.workspace.PreprocessingSettings;
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
import org.mistudio.dsp.online.CausalEpoching;
import org.mistudio.models.net.Networks;
import org.mistudio.models.network.NetworkModelTrainer;
import org.mistudio.models.persist.ModelMetadata;
import org.mistudio.models.train.EarlyStopping;
import org.mistudio.models.train.EpochReport;
import org.mistudio.models.train.TrainingSettings;

/**
 * Training on the current extraction: the selected features (added from the r² map, typed, or the top N by |r²|),
 * shrinkage LDA (Ledoit-Wolf) cross-validated with k folds while the fold accuracies appear live, or one of the five
 * networks trained on the extraction's recordings, classes and epoch of interest with early stopping while its
 * learning curve (loss and accuracy per epoch, training and validation) grows, from random weights or by transfer
 * learning (fine-tuning an earlier network attempt or a model file, or pre-training on the workspace's other
 * recordings first; {@link NetworkModelTrainer} does the training and refuses a source that does not fit); the
 * results (accuracy, kappa, confusion matrix, chance level and its binomial threshold, Müller-Putz et al. 2008) and
 * every attempt of the workspace, with its transfer source, in a sortable table. Each training is recorded as a new attempt with its model file
 * ({@link AttemptModels}).
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
    private final RadioButton network = new RadioButton("Network (EEGNet family) on the extraction's trials");
    private final ChoiceBox<String> architecture = new ChoiceBox<>(FXCollections.observableArrayList(Networks.NAMES));
    private final Spinner<Integer> epochs = new Spinner<>(1, 2000, 100);
    private final Spinner<Integer> patience = new Spinner<>(0, 500, 15);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 42);
    /** Early-stopping rule: {@link #STOP_BEST_LOSS} or {@link #STOP_PAPER}. */
    private final ChoiceBox<String> stopping = new ChoiceBox<>(FXCollections.observableArrayList(STOP_BEST_LOSS,
            STOP_PAPER));
    private final Label networkData = new Label();
    /** Initial weights: {@link #SCRATCH}, {@link #FROM_ATTEMPT}, {@link #FROM_FILE} or {@link #PRETRAIN}. */
    private final ChoiceBox<String> initialWeights = new ChoiceBox<>(FXCollections.observableArrayList(
            SCRATCH, FROM_ATTEMPT, FROM_FILE, PRETRAIN));
    private final ChoiceBox<TrainingAttempt> sourceAttempt = new ChoiceBox<>();
    private final TextField sourceFile = new TextField();
    private final Button browseSource = new Button("Browse…");
    private final StackPane charts = new StackPane();
    private final VBox curves;
    private final XYChart.Series<Number, Number> trainLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> trainAccuracy = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationAccuracy = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> keptEpoch = new XYChart.Series<>();
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
        architecture.setValue("eegnet");
        architecture.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : NETWORK_NAMES.getOrDefault(name, name);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        architecture.setId("architecture");
        for (Spinner<Integer> sp : List.of(epochs, patience, seed)) {
            sp.setEditable(true);
            sp.setPrefWidth(90);
        }
        epochs.setId("epochs");
        patience.setId("patience");
        seed.setId("seed");
        epochs.setTooltip(new Tooltip("Epoch limit; training stops earlier when the validation loss stops falling"));
        patience.setTooltip(new Tooltip("Epochs without a new best validation loss before stopping (0: never)"));
        GridPane networkGrid = new GridPane();
        networkGrid.setHgap(6);
        networkGrid.setVgap(4);
        networkGrid.addRow(0, new Label("Network"), architecture);
        networkGrid.addRow(1, new Label("Epochs at most"), epochs);
        networkGrid.addRow(2, new Label("Patience"), patience);
        stopping.setValue(STOP_BEST_LOSS);
        stopping.setId("stopping");
        stopping.setTooltip(new Tooltip("Lowest validation loss: patience counts from the first epoch. Paper's rule "
                + "(Köllőd et al. 2023's code): patience counts only once the validation loss is back below its "
                + "first-epoch value, as it often first rises on a few dozen trials"));
        networkGrid.addRow(3, new Label("Early stopping"), stopping);
        networkGrid.addRow(4, new Label("Seed"), seed);
        initialWeights.setValue(SCRATCH);
        initialWeights.setId("initial-weights");
        initialWeights.setTooltip(new Tooltip("Transfer learning: start from an earlier network with the same "
                + "architecture, channels, rate, window and classes, or pre-train on the workspace's other recordings "
                + "(other subjects) and fine-tune on this extraction's"));
        sourceAttempt.setId("source-attempt");
        sourceAttempt.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TrainingAttempt a) {
                return a == null ? "" : String.format(Locale.ROOT, "%s: %s, %.0f %%", a.id(),
                        NETWORK_NAMES.getOrDefault(a.method(), a.method()), 100 * a.scores().accuracy());
            }

            @Override
            public TrainingAttempt fromString(String s) {
                return null;
            }
        });
        sourceAttempt.setPrefWidth(190);
        sourceAttempt.visibleProperty().bind(initialWeights.valueProperty().isEqualTo(FROM_ATTEMPT));
        sourceAttempt.managedProperty().bind(sourceAttempt.visibleProperty());
        sourceFile.setId("source-file");
        sourceFile.setPromptText("network .mimodel file");
        sourceFile.setPrefColumnCount(14);
        browseSource.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Network model to fine-tune");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("MI Studio model",
                    "*" + org.mistudio.models.persist.ModelFile.EXTENSION));
            java.io.File f = chooser.showOpenDialog(bench.owner());
            if (f != null) {
                sourceFile.setText(f.getPath());
            }
        });
        HBox fileRow = new HBox(4, sourceFile, browseSource);
        fileRow.visibleProperty().bind(initialWeights.valueProperty().isEqualTo(FROM_FILE));
        fileRow.managedProperty().bind(fileRow.visibleProperty());
        networkGrid.addRow(5, new Label("Initial weights"), initialWeights);
        initialWeights.setPrefWidth(190);
        for (Node n : networkGrid.getChildren()) {
            if (n instanceof Label l) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        networkGrid.add(new VBox(sourceAttempt, fileRow), 1, 6);
        networkData.setWrapText(true);
        networkData.setStyle("-fx-text-fill: #555555;");
        VBox networkBox = new VBox(4, networkGrid, networkData);
        networkBox.setPadding(new Insets(0, 0, 0, 22));
        networkBox.disableProperty().bind(network.selectedProperty().not());
        network.setId("network");
        lda.setId("lda");        validation.setValue("k-fold (contiguous)");
        folds.setPrefWidth(70);
        Button train = new Button();
        train.textProperty().bind(javafx.beans.binding.Bindings.when(network.selectedProperty())
                .then("Train network").otherwise("Train and cross-validate"));
        train.setId("train");
        train.setDefaultButton(true);
        train.setOnAction(e -> train());
        train.disableProperty().bind(job.busyProperty().or(bench.current().isNull()));

        HBox validationBox = new HBox(6, new Label("Validation"), validation, new Label("folds"), folds);
        validationBox.setAlignment(Pos.CENTER_LEFT);
        validationBox.setPadding(new Insets(0, 0, 0, 22));
        validationBox.disableProperty().bind(network.selectedProperty());
        VBox left = new VBox(8,
                bold("Selected features"), features,
                new HBox(6, typed, add, remove, clear),
                new HBox(6, auto, new Label("N"), topN),
                bold("Classifier"), lda, validationBox, network, networkBox,
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
        curves = learningCurve();
        charts.getChildren().addAll(live, curves);
        curves.visibleProperty().bind(network.selectedProperty());
        live.visibleProperty().bind(network.selectedProperty().not());
        HBox upper = new HBox(10, charts, resultBox);
        HBox.setHgrow(charts, Priority.ALWAYS);
        resultBox.setPrefWidth(380);

        attempts.getColumns().add(col("Id", a -> a.id(), 40));
        attempts.getColumns().add(col("Date (UTC)", a -> a.created().replace('T', ' ').replace("Z", ""), 150));
        attempts.getColumns().add(col("Extr.", TrainingAttempt::extraction, 45));
        attempts.getColumns().add(col("Method", TrainingAttempt::method, 75));
        attempts.getColumns().add(col("Features", a -> String.join(" ", a.features()), 140));
        attempts.getColumns().add(col("Validation", a -> a.settings().getOrDefault("validation", ""), 85));
        TableColumn<TrainingAttempt, String> transfer = col("Transfer", TrainingView::transferOf, 135);
        transfer.setMinWidth(150);
        attempts.getColumns().add(transfer);
        attempts.getColumns().add(number("Accuracy", a -> a.scores().accuracy()));
        attempts.getColumns().add(number("Kappa", a -> a.scores().kappa()));
        attempts.getColumns().add(number("Threshold", a -> a.scores().chanceThreshold()));
        attempts.getColumns().add(col("> chance", a -> a.scores().aboveChance() ? "yes" : "no", 70));
        attempts.getColumns().add(col("Model file", a -> a.modelFile() == null ? "none" : a.modelFile(), 135));
        attempts.setPlaceholder(new Label("No training attempt yet."));
        attempts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button use = new Button("Use for live session");
        use.disableProperty().bind(attempts.getSelectionModel().selectedItemProperty().isNull());
        use.setId("use-for-live");
        use.setOnAction(e -> useForLive(attempts.getSelectionModel().getSelectedItem()));
        use.setTooltip(new Tooltip("Shows the attempt's model file and the command that runs a live session with it"));
        VBox history = new VBox(6, new HBox(10, bold("Attempts of this workspace (click a header to sort)"), use),
                attempts);
        VBox.setVgrow(attempts, Priority.ALWAYS);
        VBox right = new VBox(10, upper, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        root.setLeft(left);
        root.setCenter(right);
        bench.state().addListener((o, was, now) -> refresh());
        bench.current().addListener((o, was, now) -> describeNetworkData());
        describeNetworkData();
        refresh();
    }

    static final String SCRATCH = "from scratch (random)";
    static final String FROM_ATTEMPT = "fine-tune an attempt";
    static final String FROM_FILE = "fine-tune a model file";
    static final String PRETRAIN = "pre-train on other recordings";
    static final String STOP_BEST_LOSS = "lowest validation loss";
    static final String STOP_PAPER = "paper's rule (loss back below its start)";

    /** Display names of {@link Networks#NAMES}. */
    static final Map<String, String> NETWORK_NAMES = Map.of("shallow", "Shallow ConvNet", "deep", "Deep ConvNet",
            "eegnet", "EEGNet-8,2", "eegnet-fusion", "EEGNet Fusion", "mi-eegnet", "MI-EEGNet");

    /** Loss above, accuracy below, both over epochs, training and validation. */
    private VBox learningCurve() {
        NumberAxis lossEpoch = epochAxis();
        NumberAxis lossAxis = new NumberAxis();
        lossAxis.setLabel("Loss");
        lossAxis.setForceZeroInRange(true);
        LineChart<Number, Number> loss = new LineChart<>(lossEpoch, lossAxis);
        NumberAxis accEpoch = epochAxis();
        NumberAxis accAxis = new NumberAxis(0, 105, 20);
        accAxis.setLabel("Accuracy (%)");
        LineChart<Number, Number> acc = new LineChart<>(accEpoch, accAxis);
        trainLoss.setName("training");
        validationLoss.setName("validation");
        trainAccuracy.setName("training");
        validationAccuracy.setName("validation");
        keptEpoch.setName("kept epoch");
        loss.getData().addAll(List.of(trainLoss, validationLoss));
        acc.getData().addAll(List.of(trainAccuracy, validationAccuracy, keptEpoch));
        loss.setTitle("Learning curve: cross-entropy loss per epoch");
        acc.setTitle("Accuracy per epoch");
        for (LineChart<Number, Number> c : List.of(loss, acc)) {
            c.setAnimated(false);
            c.setCreateSymbols(true);
            c.setPrefHeight(215);
            c.setMinHeight(200);
            c.setLegendSide(javafx.geometry.Side.RIGHT);
        }
        VBox box = new VBox(0, loss, acc);
        box.setId("learning-curve");
        return box;
    }

    private NumberAxis epochAxis() {
        NumberAxis a = new NumberAxis(0, 5, 1);
        a.setLabel("Epoch");
        a.setMinorTickVisible(false);
        epochAxes.add(a);
        return a;
    }

    private final List<NumberAxis> epochAxes = new ArrayList<>();

    /** Whole epochs on the x axes, 0 to the round number after {@code last}, at most about 10 ticks. */
    private void fitEpochAxes(int last) {
        int step = 1;
        for (int s : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500}) {
            step = s;
            if (Math.max(5, last) <= 10 * s) {
                break;
            }
        }
        // Past the last epoch, so that its points are not cut by the frame.
        int upper = Math.max(5, (last / step + 1) * step);
        for (NumberAxis a : epochAxes) {
            a.setUpperBound(upper);
            a.setTickUnit(step);
        }
    }

    /** Says what a network would train on: the extraction's recordings, classes and window, and the band. */
    private void describeNetworkData() {
        Workbench.Extracted x = bench.current().get();
        if (x == null) {
            networkData.setText("Trains on the current extraction's recordings and classes: extract first.");
            return;
        }
        CausalEpoching ep = networkEpoching(x.extraction().parameters());
        networkData.setText(String.format(Locale.ROOT, "Trials of extraction %s: %s, window %s-%s s after the cue, "
                        + "band-pass %s-%s Hz (causal Butterworth %d, as live); %d %% held out for early stopping.",
                x.extraction().id(), String.join(" vs ", x.classes()), Numbers.plain(ep.tmin()),
                Numbers.plain(ep.tmax()), Numbers.plain(ep.lowHz()), Numbers.plain(ep.highHz()), ep.order(),
                Math.round(100 * TrainingSettings.defaults().validationFraction())));
    }

    /** Band used for networks when the extraction has none: the mu and beta bands. */
    static final double[] DEFAULT_BAND = {8, 30};

    /**
     * How a network's trials are cut from an extraction's recordings: its classes and epoch of interest, its
     * band-pass (else {@link #DEFAULT_BAND}), filtered causally as the live decoder filters.
     */
    static CausalEpoching networkEpoching(ExtractionParameters p) {
        PreprocessingSettings pre = p.preprocessing();
        double lo = pre.bandpassLow() != null ? pre.bandpassLow() : DEFAULT_BAND[0];
        double hi = pre.bandpassHigh() != null ? pre.bandpassHigh() : DEFAULT_BAND[1];
        int order = pre.bandpassLow() != null && pre.filterOrder() > 0 ? pre.filterOrder() : 4;
        return new CausalEpoching(p.classes(), lo, hi, order, p.epochStart(), p.epochStart() + p.epochLength());
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
        c.setPrefWidth(75);
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
        List<TrainingAttempt> all = bench.state().get().attempts();
        attempts.setItems(FXCollections.observableArrayList(all));
        TrainingAttempt chosen = sourceAttempt.getValue();
        List<TrainingAttempt> networks = all.stream().filter(a -> Networks.NAMES.contains(a.method())
                && a.modelFile() != null).toList();
        sourceAttempt.getItems().setAll(networks);
        if (chosen != null) {
            networks.stream().filter(a -> a.id().equals(chosen.id())).findFirst().ifPresent(sourceAttempt::setValue);
        } else if (!networks.isEmpty()) {
            sourceAttempt.setValue(networks.get(networks.size() - 1));
        }
    }

    /**
     * The attempts table's Transfer cell: a network's initial weights, short ("fine-tuned from a2", "fine-tuned from
     * x.mimodel", "pre-trained on b.edf, then fine-tuned", "from scratch"); empty for LDA. The attempt's
     * {@code transfer} setting has the full text.
     */
    static String transferOf(TrainingAttempt a) {
        String t = a.settings().get(TRANSFER);
        if (t == null) {
            return Networks.NAMES.contains(a.method()) ? "from scratch" : "";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("fine-tuned from attempt (\\S+) \\(.*\\)")
                .matcher(t);
        if (m.matches()) {
            return "fine-tuned from " + m.group(1);
        }
        if (t.startsWith("fine-tuned from ")) {
            return "fine-tuned from " + java.nio.file.Path.of(t.substring("fine-tuned from ".length())).getFileName();
        }
        return t;
    }

    /** The attempt setting that names a network's transfer source. */
    static final String TRANSFER = "transfer";

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

    /** Trains what the classifier choice says: LDA on the selected features, or a network. */
    public CompletableFuture<Boolean> train() {
        return network.isSelected() ? trainNetwork() : trainLda();
    }

    /** What a background training hands to the UI thread. */
    private record Outcome(Scores scores, Map<String, String> settings, ModelMetadata metadata,
                           Map<String, byte[]> entries) {
    }

    /**
     * Cross-validates LDA on the selected features off the UI thread, then fits it on all trials for the model file;
     * records the attempt when done.
     */
    public CompletableFuture<Boolean> trainLda() {
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
        String validationSetting = (stratified ? "stratified:" : "kfold:") + k;
        return job.run("Training LDA", progress -> {
            Evaluation.Report report = Evaluation.run(new FeatureSelection.Selected(chosen, 0, p.fmin(), p.fmax(),
                    Lda.lsqrAuto()), t, y, cv, FeatureTensor::subset, ALPHA, (done, total, acc) -> {
                        progress.update("fold " + done + " of " + total, 0.9 * done / total);
                        Platform.runLater(() -> foldSeries.getData().add(new XYChart.Data<>(done, 100 * acc)));
                    });
            Scores s = new Scores(report.accuracy(), report.accuracyStd(), report.foldAccuracy(), report.kappa(),
                    names, report.confusion().counts(), report.chance(), report.chanceThreshold(),
                    report.distinctTestTrials());
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("classifier", LDA);
            settings.put("featureKind", kind);
            settings.put("validation", validationSetting);
            settings.put("chanceAlpha", Double.toString(ALPHA));
            progress.update("fitting on all trials for the model file", 0.95);
            Recording first = bench.recording(x.extraction().recordings().get(0));
            List<String> units = first.select(t.channels()).channels().stream().map(ChannelInfo::unit).toList();
            String how = (stratified ? "stratified " : "contiguous ") + k + "-fold cross-validation";
            boolean psd = kind.equals(Workbench.Extracted.PSD);
            AttemptModels.PsdLda m = psd
                    ? AttemptModels.psdLda(x.extraction(), t, chosen, first.samplingRate(), units, s, how)
                    : AttemptModels.nodeStrengthLda(x.extraction(), t, chosen, first.samplingRate(), units, s, how);
            settings.put("model", m.metadata().kind() + ": the scored features and shrinkage LDA, fitted on all "
                    + t.trialCount() + " trials");
            List<String> differs = AttemptModels.liveDifferences(p);
            settings.put("live", differs.isEmpty() ? "computes the scored features from the raw window"
                    : "differs from the scored features: " + String.join("; ", differs));
            return new Outcome(s, settings, m.metadata(), m.entries());
        }, o -> {
            record(x, "lda", chosen.stream().map(Feature::toString).toList(), o);
            showScores(o.scores(), String.format(Locale.ROOT, "Accuracy %.1f %% ± %.1f (mean ± sd over %d folds)",
                    100 * o.scores().accuracy(), 100 * o.scores().accuracyStd(), o.scores().foldAccuracy().length));
        });
    }

    /**
     * Trains the chosen network off the UI thread on the current extraction's recordings (its classes and epoch of
     * interest, causally band-passed), drawing the learning curve as epochs finish; Cancel stops it after the running
     * epoch. Records the attempt with the model file when done.
     */
    public CompletableFuture<Boolean> trainNetwork() {
        Workbench.Extracted x = bench.current().get();
        if (x == null) {
            Errors.show(bench.owner(), "Cannot train", "extract features first: a network trains on the extraction's "
                    + "recordings, classes and epoch of interest");
            return CompletableFuture.completedFuture(false);
        }
        String arch = architecture.getValue();
        String display = NETWORK_NAMES.getOrDefault(arch, arch);
        CausalEpoching ep = networkEpoching(x.extraction().parameters());
        TrainingSettings ts = TrainingSettings.defaults().withEpochs(epochs.getValue())
                .withPatience(patience.getValue()).withSeed(seed.getValue())
                .withStopping(stopping.getValue().equals(STOP_PAPER) ? EarlyStopping.Rule.PAPER
                        : EarlyStopping.Rule.BEST_LOSS);
        for (XYChart.Series<Number, Number> series : List.of(trainLoss, validationLoss, trainAccuracy,
                validationAccuracy, keptEpoch)) {
            series.getData().clear();
        }
        List<String> paths = x.extraction().recordings();
        String mode = initialWeights.getValue();
        NetworkModelTrainer.Init init;
        List<String> others;
        try {
            init = initFromChoice(mode);
            others = mode.equals(PRETRAIN) ? otherRecordings(paths) : List.of();
        } catch (IllegalArgumentException | java.io.IOException e) {
            Errors.show(bench.owner(), "Cannot train", e);
            return CompletableFuture.completedFuture(false);
        }
        fitEpochAxes(0);
        return job.run("Training " + display, progress -> {
            progress.update("cutting trials", 0);
            List<Recording> runs = bench.recordings(paths);
            List<String> names = fileNames(paths);
            NetworkModelTrainer.Spec spec = new NetworkModelTrainer.Spec(arch, ep, ts);
            org.mistudio.models.train.ProgressListener curve = r -> {
                // Throws once Cancel was pressed, which stops the trainer after this epoch.
                progress.update(String.format(Locale.ROOT, "epoch %d (at most %d): validation accuracy "
                        + "%.0f %%", r.epoch(), r.maxEpochs(), 100 * r.validationAccuracy()),
                        (double) r.epoch() / r.maxEpochs());
                Platform.runLater(() -> addEpoch(r));
            };
            try (NetworkModelTrainer.Trained t = others.isEmpty()
                    ? NetworkModelTrainer.train(runs, names, spec, AttemptModels.version(), curve, init)
                    : NetworkModelTrainer.pretrainThenFineTune(bench.recordings(others), fileNames(others), runs,
                            names, spec, AttemptModels.version(), r -> progress.update(String.format(Locale.ROOT,
                                    "pre-training on %d other recording(s): epoch %d (at most %d)", others.size(),
                                    r.epoch(), r.maxEpochs()), 0.5 * r.epoch() / r.maxEpochs()), curve)) {
                ModelMetadata md = t.metadata();
                Map<String, Object> m = md.metrics();
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("classifier", display);
                settings.put("validation", "split:" + Math.round(100 * ts.validationFraction()) + "%");
                settings.put("epochs", "limit " + ts.epochs() + ", ran " + m.get("epochs_run") + ", kept "
                        + m.get("best_epoch"));
                settings.put("patience", Integer.toString(ts.patience()));
                settings.put("stopping", ts.stopping().cliName());
                settings.put("seed", Long.toString(ts.seed()));
                settings.put("batch", Integer.toString(ts.batchSize()));
                settings.put("band", String.format(Locale.ROOT, "%s-%s Hz causal Butterworth order %d",
                        Numbers.plain(ep.lowHz()), Numbers.plain(ep.highHz()), ep.order()));
                settings.put("window", Numbers.plain(ep.tmin()) + "-" + Numbers.plain(ep.tmax()) + " s after the cue");
                settings.put("chanceAlpha", Double.toString(NetworkModelTrainer.CHANCE_ALPHA));
                settings.put("model", "network: the kept epoch's weights, as scored on the validation split");
                if (t.metadata().settings().get("transfer") instanceof Map<?, ?> tr) {
                    settings.put(TRANSFER, tr.get("mode").equals(NetworkModelTrainer.FINE_TUNE)
                            ? "fine-tuned from " + tr.get("source") : tr.get("source") + ", then fine-tuned");
                    if (m.get("initial_validation_accuracy") instanceof Number a0) {
                        settings.put("initialValidation", String.format(Locale.ROOT, "%.1f %% before fine-tuning",
                                100 * a0.doubleValue()));
                    }
                }
                return new Outcome(AttemptModels.networkScores(md), settings, md, t.entries());
            }
        }, o -> {
            record(x, arch, List.of(), o);
            Map<String, Object> m = o.metadata().metrics();
            int best = ((Number) m.get("best_epoch")).intValue();
            keptEpoch.getData().setAll(List.of(new XYChart.Data<>(best, 0), new XYChart.Data<>(best, 100)));
            // A dashed vertical line, not two points.
            keptEpoch.getData().forEach(d -> {
                if (d.getNode() != null) {
                    d.getNode().setVisible(false);
                }
            });
            if (keptEpoch.getNode() != null) {
                keptEpoch.getNode().setStyle("-fx-stroke-dash-array: 6 4;");
            }
            showScores(o.scores(), String.format(Locale.ROOT, "Validation accuracy %.1f %% (%d held-out trials, "
                    + "epoch %d of %s kept)", 100 * o.scores().accuracy(), o.scores().testTrials(), best,
                    m.get("epochs_run")));
        });
    }

    /**
     * The initial weights the choice names: none (from scratch, or pre-training, which makes its own), the chosen
     * earlier network attempt's model file, or the typed model file. Refuses a missing choice or a model that is not
     * a network.
     */
    private NetworkModelTrainer.Init initFromChoice(String mode) throws java.io.IOException {
        if (mode.equals(FROM_ATTEMPT)) {
            TrainingAttempt a = sourceAttempt.getValue();
            if (a == null) {
                throw new IllegalArgumentException("choose an earlier network attempt to fine-tune (train a network "
                        + "from scratch first)");
            }
            return NetworkModelTrainer.Init.fromModel(org.mistudio.models.persist.ModelFile.read(
                    AttemptModels.file(bench.workspace(), a)), "attempt " + a.id() + " (" + a.modelFile() + ")");
        }
        if (mode.equals(FROM_FILE)) {
            String text = sourceFile.getText() == null ? "" : sourceFile.getText().trim();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("choose the network model file to fine-tune");
            }
            java.nio.file.Path f = java.nio.file.Path.of(text);
            return NetworkModelTrainer.Init.fromModel(org.mistudio.models.persist.ModelFile.read(f), f.toString());
        }
        return null;
    }

    /** The workspace's recordings that the extraction does not use: the pre-training data. */
    private List<String> otherRecordings(List<String> used) {
        List<String> others = bench.state().get().recordings().stream().map(r -> r.path())
                .filter(p -> !used.contains(p)).toList();
        if (others.isEmpty()) {
            throw new IllegalArgumentException("pre-training needs recordings that the extraction does not use: add "
                    + "other subjects' recordings to the workspace (the extraction uses " + fileNames(used) + ")");
        }
        return others;
    }

    private static List<String> fileNames(List<String> paths) {
        return paths.stream().map(s -> java.nio.file.Path.of(s).getFileName().toString()).toList();
    }

    /** Adds one epoch to the learning curve. UI thread. */
    private void addEpoch(EpochReport r) {
        fitEpochAxes(r.epoch());
        trainLoss.getData().add(new XYChart.Data<>(r.epoch(), r.trainLoss()));
        trainAccuracy.getData().add(new XYChart.Data<>(r.epoch(), 100 * r.trainAccuracy()));
        if (!Double.isNaN(r.validationLoss())) {
            validationLoss.getData().add(new XYChart.Data<>(r.epoch(), r.validationLoss()));
            validationAccuracy.getData().add(new XYChart.Data<>(r.epoch(), 100 * r.validationAccuracy()));
        }
    }

    /** Writes the model file (when there is a model) and records the attempt. UI thread. */
    private void record(Workbench.Extracted x, String method, List<String> features, Outcome o) {
        try {
            String id = bench.workspace().state().nextAttemptId();
            String file = o.metadata() == null ? null
                    : AttemptModels.write(bench.workspace(), id, o.metadata(), o.entries());
            Workspace w = bench.update(ws -> ws.withAttempt(new TrainingAttempt(id, Workspace.stamp(Instant.now()),
                    x.extraction().id(), method, features, o.settings(), o.scores(), file)));
            lastAttempt = w.attempts().get(w.attempts().size() - 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        attempts.getSelectionModel().select(lastAttempt);
    }

    private void showScores(Scores s, String headline) {
        result.setText(String.format(Locale.ROOT, "%s%nKappa %.3f%n"
                + "Chance %.0f %%; above %.1f %% beats chance (binomial, p < %s, %d test trials)%n%s",
                headline, s.kappa(), 100 * s.chanceLevel(),
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

    /** Hands the attempt's model file to the live-session hook and shows its message (selectable, to copy). */
    Optional<String> useForLive(TrainingAttempt a) {
        Optional<String> message = bench.liveSession().use(a, Optional.ofNullable(
                AttemptModels.file(bench.workspace(), a)));
        message.ifPresent(text -> {
            Alert info = new Alert(Alert.AlertType.INFORMATION);
            if (bench.owner() != null && bench.owner().isShowing()) {
                info.initOwner(bench.owner());
            }
            info.setTitle("MI Studio");
            info.setHeaderText("Use attempt " + a.id() + " for a live session");
            javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefSize(620, 170);
            info.getDialogPane().setContent(area);
            lastLiveMessage = text;
            info.show();
        });
        return message;
    }

    private String lastLiveMessage;

    /** The last message "Use for live session" showed. */
    Optional<String> lastLiveMessage() {
        return Optional.ofNullable(lastLiveMessage);
    }

    /** Training and validation accuracy, loss and the kept epoch, as drawn. */
    List<XYChart.Series<Number, Number>> curveSeries() {
        return List.of(trainLoss, validationLoss, trainAccuracy, validationAccuracy, keptEpoch);
    }

    RadioButton ldaChoice() {
        return lda;
    }

    RadioButton networkChoice() {
        return network;
    }

    ChoiceBox<String> architectureChoice() {
        return architecture;
    }

    Spinner<Integer> epochsSpinner() {
        return epochs;
    }

    Spinner<Integer> patienceSpinner() {
        return patience;
    }

    ChoiceBox<String> stoppingChoice() {
        return stopping;
    }

    Spinner<Integer> seedSpinner() {
        return seed;
    }

    ChoiceBox<String> initialWeightsChoice() {
        return initialWeights;
    }

    ChoiceBox<TrainingAttempt> sourceAttemptChoice() {
        return sourceAttempt;
    }

    TextField sourceFileField() {
        return sourceFile;
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
