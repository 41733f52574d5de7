package org.mistudio.models.network;

import java.util.List;

/**
 * Initial weights that do not fit the network about to be trained: another architecture, other channels, another
 * sampling rate or window, another number of classes, or not a network at all. The message names the source and
 * every difference; {@link #problems()} gives them one by one.
 */
public final class TransferMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public TransferMismatchException(String source, List<String> problems) {
        super("cannot fine-tune from " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
