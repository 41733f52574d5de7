package org.mistudio.models.persist;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be read: not a zip, an entry or a field missing or malformed. Names file and field. */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
