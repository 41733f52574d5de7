package org.mistudio.app.gui;

import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.app.gui.live.LiveSessionWindow;
import org.mistudio.app.gui.live.LiveSetup;

/**
 * The workbench window's content: one tab per {@link View}, in HappyFeat's order (recordings, preprocessing,
 * extraction, analysis, training), and a status line naming the workspace. To add a screen (a live session, say),
 * write a {@link View} and add it in {@link #views}.
 */
public final class WorkbenchPane {

    private final Workbench bench;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final RecordingsView recordings;
    private final OverviewView overview;
    private final PreprocessingView preprocessing;
    private final ExtractionView extraction;
    private final FeatureAnalysisView analysis;
    private final TrainingView training;

    public WorkbenchPane(Workbench bench) {
        this.bench = bench;
        recordings = new RecordingsView(bench);
        overview = new OverviewView(bench);
        preprocessing = new PreprocessingView(bench);
        extraction = new ExtractionView(bench);
        extraction.setPreprocessingForm(preprocessing);
        analysis = new FeatureAnalysisView(bench);
        training = new TrainingView(bench);
        for (View v : views()) {
            tabs.getTabs().add(new Tab(v.title(), v.root()));
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label status = new Label();
        status.textProperty().bind(bench.state().map(w -> "Workspace '" + w.name() + "' in "
                + bench.workspace().folder() + " — " + w.recordings().size() + " recording(s), "
                + w.extractions().size() + " extraction(s), " + w.attempts().size() + " training attempt(s)"));
        status.setPadding(new Insets(3, 8, 3, 8));
        root.setCenter(tabs);
        BorderPane.setAlignment(status, javafx.geometry.Pos.CENTER_LEFT);
        root.setBottom(new BorderPane(status, null, liveButton(), null, null));
        root.getStylesheets().add(WorkbenchPane.class.getResource("mistudio.css").toExternalForm());
        // Markers to offer appear once recordings are read.
        bench.selectedRecording().addListener((o, was, now) -> extraction.refreshMarkers());
    }

    /**
     * The live session opens in its own window (the patient's screen is best on a second monitor); recordings go to
     * the workspace's {@code live} folder ({@code live/live-DATE-TIME.edf}) and, when a session ends, join the
     * workspace's recordings, so a calibration run can be trained on at once. "Use for live session" on an attempt
     * opens it with the attempt's model.
     */
    private Button liveButton() {
        bench.setLiveSession(LiveSessionWindow.hook(bench.owner(), liveDir(), bench::addRecording));
        Button live = new Button("Live session…");
        live.setId("open-live");
        live.setOnAction(e -> LiveSessionWindow.open(bench.owner(), liveSetup(LslConfig.fromEnvironment())));
        BorderPane.setMargin(live, new Insets(2, 8, 2, 8));
        return live;
    }

    private Path liveDir() {
        return bench.workspace().folder().resolve("live");
    }

    /** How "Live session…" opens the live window: recording into the workspace's live folder, and joining it. */
    LiveSetup liveSetup(LslConfig lsl) {
        return LiveSetup.defaults(lsl, liveDir()).withWorkspace(liveDir(), bench::addRecording);
    }

    /** The screens, in tab order. */
    public List<View> views() {
        return List.of(recordings, overview, preprocessing, extraction, analysis, training);
    }

    public Parent root() {
        return root;
    }

    public Workbench bench() {
        return bench;
    }

    /** Brings a screen to the front. */
    public void show(View v) {
        tabs.getSelectionModel().select(views().indexOf(v));
    }

    public RecordingsView recordings() {
        return recordings;
    }

    public OverviewView overview() {
        return overview;
    }

    public PreprocessingView preprocessing() {
        return preprocessing;
    }

    public ExtractionView extraction() {
        return extraction;
    }

    public FeatureAnalysisView analysis() {
        return analysis;
    }

    public TrainingView training() {
        return training;
    }

    TabPane tabs() {
        return tabs;
    }
}
