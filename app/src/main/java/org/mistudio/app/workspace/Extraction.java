package org.mistudio.app.workspace;

import java.util.List;

/**
 * A feature extraction: a parameter set applied to some of the workspace's recordings. Never changed once made;
 * other parameters make another extraction.
 *
 * @param id         {@code e1}, {@code e2}, ...
 * @param created    ISO-8601
 * @param recordings the recordings' paths as in {@link Workspace#recordings()}, in the order they are joined
 */
public record Extraction(String id, String created, List<String> recordings, ExtractionParameters parameters) {

    public Extraction {
        FieldException.requiredText(id, "id");
        FieldException.instant(created, "created");
        FieldException.required(recordings, "recordings");
        if (recordings.isEmpty()) {
            throw new FieldException("recordings", "an extraction needs at least one recording");
        }
        recordings = List.copyOf(recordings);
        FieldException.required(parameters, "parameters");
    }
}
