package org.mistudio.app.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.app.workspace.PreprocessingSettings;
import org.mistudio.dsp.artifact.faster.Faster;
import org.mistudio.dsp.artifact.faster.FasterConfig;
import org.mistudio.dsp.artifact.faster.FasterResult;
import org.mistudio.dsp.artifact.faster.StageReport;
import org.mistudio.dsp.epoch.EpochingResult;
import org.mistudio.dsp.features.Topography;

/**
 * Preprocessing before extraction (band-pass, notch, reference; FASTER on or off), and FASTER's report on the
 * selected recording (Nolan et al. 2010): bad channels on a head, rejected epochs with the metrics that rejected them,
 * removed ICA components with their scalp maps.
 */
public final class PreprocessingView implements View {

    private final Workbench bench;
    private final BorderPane root = new BorderPane();
    private final CheckBox bandpass = new CheckBox("Band-pass");
    private final TextField low = new TextField("1");
    private final TextField high = new TextField("40");
    private final Spinner<Integer> order = new Spinner<>(0, 12, 4);
    private final ChoiceBox<String> notch = new ChoiceBox<>(FXCollections.observableArrayList("none", "50 Hz",
            "60 Hz"));
    private final ComboBox<String> reference = new ComboBox<>();
    private final CheckBox faster = new CheckBox("Clean the epochs with FASTER before extracting features");
    private final Label settingsProblem = new Label();
    private final Label summary = new Label("Run FASTER to see what it finds in the selected recording.");
    private final TopomapCanvas head = new TopomapCanvas(300);
    private final TableView<String[]> epochs = new TableView<>();
    private final FlowPane components = new FlowPane(8, 8);
    private final JobBar job;
    private FasterResult last;

    public PreprocessingView(Workbench bench) {
        this.bench = bench;
        this.job = new JobBar(bench.owner());
        notch.setValue("none");
        reference.setEditable(true);
        reference.getItems().addAll("none", "average");
        reference.setValue("none");
        low.setPrefColumnCount(4);
        high.setPrefColumnCount(4);
        order.setPrefWidth(70);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, bandpass, new HBox(6, low, new Label("to"), high, new Label("Hz")));
        form.addRow(1, new Label("Filter order"), new HBox(6, order, new Label("0 = FIR (MNE's default); N = "
                + "zero-phase Butterworth of order N")));
        form.addRow(2, new Label("Notch"), notch);
        form.addRow(3, new Label("Reference"), reference);
        form.add(faster, 0, 4, 2, 1);
        settingsProblem.setStyle("-fx-text-fill: #b2182b;");
        form.add(settingsProblem, 0, 5, 2, 1);
        for (javafx.beans.Observable o : List.of(bandpass.selectedProperty(), low.textProperty(), high.textProperty(),
                order.valueProperty(), notch.valueProperty(), reference.valueProperty(), faster.selectedProperty())) {
            o.addListener(x -> apply());
        }
        Button run = new Button("Run FASTER on the selected recording");
        run.setId("run-faster");
        run.setOnAction(e -> runFaster());
        run.disableProperty().bind(bench.selectedRecording().isNull().or(job.busyProperty()));
        VBox top = new VBox(8, new Label("Applied to every recording before epoching, in this order: reference, "
                + "notch, band-pass (all zero-phase)."), form, new HBox(10, run, job.root()), summary);
        top.setPadding(new Insets(8));
        summary.setWrapText(true);

        TableColumn<String[], String> ep = column("Epoch", 0, 60);
        TableColumn<String[], String> cls = column("Class", 1, 90);
        TableColumn<String[], String> why = column("Why (metric = value, z-score)", 2, 330);
        epochs.getColumns().add(ep);
        epochs.getColumns().add(cls);
        epochs.getColumns().add(why);
        epochs.setPlaceholder(new Label("No epoch rejected yet."));
        epochs.setPrefWidth(500);
        head.setLabels(true);
        VBox headBox = new VBox(4, bold("Bad channels (interpolated)"), head);
        VBox epochBox = new VBox(4, bold("Rejected epochs"), epochs);
        VBox.setVgrow(epochs, Priority.ALWAYS);
        javafx.scene.control.ScrollPane compScroll = new javafx.scene.control.ScrollPane(components);
        compScroll.setFitToWidth(true);
        compScroll.setPrefViewportHeight(190);
        VBox compBox = new VBox(4, bold("Removed ICA components (scalp maps, arbitrary units)"), compScroll);
        VBox.setVgrow(compScroll, Priority.ALWAYS);
        HBox report = new HBox(12, headBox, epochBox, compBox);
        HBox.setHgrow(compBox, Priority.ALWAYS);
        report.setPadding(new Insets(8));
        root.setTop(top);
        root.setCenter(report);
        bench.selectedRecording().addListener((o, was, now) -> updateReferenceChoices());
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static TableColumn<String[], String> column(String title, int i, double width) {
        TableColumn<String[], String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(v.getValue()[i]));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public String title() {
        return "Preprocessing";
    }

    @Override
    public Node root() {
        return root;
    }

    private void updateReferenceChoices() {
        String path = bench.selectedRecording().get();
        try {
            Recording r = bench.recording(path);
            String keep = reference.getValue();
            reference.getItems().setAll("none", "average");
            reference.getItems().addAll(r.labels());
            reference.setValue(keep);
        } catch (java.io.IOException e) {
            Errors.show(bench.owner(), "Cannot read " + path, e);
        }
    }

    /** The settings as entered, or the problem with them. */
    Optional<PreprocessingSettings> settings() {
        try {
            Double lo = null;
            Double hi = null;
            if (bandpass.isSelected()) {
                lo = Double.parseDouble(low.getText().trim());
                hi = Double.parseDouble(high.getText().trim());
            }
            Double n = notch.getValue().equals("none") ? null : Double.parseDouble(notch.getValue().split(" ")[0]);
            String ref = reference.getValue() == null || reference.getValue().equals("none") ? null
                    : reference.getValue();
            PreprocessingSettings p = new PreprocessingSettings(lo, hi, order.getValue(), n, ref);
            settingsProblem.setText("");
            return Optional.of(p);
        } catch (NumberFormatException e) {
            settingsProblem.setText("Band-pass edges must be numbers in Hz, e.g. 1 and 40.");
        } catch (IllegalArgumentException e) {
            settingsProblem.setText(e.getMessage());
        }
        return Optional.empty();
    }

    private void apply() {
        settings().ifPresent(p -> bench.preprocessing().set(p));
        bench.faster().set(faster.isSelected());
    }

    /** Sets the form (e.g. from an extraction's parameters). */
    void load(PreprocessingSettings p, boolean useFaster) {
        bandpass.setSelected(p.bandpassLow() != null);
        if (p.bandpassLow() != null) {
            low.setText(org.mistudio.app.Numbers.plain(p.bandpassLow()));
            high.setText(org.mistudio.app.Numbers.plain(p.bandpassHigh()));
        }
        order.getValueFactory().setValue(p.filterOrder());
        notch.setValue(p.notch() == null ? "none" : Math.round(p.notch()) + " Hz");
        reference.setValue(p.reference() == null ? "none" : p.reference());
        faster.setSelected(useFaster);
        apply();
    }

    /** FASTER (the EEGNet comparison's settings) on the selected recording's cue epochs, off the UI thread. */
    public java.util.concurrent.CompletableFuture<Boolean> runFaster() {
        String path = bench.selectedRecording().get();
        Optional<PreprocessingSettings> p = settings();
        if (path == null || p.isEmpty()) {
            Errors.show(bench.owner(), "FASTER", path == null ? "select a recording first"
                    : settingsProblem.getText());
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
        List<String> cues = bench.cueLabels();
        return job.run("FASTER on " + path, progress -> {
            if (cues.isEmpty()) {
                throw new IllegalArgumentException(path + ": no cue annotations to epoch around (labels: "
                        + bench.annotationLabels().keySet() + ")");
            }
            Map<String, String> classes = new LinkedHashMap<>();
            cues.forEach(c -> classes.put(c, c));
            // The extraction's epochs (cue to the end of HappyFeat's epoch of interest) on these settings.
            EpochingResult cut = new org.mistudio.dsp.analysis.FeatureExtraction(classes, p.get().toPreprocessing(),
                    org.mistudio.dsp.features.PsdFeatures.happyFeat(org.mistudio.dsp.features.PsdFeatures.Method.WELCH),
                    Optional.empty(), Optional.empty()).epochs(List.of(bench.recording(path)), (s, f) ->
                    progress.update(s, f * 0.5));
            progress.update("FASTER: channels, epochs, ICA, channels within epochs", 0.3);
            FasterResult r = new Faster(FasterConfig.authors(), Montage.standard1005()).run(cut.epochs());
            progress.update("done", 1);
            return new Run(r, cut.epochs().labels());
        }, this::show);
    }

    /** FASTER's result and the class of every input epoch. */
    record Run(FasterResult result, List<String> labels) {
    }

    private void show(Run run) {
        FasterResult r = run.result();
        last = r;
        int total = r.keptEpochs().length + r.badEpochs().map(s -> s.bad().length).orElse(0);
        List<String> badComponents = r.badComponents().map(StageReport::badItems).orElse(List.of());
        long within = r.channelsInEpochs().stream().filter(s -> s.bad().length > 0).count();
        summary.setText(String.format(Locale.ROOT, "FASTER kept %d of %d epochs; bad channels %s; ICA components "
                + "removed %s; %d epochs had channels interpolated within them. Time per stage (ms): %s.",
                r.keptEpochs().length, total, r.interpolated().isEmpty() ? "none" : r.interpolated(),
                badComponents.isEmpty() ? "none" : badComponents, within, new java.util.TreeMap<>(r.millis())));
        Topography positions = Topography.of(r.eegChannels(), new double[r.eegChannels().size()],
                Montage.standard1005(), 2);
        head.showElectrodes(positions, new java.util.HashSet<>(r.interpolated()), r.interpolated().isEmpty()
                ? "no bad channel" : r.interpolated().size() + " bad: " + String.join(", ", r.interpolated()));
        List<String[]> rows = new ArrayList<>();
        r.badEpochs().ifPresent(s -> {
            for (int b : s.bad()) {
                rows.add(new String[] {Integer.toString(b + 1), run.labels().get(b), String.join("; ", s.reasons(b))});
            }
        });
        epochs.setItems(FXCollections.observableArrayList(rows));
        epochs.setPlaceholder(new Label("No epoch rejected."));
        components.getChildren().clear();
        r.badComponents().ifPresent(s -> r.ica().ifPresent(ica -> {
            for (int b : s.bad()) {
                double[] map = ica.map(b);
                double lim = 0;
                for (double v : map) {
                    lim = Math.max(lim, Math.abs(v));
                }
                TopomapCanvas t = new TopomapCanvas(170);
                t.setLabels(false);
                t.setLegend("a.u.");
                t.show(Topography.of(r.eegChannels(), map, Montage.standard1005(), 48), lim == 0 ? 1 : lim,
                        s.items().get(b));
                Label why = new Label(String.join("\n", s.reasons(b)));
                why.setStyle("-fx-font-size: 10px;");
                why.setMaxWidth(170);
                why.setWrapText(true);
                components.getChildren().add(new VBox(2, t, why));
            }
        }));
        if (components.getChildren().isEmpty()) {
            components.getChildren().add(new Label("No component removed."));
        }
    }

    Optional<FasterResult> lastResult() {
        return Optional.ofNullable(last);
    }

    JobBar job() {
        return job;
    }

    CheckBox fasterBox() {
        return faster;
    }
}
