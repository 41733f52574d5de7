package org.mistudio.app.gui;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.mistudio.app.SampleData;

/** The JavaFX application: one window with the analysis view. */
public final class MiStudioApp extends Application {

    /** Held so the level set on it is not lost to garbage collection. */
    private static final Logger JAVAFX_STARTUP_LOG = Logger.getLogger("javafx");

    private static volatile Path initialFile;
    private static volatile Path screenshot;

    /** Launches the window and blocks until it closes. {@code file} null means the bundled sample. */
    public static void launchWith(Path file) {
        launchWith(file, null);
    }

    /**
     * Launches the window; with a {@code screenshotFile}, saves the window as PNG once the analysis is shown and
     * closes it (for documentation and for checking the real window under a virtual display).
     */
    public static void launchWith(Path file, Path screenshotFile) {
        // Our single jar puts JavaFX on the class path rather than the module path; JavaFX runs fine there but
        // logs a warning a user cannot act on.
        JAVAFX_STARTUP_LOG.setLevel(Level.SEVERE);
        initialFile = file;
        screenshot = screenshotFile;
        Application.launch(MiStudioApp.class);
    }

    @Override
    public void start(Stage stage) {
        AnalysisView view = new AnalysisView(stage);
        SignalViewer signals = new SignalViewer();
        R2MapView r2 = new R2MapView();
        view.setOnRecording(r -> {
            signals.show(r);
            r2.computeFrom(r);
        });
        TabPane tabs = new TabPane(new Tab("Analysis", view.root()), new Tab("Signals", signals.root()),
                new Tab("R² map", r2.root()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        stage.setTitle("MI Studio");
        stage.setScene(new Scene(tabs, 1200, 790));
        stage.show();
        Path file = initialFile != null ? initialFile : SampleData.path();
        Path shot = screenshot;
        view.load(file, shot == null ? () -> { } : () -> {
            Screenshots.save(stage.getScene(), shot);
            Platform.exit();
        });
    }
}
