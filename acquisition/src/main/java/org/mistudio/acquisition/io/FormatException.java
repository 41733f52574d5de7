package org.mistudio.acquisition.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that does not follow its format: names the file, the byte offset, the field and what was expected, so a
 * user can tell a corrupt file from a bug of ours.
 */
public class FormatException extends IOException {

    private final transient Path file;
    private final long offset;
    private final String field;

    /**
     * @param file    the file being read
     * @param offset  the byte offset of the offending field, or -1 when the problem is not at one place
     * @param field   the field's name in the format's specification, e.g. {@code "number of data records"}
     * @param problem what was found and what was expected
     */
    public FormatException(Path file, long offset, String field, String problem) {
        super(file + (offset >= 0 ? " (byte " + offset + ", " : " (") + field + "): " + problem);
        this.file = file;
        this.offset = offset;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    public String field() {
        return field;
    }
}
