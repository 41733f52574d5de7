package org.mistudio.app.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training attempt; attempts are only ever added.
 *
 * @param id         {@code a1}, {@code a2}, ...
 * @param created    ISO-8601
 * @param extraction the id of the extraction whose trials it used
 * @param method     {@code lda} (shrinkage LDA on selected features); networks will add their names
 * @param features   the selected features, {@code C4;13} or {@code C4;13:16} (empty for a network)
 * @param settings   what else decides the result, as text: validation, shrinkage, feature kind, ...
 * @param scores     what cross-validation measured
 * @param modelFile  the trained model's file relative to the workspace folder, or null when none was written
 */
public record TrainingAttempt(String id, String created, String extraction, String method, List<String> features,
                              Map<String, String> settings, Scores scores, String modelFile) {

    public TrainingAttempt {
        FieldException.requiredText(id, "id");
        FieldException.instant(created, "created");
        FieldException.requiredText(extraction, "extraction");
        FieldException.requiredText(method, "method");
        features = List.copyOf(FieldException.required(features, "features"));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(FieldException.required(settings, "settings")));
        FieldException.required(scores, "scores");
        if (modelFile != null && modelFile.isBlank()) {
            modelFile = null;
        }
    }

    /** This attempt with its model file (set once a model has been saved for it). */
    public TrainingAttempt withModelFile(String file) {
        return new TrainingAttempt(id, created, extraction, method, features, settings, scores, file);
    }
}
