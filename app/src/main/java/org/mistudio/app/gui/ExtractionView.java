package org.mistudio.app.gui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.mistudio.app.Numbers;
import org.mistudio.app.workspace.Extraction;
import org.mistudio.app.workspace.ExtractionParameters;
import org.mistudio.app.workspace.PreprocessingSettings;
import org.mistudio.app.workspace.RecordingEntry;
import org.mistudio.app.workspace.Workspace;
import org.mistudio.dsp.analysis.FeatureExtraction;
import org.mistudio.dsp.features.R2Map;

/**
 * HappyFeat's extraction step (Desbois et al. 2023): the markers of the two classes, the epoch of interest, PSD
 * windows, Welch or Burg, the frequency resolution and band, and the connectivity estimator. Each distinct parameter
 * set is kept in the workspace as its own extraction; extracting runs off the UI thread with progress and cancel.
 */
public final class ExtractionView implements View {

    private final Workbench bench;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> first = new ComboBox<>();
    private final ComboBox<String> second = new ComboBox<>();
    private final ListView<String> recordings = new ListView<>();
    private final TextField start = field("1");
    private final TextField length = field("3");
    private final TextField window = field("0.25");
    private final TextField shift = field("0.161");
    private final ChoiceBox<String> method = new ChoiceBox<>(FXCollections.observableArrayList(
            ExtractionParameters.METHODS));
    private final Spinner<Integer> order = new Spinner<>(1, 64, 19);
    private final TextField resolution = field("1");
    private final TextField fmin = field("1");
    private final TextField fmax = field("40");
    private final ChoiceBox<String> connectivity = new ChoiceBox<>(FXCollections.observableArrayList(
            ExtractionParameters.CONNECTIVITY));
    private final Label current = new Label("No features extracted yet.");
    private final TableView<Extraction> history = new TableView<>();
    private final BarChart<String, Number> trials;
    private final JobBar job;
    private PreprocessingView preprocessingForm;

    public ExtractionView(Workbench bench) {
        this.bench = bench;
        this.job = new JobBar(bench.owner());
        method.setValue("welch");
        connectivity.setValue("none");
        order.setPrefWidth(80);
        order.disableProperty().bind(method.valueProperty().isEqualTo("welch"));
        first.setPromptText("marker");
        second.setPromptText("marker");
        recordings.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        recordings.setPrefHeight(110);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Class 1 marker"), first);
        form.addRow(row++, new Label("Class 2 marker"), second);
        form.addRow(row++, new Label("Epoch"), new HBox(6, new Label("from"), start, new Label("s after the cue, "
                + "lasting"), length, new Label("s")));
        form.addRow(row++, new Label("PSD windows"), new HBox(6, window, new Label("s, shifted by"), shift,
                new Label("s")));
        form.addRow(row++, new Label("Method"), new HBox(6, method, new Label("Burg order"), order));
        form.addRow(row++, new Label("Frequencies"), new HBox(6, new Label("every"), resolution, new Label("Hz from"),
                fmin, new Label("to"), fmax, new Label("Hz")));
        form.addRow(row++, new Label("Connectivity"), new HBox(6, connectivity, new Label("node strength, 1 s "
                + "segments")));
        form.addRow(row, new Label("Recordings"), recordings);
        Button extract = new Button("Extract features");
        extract.setId("extract");
        extract.setDefaultButton(true);
        extract.setOnAction(e -> extract());
        extract.disableProperty().bind(job.busyProperty());
        current.setWrapText(true);
        VBox left = new VBox(10, form, new HBox(10, extract, job.root()), current);
        left.setPadding(new Insets(8));
        left.setPrefWidth(640);

        NumberAxis count = new NumberAxis();
        count.setLabel("Trials");
        CategoryAxis cls = new CategoryAxis();
        cls.setLabel("Class");
        trials = new BarChart<>(cls, count);
        trials.setTitle("Trials of the current extraction");
        trials.setAnimated(false);
        trials.setLegendVisible(true);
        trials.setPrefHeight(300);

        history.getColumns().add(col("Id", e -> e.id(), 45));
        history.getColumns().add(col("Created (UTC)", e -> e.created().replace('T', ' ').replace("Z", ""), 140));
        history.getColumns().add(col("Markers", e -> String.join(", ", e.parameters().classes().keySet()), 130));
        history.getColumns().add(col("Settings", ExtractionView::summary, 330));
        history.getColumns().add(col("Runs", e -> Integer.toString(e.recordings().size()), 50));
        history.setPlaceholder(new Label("No extraction yet."));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button reload = new Button("Use the selected extraction");
        reload.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull()
                .or(job.busyProperty()));
        reload.setOnAction(e -> reuse(history.getSelectionModel().getSelectedItem()));
        VBox right = new VBox(8, trials, new Label("Extractions of this workspace (each parameter set is kept)"),
                history, reload);
        VBox.setVgrow(history, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        HBox.setHgrow(right, Priority.ALWAYS);
        root.setCenter(new HBox(left, right));
        bench.state().addListener((o, was, now) -> refresh());
        bench.current().addListener((o, was, now) -> showCurrent());
        refresh();
    }

    private static TextField field(String value) {
        TextField t = new TextField(value);
        t.setPrefColumnCount(5);
        return t;
    }

    private static TableColumn<Extraction, String> col(String title, java.util.function.Function<Extraction, String> f,
                                                       double width) {
        TableColumn<Extraction, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(f.apply(v.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static String summary(Extraction e) {
        ExtractionParameters p = e.parameters();
        PreprocessingSettings pre = p.preprocessing();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s%s, %s-%s s, win %s s / %s s, %s Hz, "
                + "%s-%s Hz", p.method(), p.method().equals("burg") ? " " + p.burgOrder() : "",
                Numbers.plain(p.epochStart()), Numbers.plain(p.epochStart() + p.epochLength()), Numbers.plain(p.window()),
                Numbers.plain(p.shift()), Numbers.plain(p.resolution()), Numbers.plain(p.fmin()),
                Numbers.plain(p.fmax())));
        if (!p.connectivity().equals("none")) {
            s.append(", ").append(p.connectivity());
        }
        if (pre.bandpassLow() != null) {
            s.append(", bp ").append(Numbers.plain(pre.bandpassLow())).append('-')
                    .append(Numbers.plain(pre.bandpassHigh()));
        }
        if (pre.notch() != null) {
            s.append(", notch ").append(Numbers.plain(pre.notch()));
        }
        if (pre.reference() != null) {
            s.append(", ref ").append(pre.reference());
        }
        if (p.faster()) {
            s.append(", FASTER");
        }
        return s.toString();
    }

    /** The preprocessing form to fill when an earlier extraction is reused. */
    void setPreprocessingForm(PreprocessingView form) {
        this.preprocessingForm = form;
    }

    @Override
    public String title() {
        return "Extraction";
    }

    @Override
    public Node root() {
        return root;
    }

    private void refresh() {
        Workspace w = bench.state().get();
        List<String> paths = w.recordings().stream().map(RecordingEntry::path).toList();
        List<String> chosen = new ArrayList<>(recordings.getSelectionModel().getSelectedItems());
        recordings.setItems(FXCollections.observableArrayList(paths));
        for (String p : paths) {
            if (chosen.isEmpty() || chosen.contains(p)) {
                recordings.getSelectionModel().select(p);
            }
        }
        history.setItems(FXCollections.observableArrayList(w.extractions()));
        refreshMarkers();
    }

    /** Offers the cue labels of the recordings read so far; picks the first two when none is chosen. */
    void refreshMarkers() {
        List<String> cues = bench.cueLabels();
        String a = first.getValue();
        String b = second.getValue();
        first.getItems().setAll(cues);
        second.getItems().setAll(cues);
        first.setValue(a != null ? a : cues.size() > 0 ? cues.get(0) : null);
        second.setValue(b != null ? b : cues.size() > 1 ? cues.get(1) : null);
    }

    /** The parameters as entered; throws a readable IllegalArgumentException naming the field. */
    ExtractionParameters parameters() {
        if (first.getValue() == null || second.getValue() == null) {
            throw new IllegalArgumentException("choose the markers of both classes (the recordings' annotation "
                    + "labels)");
        }
        if (first.getValue().equals(second.getValue())) {
            throw new IllegalArgumentException("the two classes need different markers, both are '"
                    + first.getValue() + "'");
        }
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put(first.getValue(), first.getValue());
        classes.put(second.getValue(), second.getValue());
        return new ExtractionParameters(classes, number(start, "epoch start"), number(length, "epoch length"),
                number(window, "window"), number(shift, "shift"), method.getValue(), order.getValue(),
                number(resolution, "frequency resolution"), number(fmin, "lowest frequency"),
                number(fmax, "highest frequency"), connectivity.getValue(), bench.preprocessing().get(),
                bench.faster().get());
    }

    private static double number(TextField f, String what) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + f.getText() + "' is not a number");
        }
    }

    /** Fills the form with an extraction's parameters. */
    void load(ExtractionParameters p, List<String> paths) {
        List<String> markers = new ArrayList<>(p.classes().keySet());
        first.setValue(markers.get(0));
        second.setValue(markers.get(1));
        start.setText(Numbers.plain(p.epochStart()));
        length.setText(Numbers.plain(p.epochLength()));
        window.setText(Numbers.plain(p.window()));
        shift.setText(Numbers.plain(p.shift()));
        method.setValue(p.method());
        order.getValueFactory().setValue(p.burgOrder());
        resolution.setText(Numbers.plain(p.resolution()));
        fmin.setText(Numbers.plain(p.fmin()));
        fmax.setText(Numbers.plain(p.fmax()));
        connectivity.setValue(p.connectivity());
        recordings.getSelectionModel().clearSelection();
        paths.forEach(r -> recordings.getSelectionModel().select(r));
        if (preprocessingForm != null) {
            preprocessingForm.load(p.preprocessing(), p.faster());
        }
    }

    private void reuse(Extraction e) {
        load(e.parameters(), e.recordings());
        extract();
    }

    /** Extracts with the form's parameters off the UI thread; records the extraction once it succeeded. */
    public CompletableFuture<Boolean> extract() {
        ExtractionParameters params;
        List<String> paths = List.copyOf(recordings.getSelectionModel().getSelectedItems());
        try {
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("choose at least one recording");
            }
            params = parameters();
        } catch (IllegalArgumentException e) {
            Errors.show(bench.owner(), "Cannot extract features", e);
            return CompletableFuture.completedFuture(false);
        }
        List<String> ordered = bench.state().get().recordings().stream().map(RecordingEntry::path)
                .filter(paths::contains).toList();
        FeatureExtraction fx = params.toExtraction();
        return job.run("Extracting features", progress -> {
            FeatureExtraction.Result r = fx.run(bench.recordings(ordered), progress);
            List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(params.classes().values()));
            return Map.entry(r, R2Map.of(r.psd(), names.get(0), names.get(1)));
        }, done -> {
            try {
                Workspace.WithExtraction w = bench.workspace().state().extraction(params, ordered, Instant.now());
                if (w.isNew()) {
                    bench.update(s -> s.extraction(params, ordered, Instant.now()).workspace());
                }
                List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(params.classes().values()));
                bench.current().set(new Workbench.Extracted(w.extraction(), done.getKey(), done.getValue(), names));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void showCurrent() {
        Workbench.Extracted x = bench.current().get();
        trials.getData().clear();
        if (x == null) {
            return;
        }
        Map<String, Integer> kept = new LinkedHashMap<>();
        x.classes().forEach(c -> kept.put(c, 0));
        x.psd().labels().forEach(l -> kept.merge(l, 1, Integer::sum));
        Map<String, Integer> dropped = new LinkedHashMap<>();
        x.classes().forEach(c -> dropped.put(c, 0));
        x.result().dropped().forEach(d -> dropped.merge(x.extraction().parameters().classes()
                .getOrDefault(d.label(), d.label()), 1, Integer::sum));
        int rejected = x.result().faster().map(f -> f.badEpochs().map(s -> s.bad().length).orElse(0)).orElse(0);
        XYChart.Series<String, Number> k = new XYChart.Series<>();
        k.setName("used");
        XYChart.Series<String, Number> d = new XYChart.Series<>();
        d.setName("dropped (outside the data or over a bad segment)");
        for (String c : x.classes()) {
            k.getData().add(new XYChart.Data<>(c, kept.get(c)));
            d.getData().add(new XYChart.Data<>(c, dropped.getOrDefault(c, 0)));
        }
        trials.getData().add(k);
        trials.getData().add(d);
        current.setText(String.format(Locale.ROOT, "Current: extraction %s — %d trials %s, %d channels, %d bins "
                + "%s-%s Hz%s%s.", x.extraction().id(), x.psd().trialCount(), kept, x.psd().channels().size(),
                x.psd().frequencies().length, Numbers.plain(x.psd().frequencies()[0]),
                Numbers.plain(x.psd().frequencies()[x.psd().frequencies().length - 1]),
                x.result().connectivity().isPresent() ? ", node strength too" : "",
                x.result().faster().isPresent() ? ", FASTER rejected " + rejected + " epochs" : ""));
    }

    JobBar job() {
        return job;
    }

    Optional<Workbench.Extracted> extracted() {
        return Optional.ofNullable(bench.current().get());
    }

    TextField shiftField() {
        return shift;
    }

    ChoiceBox<String> connectivityChoice() {
        return connectivity;
    }

    ListView<String> recordingList() {
        return recordings;
    }
}
