package org.mistudio.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;

/** Saves what a scene shows as PNG. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Must run on the JavaFX thread. */
    public static void save(Scene scene, Path png) {
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", png.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + png, e);
        }
    }

    /**
     * Runs {@code work} on the JavaFX application thread and waits for its result (the screenshot tours drive the
     * window from their own thread); its exception comes out of {@code get}.
     */
    public static <T> T onFxThread(java.util.concurrent.Callable<T> work, long timeoutSeconds) throws Exception {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
    }
}
