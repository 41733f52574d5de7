package org.mistudio.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.mistudio.app.workspace.TrainingAttempt;

/**
 * What "Use for live session" does with a training attempt. The live screen is not part of the workbench yet; the
 * default hook points at the attempt's model file and gives the {@code mistudio live} command that runs the session
 * with it from a terminal. A live screen replaces the hook with {@link Workbench#setLiveSession}.
 */
@FunctionalInterface
public interface LiveSessionHook {

    /**
     * @param attempt   the chosen attempt
     * @param modelFile its model file, when one was saved
     * @return a message to show the user, or empty when a session started
     */
    Optional<String> use(TrainingAttempt attempt, Optional<Path> modelFile);

    /** The command line that runs a live session with {@code model} ({@code NAME}: the EEG stream's name). */
    static String commandLine(Path model) {
        return "mistudio live --model " + shellQuoted(model.toAbsolutePath().toString()) + " --stream NAME";
    }

    /** A path as one shell word: unchanged when plain, else in single quotes. */
    static String shellQuoted(String s) {
        return s.matches("[A-Za-z0-9_./=:+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Shows where the model is and how to run a live session with it. */
    LiveSessionHook COMMAND_LINE = (attempt, model) -> {
        if (model.isEmpty()) {
            return Optional.of("Attempt " + attempt.id() + " has no model file" + Optional.ofNullable(
                    attempt.settings().get("model")).map(m -> " (" + m + ")").orElse("") + ", so it cannot decode a "
                    + "live session. Train again to get one.");
        }
        Path m = model.get();
        if (!Files.isRegularFile(m)) {
            return Optional.of("The model file of attempt " + attempt.id() + " is missing: " + m);
        }
        return Optional.of("Model file: " + m.toAbsolutePath() + "\n\nThe live-session screen is not in the "
                + "workbench yet. Run the session from a terminal, with NAME the EEG stream's LSL name (add --record "
                + "OUT.edf to record it):\n\n" + commandLine(m));
    };
}
