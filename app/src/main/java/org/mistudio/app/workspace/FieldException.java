package org.mistudio.app.workspace;

/** A value of a workspace field that is missing or out of range; {@link WorkspaceStore} adds where it sits. */
public final class FieldException extends IllegalArgumentException {

    private final String field;

    public FieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The problem without the field's name. */
    public String problem() {
        return getMessage().substring(field.length() + 2);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new FieldException(field, "missing");
        }
        return value;
    }

    static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new FieldException(field, "missing or empty");
        }
        return value;
    }

    /** An ISO-8601 instant such as {@code 2024-05-01T10:15:30Z}. */
    static String instant(String value, String field) {
        requiredText(value, field);
        try {
            java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new FieldException(field, "expected a date and time such as 2024-05-01T10:15:30Z, got '" + value
                    + "'");
        }
        return value;
    }
}
