package org.mistudio.app.gui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import org.mistudio.dsp.analysis.Progress;

/**
 * Runs one piece of long work at a time off the UI thread, with a progress bar, its stage in words and a Cancel
 * button; the window stays responsive. Failures become a readable dialog ({@link Errors}).
 */
public final class JobBar {

    /** Work that reports through {@code progress}; a cancelled job's next report throws. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final HBox root = new HBox(8);
    private final ProgressBar bar = new ProgressBar(0);
    private final Label stage = new Label("");
    private final Button cancel = new Button("Cancel");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Window owner;
    private Task<?> task;
    private CompletableFuture<Boolean> finished = CompletableFuture.completedFuture(true);

    public JobBar(Window owner) {
        this.owner = owner;
        bar.setPrefWidth(150);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        stage.setWrapText(true);
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancel());
        root.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(bar, cancel, stage);
    }

    public HBox root() {
        return root;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Completes with true on success, false on failure or cancel, once the result has been shown. */
    public CompletableFuture<Boolean> finished() {
        return finished;
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Starts {@code work}; {@code done} gets its result on the UI thread. Refused while a job runs. */
    public <T> CompletableFuture<Boolean> run(String what, Work<T> work, Consumer<T> done) {
        if (busy.get()) {
            Errors.show(owner, what, "another job is still running here; wait for it or cancel it");
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        finished = f;
        Task<T> t = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run((s, fraction) -> {
                    if (isCancelled()) {
                        throw new CancellationException(what + " cancelled");
                    }
                    updateProgress(fraction, 1);
                    updateMessage(s);
                });
            }
        };
        task = t;
        bar.progressProperty().bind(t.progressProperty());
        stage.textProperty().bind(t.messageProperty());
        busy.set(true);
        cancel.setDisable(false);
        // The bar frees itself, and the result is handled, only once the worker thread has returned: a cancelled
        // job still finishing its step (a training epoch) never overlaps the next one. The task posts its final
        // state to the UI thread before its thread returns, so finish() sees it.
        t.setOnCancelled(e -> release(what + ": cancelling, finishing the current step"));
        Thread thread = new Thread(() -> {
            try {
                t.run();
            } finally {
                Platform.runLater(() -> finish(what, t, done, f));
            }
        }, what);
        thread.setDaemon(true);
        thread.start();
        return f;
    }

    private <T> void finish(String what, Task<T> t, Consumer<T> done, CompletableFuture<Boolean> f) {
        switch (t.getState()) {
            case SUCCEEDED -> {
                end(what + ": done");
                try {
                    done.accept(t.getValue());
                    f.complete(true);
                } catch (RuntimeException ex) {
                    Errors.show(owner, what, ex);
                    f.complete(false);
                }
            }
            case FAILED -> {
                Throwable ex = t.getException();
                boolean cancelled = ex instanceof CancellationException;
                end(what + (cancelled ? ": cancelled" : ": failed"));
                if (!cancelled) {
                    Errors.show(owner, what, ex);
                }
                f.complete(false);
            }
            default -> {
                end(what + ": cancelled");
                f.complete(false);
            }
        }
    }

    /** Unbinds the bar from the task and shows {@code text}; the job may still be finishing. */
    private void release(String text) {
        bar.progressProperty().unbind();
        stage.textProperty().unbind();
        stage.setText(text);
        cancel.setDisable(true);
    }

    private void end(String text) {
        release(text);
        bar.setProgress(text.endsWith("done") ? 1 : 0);
        busy.set(false);
    }

    /** Runs {@code r} on the UI thread now if on it, else later. */
    static void ui(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
