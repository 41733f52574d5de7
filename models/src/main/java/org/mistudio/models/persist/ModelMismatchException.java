package org.mistudio.models.persist;

import java.util.List;

/**
 * Data that do not fit a model: channels missing (by name), another sampling rate, other units. The message lists
 * every problem; {@link #problems()} gives them one by one.
 */
public final class ModelMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public ModelMismatchException(String source, String model, List<String> problems) {
        super(source + " does not match the model " + model + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
