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
    private static volatile LiveSessionView view;

    /**
     * Shows the window and blocks until it closes (and the session it ran, if still closing its recording, has
     * ended). Returns the last session's summary: empty when none ran; failed with the session's error.
     */
    public static java.util.Optional<LiveSummary> run(LiveSetup s) throws java.util.concurrent.ExecutionException,
            InterruptedException {
        // JavaFX on the class path (our single jar) logs a warning a user cannot act on.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        setup = s;
        view = null;
        Application.launch(LiveSessionApp.class);
        LiveSessionView v = view;
        if (v == null || !v.started()) {
            return java.util.Optional.empty();
        }
        try {
            // closing the window stopped the session: it finishes the recording's last data record
            return java.util.Optional.of(v.finished().get(30, java.util.concurrent.TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.util.concurrent.ExecutionException("the session did not end within 30 s of closing the "
                    + "window", e);
        }
    }

    @Override
    public void start(Stage stage) {
        view = LiveSessionWindow.show(stage, null, setup).view();
    }
}
