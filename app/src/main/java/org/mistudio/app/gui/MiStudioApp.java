package org.mistudio.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.app.SampleData;
import org.mistudio.app.workspace.OpenWorkspace;
import org.mistudio.app.workspace.RecentWorkspaces;
import org.mistudio.app.workspace.WorkspaceStore;

/**
 * The JavaFX application: the start screen (recent workspaces, new, open, the sample), then the workbench of the
 * chosen workspace ({@link WorkbenchPane}).
 */
public final class MiStudioApp extends Application {

    /** The window's size: room for the r² map beside the profile and ERD/ERS charts. */
    public static final double WIDTH = 1440;
    public static final double HEIGHT = 900;

    /** Held so the level set on it is not lost to garbage collection. */
    private static final Logger JAVAFX_STARTUP_LOG = Logger.getLogger("javafx");

    private static volatile Path initialFile;
    private static volatile Path initialWorkspace;
    private static volatile Path screenshot;

    private Stage stage;

    /** Launches the start screen and blocks until the window closes. */
    public static void launchStart() {
        launch(null, null, null);
    }

    /** Opens (or creates) the workspace in {@code folder}; blocks until the window closes. */
    public static void launchWorkspace(Path folder) {
        launch(null, folder, null);
    }

    /**
     * A quick look at one recording ({@code file} null: the bundled sample) in a new workspace in a temporary
     * folder; with a {@code screenshotFile}, saves the window as PNG once the overview is shown and closes it (for
     * documentation and for checking the real window under a virtual display).
     */
    public static void launchWith(Path file, Path screenshotFile) {
        launch(file != null ? file : SampleData.path(), null, screenshotFile);
    }

    private static void launch(Path file, Path workspace, Path screenshotFile) {
        // Our single jar puts JavaFX on the class path rather than the module path; JavaFX runs fine there but
        // logs a warning a user cannot act on.
        JAVAFX_STARTUP_LOG.setLevel(Level.SEVERE);
        initialFile = file;
        initialWorkspace = workspace;
        screenshot = screenshotFile;
        Application.launch(MiStudioApp.class);
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        stage.setTitle("MI Studio");
        RecentWorkspaces recents = RecentWorkspaces.atDefaultLocation();
        try {
            if (initialWorkspace != null) {
                OpenWorkspace w = WorkspaceStore.isWorkspace(initialWorkspace) ? OpenWorkspace.open(initialWorkspace)
                        : OpenWorkspace.create(initialWorkspace, String.valueOf(initialWorkspace.toAbsolutePath()
                                .getFileName()));
                recents.remember(w.folder());
                showWorkbench(w);
            } else if (initialFile != null) {
                quickLook(initialFile);
            } else {
                startScreen(stage, recents, pane -> { });
            }
        } catch (IOException | RuntimeException e) {
            startScreen(stage, recents, pane -> { });
            stage.show();
            Errors.show(stage, "Cannot open " + (initialWorkspace != null ? initialWorkspace : initialFile), e);
            return;
        }
        stage.show();
    }

    /**
     * Puts the start screen in {@code window}; choosing a workspace replaces it by that workspace's workbench,
     * which {@code opened} then receives.
     */
    public static StartView startScreen(Stage window, RecentWorkspaces recents,
                                        java.util.function.Consumer<WorkbenchPane> opened) {
        StartView start = new StartView(window, recents, w -> opened.accept(showWorkbench(window, w)));
        if (window.getScene() == null) {
            window.setScene(new Scene(start.root(), WIDTH, HEIGHT));
        } else {
            window.getScene().setRoot(start.root());
        }
        return start;
    }

    private WorkbenchPane showWorkbench(OpenWorkspace w) {
        return showWorkbench(stage, w);
    }

    /** Replaces the window's content by the workbench of {@code w}. */
    public static WorkbenchPane showWorkbench(Stage stage, OpenWorkspace w) {
        WorkbenchPane pane = new WorkbenchPane(new Workbench(stage, w));
        stage.setTitle("MI Studio — " + w.state().name());
        if (stage.getScene() == null) {
            stage.setScene(new Scene(pane.root(), WIDTH, HEIGHT));
        } else {
            stage.getScene().setRoot(pane.root());
        }
        return pane;
    }

    private void quickLook(Path file) throws IOException {
        Path folder = Files.createTempDirectory("mistudio-quick-look");
        WorkbenchPane pane = showWorkbench(OpenWorkspace.create(folder, "quick look"));
        RecordingFiles.Described read = RecordingFiles.readDescribed(file);
        String path = pane.bench().addRecording(file, read);
        pane.show(pane.overview());
        Path shot = screenshot;
        if (shot != null) {
            pane.overview().setWhenShown(() -> {
                Screenshots.save(stage.getScene(), shot);
                Platform.exit();
            });
        }
        pane.recordings().select(path);
    }
}
