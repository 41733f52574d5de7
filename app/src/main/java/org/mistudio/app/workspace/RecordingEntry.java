package org.mistudio.app.workspace;

/**
 * A recording the workspace uses.
 *
 * @param path   relative to the workspace folder when the file lies inside it, else absolute
 * @param format e.g. {@code EDF+C}, {@code GDF 2.20}, as the reader named it
 * @param added  when it was added (ISO-8601)
 */
public record RecordingEntry(String path, String format, String added) {

    public RecordingEntry {
        FieldException.requiredText(path, "path");
        FieldException.required(format, "format");
        FieldException.instant(added, "added");
    }
}
