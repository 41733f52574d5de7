package org.mistudio.app.gui;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.mistudio.app.SampleData;

/** The JavaFX application: one window with the analysis view. */
public final class MiStudioApp extends Application {

    private static volatile Path initialFile;

    /** Launches the window and blocks until it closes. {@code file} null means the bundled sample. */
    public static void launchWith(Path file) {
        initialFile = file;
        Application.launch(MiStudioApp.class);
    }

    @Override
    public void start(Stage stage) {
        AnalysisView view = new AnalysisView(stage);
        stage.setTitle("MI Studio");
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
        Path file = initialFile != null ? initialFile : SampleData.path();
        view.load(file);
    }
}
