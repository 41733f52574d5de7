package org.mistudio.app.workspace;

import java.io.IOException;
import java.nio.file.Path;

/** A workspace file that cannot be used: names the file and, where there is one, the field and what was expected. */
public final class WorkspaceException extends IOException {

    private final Path file;
    private final String field;

    public WorkspaceException(Path file, String field, String problem, Throwable cause) {
        super(file + (field == null || field.isEmpty() ? "" : ": field '" + field + "'") + ": " + problem, cause);
        this.file = file;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** The field's path, e.g. {@code extractions[1].parameters.window}; empty when the file as a whole is wrong. */
    public String field() {
        return field == null ? "" : field;
    }
}
