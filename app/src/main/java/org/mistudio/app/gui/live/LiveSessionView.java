package org.mistudio.app.gui.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.lsl.ChannelFormat;
import org.mistudio.acquisition.lsl.ContinuousResolver;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.app.gui.Errors;
import org.mistudio.app.live.LiveConfig;
import org.mistudio.app.live.LiveCues;
import org.mistudio.app.live.LiveSession;
import org.mistudio.app.live.LiveSummary;
import org.mistudio.app.live.SessionFile;
import org.mistudio.app.live.StreamCheck;
import org.mistudio.app.live.TonePlayer;
import org.mistudio.app.live.TrialResult;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelMetadata;

/**
 * The live session on screen: on the right the operator's panel (the EEG stream chosen from the LSL streams on the
 * network, the model file or a calibration run without one, the check of the stream against the model, start and
 * stop, then the trial counter, each trial's result, the running accuracy and the latency so far); the rest is the
 * patient's screen ({@link PatientScreen}). The session itself is the headless engine ({@link LiveSession}) on its
 * own thread; its reports reach the UI thread through a {@link UiThrottle} (at most 30 frames a second).
 */
public final class LiveSessionView {

    /** Frames per second at most. */
    static final double MAX_FPS = 30;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final String OK_STYLE = "-fx-text-fill: #006d4a;";
    private static final String PROBLEM_STYLE = "-fx-text-fill: #b3261e;";

    private final LiveSetup setup;
    private final BorderPane root = new BorderPane();
    private final PatientScreen screen = new PatientScreen();
    private final ComboBox<StreamInfo> streams = new ComboBox<>();
    private final ComboBox<String> markers = new ComboBox<>();
    private final TextField modelField = new TextField();
    private final CheckBox calibration = new CheckBox("Calibration run (no model: cues only, record for training)");
    private final Label modelInfo = new Label();
    private final Label check = new Label();
    private final TextField trials = field("live-trials");
    private final TextField fixation = field("live-fixation");
    private final TextField beepToCue = field("live-beep-to-cue");
    private final TextField cueField = field("live-cue");
    private final TextField feedbackField = field("live-feedback");
    private final TextField restMin = field("live-rest-min");
    private final TextField restMax = field("live-rest-max");
    private final TextField stepField = field("live-step");
    private final TextField smoothingField = field("live-smoothing");
    private final Label windowLabel = new Label("–");
    private final CheckBox beep = new CheckBox("Beep before each cue");
    private final Button patientWindow = new Button("Patient window");
    private final Label patientElsewhere = new Label();
    private final TextField recordField = new TextField();
    private final Button start = new Button("Start");
    private final Button stop = new Button("Stop");
    private final Button chooseModel = new Button("Choose…");
    private final Button chooseRecord = new Button("Choose…");
    private final Label status = new Label("Choose the EEG stream and the model, then Start.");
    private final Label trialLabel = new Label("Trial –");
    private final Label feedbackLabel = new Label("Feedback –");
    private final Label lastLabel = new Label("Last trial –");
    private final Label accuracyLabel = new Label("Running accuracy –");
    private final Label latencyLabel = new Label("Latency –");
    private final ListView<String> results = new ListView<>();

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> daemon(r, "live-check"));
    private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "live-streams"));
    private final AtomicInteger checkSeq = new AtomicInteger();
    private final AtomicInteger modelSeq = new AtomicInteger();
    private ContinuousResolver resolver;
    private ModelFile.Contents model;
    private boolean recordTyped;
    private boolean closed;
    private PatientWindow patient;
    private volatile String audioNote = "";
    private LiveConfig config;

    // the running session (UI thread)
    private LiveSession session;
    private SessionState state;
    private UiThrottle throttle;
    private volatile CompletableFuture<LiveSummary> finished = new CompletableFuture<>();
    private LiveSummary lastSummary;
    private boolean calibrationRun;
    private volatile boolean started;

    public LiveSessionView(LiveSetup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
        root.setCenter(screen);
        root.setRight(panel());
        root.setId("live-session");
        screen.draw(null);
        recordField.setText(setup.record() != null ? setup.record().toString() : newRecordPath().toString());
        recordTyped = setup.record() != null;
        recordField.textProperty().addListener((o, a, b) -> recordTyped = true);
        calibration.setSelected(setup.calibration());
        trials.setText(Integer.toString(setup.trialsPerClass()));
        GrazTiming t = setup.timing();
        fixation.setText(plain(t.waitForBeep()));
        beepToCue.setText(plain(t.waitForCue()));
        cueField.setText(plain(t.displayCue()));
        feedbackField.setText(plain(t.feedback()));
        restMin.setText(plain(t.endOfTrialMin()));
        restMax.setText(plain(t.endOfTrialMax()));
        stepField.setText(plain(setup.step()));
        smoothingField.setText(Integer.toString(setup.smoothing()));
        beep.setSelected(setup.beep());
        if (setup.model() != null) {
            modelField.setText(setup.model().toString());
            loadModel(setup.model());
        }
        try {
            resolver = new ContinuousResolver(setup.lsl(), "", 3);
            poll.scheduleWithFixedDelay(this::pollStreams, 200, 700, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            showProblem("Cannot look for LSL streams: " + Errors.describe(e));
        }
        updateButtons();
        if (setup.autoStart() && (setup.calibration() || setup.model() == null)) {
            Platform.runLater(this::start);
        } // with a model: once it is read (loadModel)
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public Parent root() {
        return root;
    }

    private VBox panel() {
        streams.setConverter(new StringConverter<>() {
            @Override
            public String toString(StreamInfo s) {
                return s == null ? "" : String.format(Locale.ROOT, "%s (%s, %d ch, %s Hz%s)", s.name(),
                        s.type().isEmpty() ? "?" : s.type(), s.channelCount(), plain(s.nominalSrate()),
                        s.hostname().isEmpty() ? "" : ", " + s.hostname());
            }

            @Override
            public StreamInfo fromString(String text) {
                return null;
            }
        });
        streams.setPromptText("looking for EEG streams…");
        streams.setMaxWidth(Double.MAX_VALUE);
        streams.setId("live-stream");
        streams.valueProperty().addListener((o, a, b) -> runCheck());
        markers.getItems().add(ownProtocol());
        markers.setValue(setup.markers() == null ? ownProtocol() : setup.markers());
        markers.setMaxWidth(Double.MAX_VALUE);
        markers.valueProperty().addListener((o, a, b) -> updateButtons());
        modelField.setPromptText("a .mimodel from training");
        modelField.setOnAction(e -> loadModel(Path.of(modelField.getText().trim())));
        modelField.setId("live-model");
        recordField.setId("live-record");
        chooseModel.setOnAction(e -> chooseModel());
        calibration.selectedProperty().addListener((o, a, b) -> {
            showWindow();
            runCheck();
            updateButtons();
        });
        calibration.setWrapText(true);
        calibration.setId("live-calibration");
        chooseRecord.setOnAction(e -> chooseRecord());
        modelInfo.setWrapText(true);
        check.setWrapText(true);
        check.setId("live-check");
        status.setWrapText(true);
        status.setId("live-status");

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, new Label("EEG stream"), streams);
        g.addRow(1, new Label("Cues"), markers);
        g.addRow(2, new Label("Model"), new HBox(4, modelField, chooseModel));
        g.add(calibration, 1, 3);
        g.addRow(4, new Label("Record to"), new HBox(4, recordField, chooseRecord));
        HBox.setHgrow(modelField, Priority.ALWAYS);
        HBox.setHgrow(recordField, Priority.ALWAYS);
        GridPane.setHgrow(streams, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        g.getColumnConstraints().addAll(c0, c1);

        start.setId("live-start");
        stop.setId("live-stop");
        start.setDefaultButton(true);
        start.setOnAction(e -> start());
        stop.setOnAction(e -> stop());
        start.setPrefWidth(100);
        stop.setPrefWidth(100);
        patientWindow.setId("live-patient-window");
        patientWindow.setOnAction(e -> togglePatientWindow());
        HBox buttons = new HBox(8, start, stop, patientWindow);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label("Live session");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label progress = new Label("Progress");
        progress.setStyle("-fx-font-weight: bold;");
        for (Label l : List.of(trialLabel, feedbackLabel, lastLabel, accuracyLabel, latencyLabel)) {
            l.setWrapText(true);
        }
        trialLabel.setId("live-trial");
        accuracyLabel.setId("live-accuracy");
        latencyLabel.setId("live-latency");
        accuracyLabel.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        results.setId("live-results");
        results.setPrefHeight(200);
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox box = new VBox(8, title, g, protocolGrid(), modelInfo, check, buttons, status, new Separator(), progress,
                trialLabel, feedbackLabel, lastLabel, accuracyLabel, latencyLabel, results);
        box.setPadding(new Insets(10));
        box.setPrefWidth(400);
        box.setMinWidth(400);
        box.setMaxWidth(400);
        box.setStyle("-fx-background-color: -fx-background;");
        return box;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(4);
        f.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return f;
    }

    /** Trials, the Graz timing of a trial, and the decoder's step and smoothing: two label-field pairs a row. */
    private GridPane protocolGrid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("Trials/class"), trials, new Label("Beep–cue (s)"), beepToCue);
        g.addRow(1, new Label("Fixation (s)"), fixation, new Label("Cue (s)"), cueField);
        g.addRow(2, new Label("Rest min (s)"), restMin, new Label("Feedback (s)"), feedbackField);
        g.addRow(3, new Label("Rest max (s)"), restMax, new Label("Step (s)"), stepField);
        g.addRow(4, new Label("Window (s)"), windowLabel, new Label("Smoothing"), smoothingField);
        g.add(beep, 0, 5, 4, 1);
        windowLabel.setId("live-window");
        beep.setId("live-beep");
        fixation.setTooltip(new javafx.scene.control.Tooltip("fixation cross before the beep"));
        smoothingField.setTooltip(new javafx.scene.control.Tooltip("predictions averaged for the feedback bar"));
        windowLabel.setTooltip(new javafx.scene.control.Tooltip("the model's window, fixed when it was trained"));
        return g;
    }

    private static String ownProtocol() {
        return "own Graz protocol";
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private Path newRecordPath() {
        return setup.recordDir().resolve("live-" + LocalDateTime.now().format(STAMP) + ".edf");
    }

    // ---------------------------------------------------------------- choosing

    private void pollStreams() {
        if (resolver == null) {
            return;
        }
        List<StreamInfo> found = resolver.results();
        Platform.runLater(() -> showStreams(found));
    }

    private void showStreams(List<StreamInfo> found) {
        if (closed) {
            return;
        }
        List<StreamInfo> eeg = new ArrayList<>();
        List<String> cueStreams = new ArrayList<>();
        cueStreams.add(ownProtocol());
        for (StreamInfo s : found) {
            if (s.nominalSrate() > 0 && s.format() != ChannelFormat.STRING) {
                eeg.add(s);
            } else if (!s.name().equals(setup.outletName()) && !cueStreams.contains(s.name())) {
                cueStreams.add(s.name());
            }
        }
        StreamInfo chosen = streams.getValue();
        List<String> uids = eeg.stream().map(StreamInfo::uid).toList();
        if (!uids.equals(streams.getItems().stream().map(StreamInfo::uid).toList())) {
            streams.getItems().setAll(eeg);
            if (chosen != null) {
                // keep the choice while its stream is there (the same uid); a stream that vanished stays shown
                eeg.stream().filter(s -> s.uid().equals(chosen.uid())).findFirst().ifPresentOrElse(streams::setValue,
                        () -> streams.setValue(chosen));
            }
        }
        if (streams.getValue() == null && !eeg.isEmpty()) {
            StreamInfo pick = eeg.stream().filter(s -> s.name().equals(setup.stream())).findFirst()
                    .orElse(setup.stream() == null ? eeg.get(0) : null);
            if (pick != null) {
                streams.setValue(pick);
            }
        }
        if (eeg.isEmpty()) {
            streams.setPromptText("no EEG stream found yet (LSL scope " + setup.lsl().scope().name()
                    .toLowerCase(Locale.ROOT) + ")");
        }
        String m = markers.getValue();
        if (!cueStreams.equals(markers.getItems())) {
            if (m != null && !cueStreams.contains(m)) {
                cueStreams.add(m);
            }
            markers.getItems().setAll(cueStreams);
            markers.setValue(m);
        }
        updateButtons();
    }

    private void chooseModel() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Model for the live session");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("MI Studio models", "*" + ModelFile.EXTENSION));
        if (Files.isDirectory(setup.recordDir())) {
            fc.setInitialDirectory(setup.recordDir().toFile());
        }
        java.io.File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            modelField.setText(f.toString());
            loadModel(f.toPath());
        }
    }

    private void chooseRecord() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Record the session to");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("EDF+", "*.edf"),
                new FileChooser.ExtensionFilter("BDF+", "*.bdf"));
        java.io.File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            recordField.setText(f.toString());
        }
    }

    /** Reads a model file off the UI thread, then checks the stream against it. UI thread. */
    void loadModel(Path file) {
        model = null;
        showWindow();
        modelInfo.setText("reading " + file.getFileName() + "…");
        updateButtons();
        int seq = modelSeq.incrementAndGet();
        background.submit(() -> {
            try {
                ModelFile.Contents c = ModelFile.read(file);
                LiveCues.forModel(c.metadata(), setup.cues());
                Platform.runLater(() -> {
                    if (seq != modelSeq.get()) {
                        return;
                    }
                    model = c;
                    showWindow();
                    modelInfo.setText(describe(c.metadata()));
                    modelInfo.setStyle("");
                    runCheck();
                    updateButtons();
                    if (setup.autoStart() && !started && file.equals(setup.model())) {
                        start();
                    }
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    if (seq == modelSeq.get()) {
                        modelInfo.setText("Cannot use " + file + ": " + Errors.describe(e));
                        modelInfo.setStyle(PROBLEM_STYLE);
                        updateButtons();
                    }
                });
            }
        });
    }

    /** The decoding window: the model's (trained on it; not changeable here), none for calibration. */
    private void showWindow() {
        if (calibration.isSelected() || model == null) {
            windowLabel.setText(calibration.isSelected() ? "none" : "–");
        } else {
            windowLabel.setText(plain(model.metadata().tmax() - model.metadata().tmin()) + " (model)");
        }
    }

    private static String describe(ModelMetadata md) {
        return String.format(Locale.ROOT, "Model: %s, %d channels at %s Hz, classes %s, window %s s", md.kind(),
                md.channels().size(), plain(md.samplingRate()), String.join(", ", md.classNames()),
                plain(md.tmax() - md.tmin()));
    }

    /** Checks the chosen stream against the model (channels, rate, units) off the UI thread. UI thread. */
    private void runCheck() {
        StreamInfo s = streams.getValue();
        int seq = checkSeq.incrementAndGet();
        if (s == null || (model == null && !calibration.isSelected())) {
            check.setText("");
            return;
        }
        ModelFile.Contents m = calibration.isSelected() ? null : model;
        check.setText("checking " + s.name() + "…");
        check.setStyle("");
        background.submit(() -> {
            String text;
            boolean ok;
            try {
                StreamCheck c = StreamCheck.of(s, setup.lsl(), m);
                StreamInfo full = c.stream();
                text = String.format(Locale.ROOT, "✓ %s: %d channels at %s Hz%s", full.name(), full.channelCount(),
                        plain(full.nominalSrate()), m == null ? ", ready to record" : ", fits the model")
                        + (c.warnings().isEmpty() ? "" : " (" + String.join("; ", c.warnings()) + ")");
                ok = true;
            } catch (IOException | RuntimeException e) {
                text = "✗ " + Errors.describe(e);
                ok = false;
            }
            String t = text;
            boolean good = ok;
            Platform.runLater(() -> {
                if (seq == checkSeq.get()) {
                    check.setText(t);
                    check.setStyle(good ? OK_STYLE : PROBLEM_STYLE);
                }
            });
        });
    }

    private void updateButtons() {
        boolean running = session != null;
        boolean ready = (streams.getValue() != null || setup.stream() != null)
                && (calibration.isSelected() || model != null);
        start.setDisable(running || !ready);
        stop.setDisable(!running);
        streams.setDisable(running);
        markers.setDisable(running);
        for (TextField f : List.of(trials, fixation, beepToCue, cueField, feedbackField, restMin, restMax, stepField,
                smoothingField)) {
            f.setDisable(running);
        }
        // the beep belongs to the session's own protocol; an external cue source gives (or plays) its own
        beep.setDisable(running || markers.getValue() != null && !markers.getValue().equals(ownProtocol()));
        recordField.setDisable(running);
        chooseRecord.setDisable(running);
        calibration.setDisable(running);
        modelField.setDisable(running || calibration.isSelected());
        chooseModel.setDisable(running || calibration.isSelected());
    }

    private void showProblem(String text) {
        status.setText(text);
        status.setStyle(PROBLEM_STYLE);
    }

    // ---------------------------------------------------------------- running

    /** Starts a session with what is chosen. UI thread. */
    public void start() {
        if (session != null || closed) {
            return;
        }
        String streamName = streams.getValue() != null ? streams.getValue().name() : setup.stream();
        if (streamName == null) {
            showProblem("Choose the EEG stream first.");
            return;
        }
        ModelFile.Contents m = calibration.isSelected() ? null : model;
        if (m == null && !calibration.isSelected()) {
            showProblem("Choose a model file, or tick the calibration run.");
            return;
        }
        Form form;
        try {
            form = readForm();
        } catch (FormProblem e) {
            e.field.setStyle(PROBLEM_FIELD);
            e.field.requestFocus();
            showProblem(e.getMessage());
            return;
        }
        if (!recordTyped) { // named after the session's start
            recordField.setText(newRecordPath().toString());
            recordTyped = false;
        }
        LiveConfig cfg;
        Map<Stimulation, String> cueClasses;
        try {
            cueClasses = LiveCues.forModel(m == null ? null : m.metadata(), setup.cues());
            String text = recordField.getText().trim();
            Path record = text.isEmpty() ? null : Path.of(text);
            if (record != null) {
                if (Files.exists(record)) {
                    showProblem(record + " exists already; choose another file to record to.");
                    return;
                }
                Files.createDirectories(record.toAbsolutePath().getParent());
            }
            String mk = markers.getValue() == null || markers.getValue().equals(ownProtocol()) ? null : markers.getValue();
            cfg = LiveConfig.defaults(setup.lsl(), streamName).withMarkers(mk).withOutletName(setup.outletName())
                    .withTiming(form.timing()).withCueClasses(cueClasses).withTrials(form.trials(), setup.seed())
                    .withDecoding(form.step(), form.smoothing()).withRecord(record).withLimits(10, 0);
        } catch (IOException | RuntimeException e) {
            showProblem("Cannot start: " + Errors.describe(e));
            return;
        }
        UiThrottle t = new UiThrottle(this::render, MAX_FPS);
        SessionState st = new SessionState(cfg.markers() == null ? cfg.trialsPerClass() * cueClasses.size() : 0,
                cueClasses, cfg.timing().displayCue(), t::request);
        LiveSession s = new LiveSession(cfg, m, st);
        audioNote = "";
        TonePlayer tones = beep.isSelected() && cfg.markers() == null ? new TonePlayer(note -> {
            audioNote = note;
            t.request();
        }) : null;
        s.beep(tones);
        config = cfg;
        if (finished.isDone()) {
            finished = new CompletableFuture<>();
        }
        CompletableFuture<LiveSummary> done = finished;
        session = s;
        state = st;
        throttle = t;
        calibrationRun = m == null;
        started = true;
        results.getItems().clear();
        status.setText("Connecting to " + streamName + "…");
        status.setStyle("");
        updateButtons();
        stop.requestFocus();
        render();
        Path modelPath = m == null ? null : m.file();
        LiveSetup.WorkspaceRecordings ws = setup.workspace();
        Thread run = new Thread(() -> {
            try {
                LiveSummary summary;
                try {
                    summary = s.run();
                } finally {
                    if (tones != null) {
                        tones.close();
                    }
                }
                if (summary.record() != null) {
                    SessionFile.write(summary, modelPath);
                }
                // read back off the UI thread for the workspace (which keeps it in memory, as files added by hand)
                RecordingFiles.Described read = null;
                String unread = null;
                if (ws != null && summary.record() != null && summary.samplesRecorded() > 0) {
                    try {
                        read = RecordingFiles.readDescribed(summary.record());
                    } catch (IOException | RuntimeException e) {
                        unread = Errors.describe(e);
                    }
                }
                RecordingFiles.Described r = read;
                String problem = unread;
                st.finished();
                Platform.runLater(() -> {
                    ended(s, summary, null);
                    if (r != null) {
                        addToWorkspace(ws, summary.record(), r);
                    } else if (problem != null) {
                        showProblem(status.getText() + "; not added to the workspace: " + problem);
                    }
                });
                done.complete(summary);
            } catch (Throwable e) {
                st.finished();
                Platform.runLater(() -> ended(s, null, e));
                done.completeExceptionally(e);
            }
        }, "live-session");
        run.setDaemon(true);
        run.start();
    }

    /** Adds the finished session's recording to the workspace the window was opened from. UI thread. */
    private void addToWorkspace(LiveSetup.WorkspaceRecordings ws, Path file, RecordingFiles.Described read) {
        try {
            String path = ws.add(file, read);
            status.setText(status.getText() + "; added to the workspace's recordings as " + path);
        } catch (IOException | RuntimeException e) {
            showProblem(status.getText() + "; not added to the workspace: " + Errors.describe(e));
        }
    }

    // ---------------------------------------------------------------- the form

    /** What the form's fields say, checked. */
    record Form(int trials, GrazTiming timing, double step, int smoothing) {
    }

    /** A field whose value is outside its range: the message names the field and the range. */
    static final class FormProblem extends Exception {
        final TextField field;

        FormProblem(TextField field, String message) {
            super(message);
            this.field = field;
        }
    }

    private static final String PROBLEM_FIELD = "-fx-border-color: #b3261e; -fx-border-width: 2;";

    /** Reads and checks the protocol and decoding fields. UI thread. */
    Form readForm() throws FormProblem {
        for (TextField f : List.of(trials, fixation, beepToCue, cueField, feedbackField, restMin, restMax, stepField,
                smoothingField)) {
            f.setStyle("");
        }
        int n = (int) number(trials, "Trials/class", 1, 200, true);
        double fix = number(fixation, "Fixation (s)", 0, 30, false);
        double toCue = number(beepToCue, "Beep–cue (s)", 0, 30, false);
        double cue = number(cueField, "Cue (s)", 0, 30, false);
        double fb = number(feedbackField, "Feedback (s)", 0, 60, false);
        if (cue + fb <= 0) {
            throw new FormProblem(cueField, "Cue (s) and Feedback (s) cannot both be 0: the trial needs an imagery "
                    + "period.");
        }
        double rMin = number(restMin, "Rest min (s)", 0, 60, false);
        double rMax = number(restMax, "Rest max (s)", rMin, 60, false);
        double step = number(stepField, "Step (s)", 0.01, 10, false);
        int smooth = (int) number(smoothingField, "Smoothing", 1, 1000, true);
        GrazTiming t = setup.timing();
        return new Form(n, new GrazTiming(t.experimentLead(), t.baseline(), t.postBaseline(), fix, toCue, cue, fb, rMin,
                rMax), step, smooth);
    }

    private static double number(TextField f, String name, double min, double max, boolean whole) throws FormProblem {
        String text = f.getText() == null ? "" : f.getText().trim();
        String range = (whole ? "a whole number" : "a number") + " from " + plain(min) + " to " + plain(max);
        double v;
        try {
            v = Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new FormProblem(f, name + " must be " + range + ", got '" + text + "'.");
        }
        if (!(v >= min && v <= max) || whole && v != Math.rint(v)) {
            throw new FormProblem(f, name + " must be " + range + ", got " + text + ".");
        }
        return v;
    }

    // ---------------------------------------------------------------- the patient's window

    /** Opens the patient's screen in a window of its own, or closes it (the screen returns here). UI thread. */
    void togglePatientWindow() {
        if (patient != null) {
            patient.close();
            return;
        }
        patientElsewhere.setText("The patient's screen is in its own window (on the second monitor, full screen, "
                + "when there is one; Esc leaves full screen). Close that window to bring it back here.");
        patientElsewhere.setWrapText(true);
        patientElsewhere.setStyle("-fx-text-fill: #c8c8c8; -fx-font-size: 15px;");
        patientElsewhere.setMaxWidth(420);
        javafx.scene.layout.StackPane placeholder = new javafx.scene.layout.StackPane(patientElsewhere);
        placeholder.setStyle("-fx-background-color: #202020;");
        root.setCenter(placeholder);
        patient = PatientWindow.open(screen, root.getScene() == null ? null : root.getScene().getWindow(), () -> {
            patient = null;
            root.setCenter(screen);
            patientWindow.setText("Patient window");
        });
        patientWindow.setText("Close patient window");
    }

    /** Asks the running session to end; it closes its recording at the next complete data record. */
    public void stop() {
        if (session != null) {
            session.stop();
            status.setText("Stopping: finishing the recording's last data record…");
        }
    }

    private void ended(LiveSession s, LiveSummary summary, Throwable failure) {
        if (session != s) {
            return;
        }
        render();
        session = null;
        if (throttle != null) {
            throttle.close();
        }
        if (failure != null) {
            showProblem("The session stopped: " + Errors.describe(failure));
        } else {
            lastSummary = summary;
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Finished: %d trials, %.1f s of stream",
                    summary.trials().size(), summary.streamSeconds()));
            if (summary.record() != null) {
                b.append(String.format(Locale.ROOT, "; %d samples recorded to %s", summary.samplesRecorded(),
                        summary.record()));
            }
            if (!audioNote.isEmpty()) {
                b.append(". ").append(audioNote);
            }
            status.setText(b.toString());
            status.setStyle(OK_STYLE);
        }
        if (!recordTyped) {
            recordField.setText(newRecordPath().toString());
            recordTyped = false;
        }
        updateButtons();
        if (setup.closeAtEnd() && root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    /** Shows the session's newest state. UI thread (the throttle calls it). */
    private void render() {
        if (state == null) {
            return;
        }
        SessionState.Snapshot s = state.snapshot();
        screen.draw(s);
        if (!s.connection().isEmpty() && session != null) {
            status.setText("Running on " + s.connection() + (s.warnings().isEmpty() ? ""
                    : " (" + String.join("; ", s.warnings()) + ")") + (audioNote.isEmpty() ? "" : ". " + audioNote));
            status.setStyle("");
        }
        trialLabel.setText(s.trial() < 0 ? "Trial –" : s.totalTrials() > 0
                ? String.format(Locale.ROOT, "Trial %d of %d (%s)", s.trial() + 1, s.totalTrials(), phaseText(s))
                : String.format(Locale.ROOT, "Trial %d (%s)", s.trial() + 1, phaseText(s)));
        String decoded = s.decodedClass();
        feedbackLabel.setText(decoded == null ? "Feedback –" : String.format(Locale.ROOT, "Feedback: %s (%.2f)",
                decoded, s.smoothed()[s.classNames().indexOf(decoded)]));
        for (int i = results.getItems().size(); i < s.results().size(); i++) {
            results.getItems().add(resultLine(s.results().get(i), calibrationRun));
        }
        if (!s.results().isEmpty()) {
            results.scrollTo(results.getItems().size() - 1);
            lastLabel.setText("Last: " + resultLine(s.results().get(s.results().size() - 1), calibrationRun));
        }
        long decided = s.decided();
        if (decided > 0) {
            accuracyLabel.setText(String.format(Locale.ROOT, "Running accuracy %.1f %% (%d of %d)",
                    100.0 * s.correct() / decided, s.correct(), decided));
        } else if (s.classNames().isEmpty() && s.trial() >= 0) {
            accuracyLabel.setText("Calibration: no decoding");
        }
        if (s.latency().length > 0) {
            double[] mp = s.latencyMedianP99();
            latencyLabel.setText(String.format(Locale.ROOT, "Latency median %.2f ms, p99 %.2f ms (%d predictions)",
                    mp[0], mp[1], s.latency().length));
        }
    }

    private static String phaseText(SessionState.Snapshot s) {
        return switch (s.phase()) {
            case FIXATION -> "fixation";
            case CUE -> "cue " + (s.cue() == null ? "" : s.cue().label());
            case FEEDBACK -> "feedback";
            case REST -> "rest";
            case FINISHED -> "finished";
            default -> s.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String resultLine(TrialResult r, boolean calibrationRun) {
        if (calibrationRun) {
            return String.format(Locale.ROOT, "trial %d: cue %s, recorded", r.index() + 1, r.cue());
        }
        return r.decoded() == null ? String.format(Locale.ROOT, "trial %d: cue %s, not decided", r.index() + 1, r.cue())
                : String.format(Locale.ROOT, "trial %d: cue %s, decoded %s (%s)", r.index() + 1, r.cue(),
                        r.decoded(), r.correct() ? "correct" : "wrong");
    }

    /** Stops the session and the stream search (the window is closing). */
    public void close() {
        closed = true;
        if (patient != null) {
            patient.close();
        }
        if (session != null) {
            session.stop();
        }
        poll.shutdownNow();
        background.shutdownNow();
        if (resolver != null) {
            resolver.close();
        }
    }

    // ---------------------------------------------------------------- for tests and screenshots

    /**
     * Completes with the summary of the session running, or of the next one to start when none runs (exceptionally
     * when it fails); once complete, of the session started last.
     */
    public CompletableFuture<LiveSummary> finished() {
        return finished;
    }

    /** The summary of the last session that ended normally, or null. */
    public LiveSummary lastSummary() {
        return lastSummary;
    }

    /** Whether a session was started in this view. Any thread. */
    boolean started() {
        return started;
    }

    boolean running() {
        return session != null;
    }

    PatientScreen screen() {
        return screen;
    }

    ComboBox<StreamInfo> streams() {
        return streams;
    }

    Label check() {
        return check;
    }

    Label status() {
        return status;
    }

    Label accuracy() {
        return accuracyLabel;
    }

    Label latency() {
        return latencyLabel;
    }

    Label trial() {
        return trialLabel;
    }

    ListView<String> results() {
        return results;
    }

    CheckBox calibration() {
        return calibration;
    }

    Button startButton() {
        return start;
    }

    /** The configuration of the session started last, or null. UI thread. */
    LiveConfig config() {
        return config;
    }

    /** The patient's own window, or null while the screen is here. */
    PatientWindow patientWindow() {
        return patient;
    }

    Button patientWindowButton() {
        return patientWindow;
    }

    boolean modelLoaded() {
        return model != null;
    }
}
