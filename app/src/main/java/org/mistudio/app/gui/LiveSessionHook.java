package org.mistudio.app.gui;

import java.nio.file.Path;
import java.util.Optional;

import org.mistudio.app.workspace.TrainingAttempt;

/**
 * What "Use for live session" does with a training attempt. The live session (issue 10) and the model file
 * ({@code org.mistudio.models.persist.ModelFile}, a {@code .mimodel}) are being built elsewhere; until they land the
 * default says so, and the attempt stays recorded without a model file. To connect them: save the model when
 * training (see {@link TrainingView}), record its path with {@code TrainingAttempt.withModelFile}, and install a hook
 * that starts the session with {@code modelFile}.
 */
@FunctionalInterface
public interface LiveSessionHook {

    /**
     * @param attempt   the chosen attempt
     * @param modelFile its model file, when one was saved
     * @return a problem to show the user, or empty when the session started
     */
    Optional<String> use(TrainingAttempt attempt, Optional<Path> modelFile);

    LiveSessionHook NOT_YET = (attempt, model) -> Optional.of("Attempt " + attempt.id() + " is recorded, but live "
            + "sessions are not part of this version yet: they need the model file (.mimodel) and the live-session "
            + "screen, which are still being built.");
}
