package org.mistudio.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/** Starts JavaFX once per test JVM (headless Monocle, see the surefire settings) and runs work on its thread. */
public final class Fx {

    private static boolean started;

    private Fx() {
    }

    public static synchronized void start() throws Exception {
        if (started) {
            return;
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            Platform.startup(() -> ready.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            ready.complete(null);
        }
        ready.get(30, TimeUnit.SECONDS);
        // Tests close their windows; the toolkit must outlive them for the next test.
        Platform.setImplicitExit(false);
        started = true;
    }

    public static <T> T run(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
