package org.mistudio.app.gui;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Problems shown to a person: a dialog with one readable sentence naming the file and what is wrong, never a trace. */
public final class Errors {

    private static final ReadOnlyStringWrapper LAST = new ReadOnlyStringWrapper("");

    private Errors() {
    }

    /** The text of a failure as a person reads it: the file and the problem, without exception class names. */
    public static String describe(Throwable t) {
        Throwable e = t;
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.io.UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof CancellationException) {
            return "cancelled";
        }
        if (e instanceof OutOfMemoryError) {
            return "not enough memory for this; close other workspaces or use fewer recordings";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "unexpected problem (" + e.getClass().getSimpleName() + ")" : m;
    }

    /** Shows a dialog (without waiting for it to close, so long work and tests go on). UI thread only. */
    public static void show(Window owner, String what, Throwable t) {
        show(owner, what, describe(t));
    }

    public static void show(Window owner, String what, String problem) {
        LAST.set(what + ": " + problem);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle("MI Studio");
        alert.setHeaderText(what);
        Label text = new Label(problem);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    /** The last problem shown, "what: problem" (for tests and the status line). */
    public static ReadOnlyStringProperty last() {
        return LAST.getReadOnlyProperty();
    }
}
