package org.mistudio.app.gui.live;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.app.gui.LiveSessionHook;
import org.mistudio.app.gui.MiStudioApp;

/** The live session in its own window, beside the workbench (or alone, from {@code mistudio live --gui}). */
public final class LiveSessionWindow {

    private final Stage stage;
    private final LiveSessionView view;

    private LiveSessionWindow(Stage stage, LiveSessionView view) {
        this.stage = stage;
        this.view = view;
    }

    /** Opens a window; closing it stops the session. UI thread. */
    public static LiveSessionWindow open(Window owner, LiveSetup setup) {
        return show(new Stage(), owner, setup);
    }

    /** Shows the session in {@code stage}. UI thread. */
    public static LiveSessionWindow show(Stage stage, Window owner, LiveSetup setup) {
        LiveSessionView view = new LiveSessionView(setup);
        if (owner != null && stage.getOwner() == null && !stage.isShowing()) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(view.root(), MiStudioApp.WIDTH, MiStudioApp.HEIGHT);
        scene.getStylesheets().add(MiStudioApp.class.getResource("mistudio.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("MI Studio — live session");
        stage.setOnHidden(e -> view.close());
        stage.show();
        return new LiveSessionWindow(stage, view);
    }

    public Stage stage() {
        return stage;
    }

    public LiveSessionView view() {
        return view;
    }

    /**
     * "Use for live session" of a training attempt: a live window with the attempt's model; recordings go to
     * {@code recordDir} (in the workspace's folder) and join the workspace's recordings through {@code workspace}
     * (null: they don't).
     */
    public static LiveSessionHook hook(Window owner, Path recordDir, LiveSetup.WorkspaceRecordings workspace) {
        return (attempt, modelFile) -> {
            if (modelFile.isEmpty() || !java.nio.file.Files.isRegularFile(modelFile.get())) {
                // no model, or it went missing: the workbench's own explanation
                return LiveSessionHook.COMMAND_LINE.use(attempt, modelFile);
            }
            open(owner, LiveSetup.defaults(LslConfig.fromEnvironment(), recordDir).withModel(modelFile.get())
                    .withWorkspace(recordDir, workspace));
            return Optional.empty();
        };
    }
}
