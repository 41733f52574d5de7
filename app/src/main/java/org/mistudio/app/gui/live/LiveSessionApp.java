package org.mistudio.app.gui.live;

import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.stage.Stage;

import org.mistudio.app.live.LiveSummary;

/** The live-session window as an application of its own ({@code mistudio live --gui}). */
public final class LiveSessionApp extends Application {

    /** Held so the level set on it is not lost to garbage collection. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private static volatile LiveSetup setup;
    private static volatile LiveSummary result;

    /** Shows the window and blocks until it closes; returns the summary of the last session run in it, or null. */
    public static LiveSummary run(LiveSetup s) {
        // JavaFX on the class path (our single jar) logs a warning a user cannot act on.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        setup = s;
        result = null;
        Application.launch(LiveSessionApp.class);
        return result;
    }

    @Override
    public void start(Stage stage) {
        LiveSessionWindow w = LiveSessionWindow.show(stage, null, setup);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> result = w.view().lastSummary());
    }
}
