package org.mistudio.app.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The session's summary saved beside its recording: FILE.edf -> FILE.session.json (latency, accuracy, trials). */
public final class SessionFile {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionFile() {
    }

    /** FILE.edf -> FILE.session.json. */
    public static Path beside(Path record) {
        String n = record.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return record.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".session.json");
    }

    /** The summary with the model's path, as one JSON-ready map. */
    public static Map<String, Object> document(LiveSummary s, Path model) {
        Map<String, Object> doc = new LinkedHashMap<>(s.toMap());
        doc.put("model", model == null ? null : model.toString());
        return doc;
    }

    /** Writes {@link #document} beside the session's recording; returns the file. */
    public static Path write(LiveSummary s, Path model) throws IOException {
        if (s.record() == null) {
            throw new IllegalArgumentException("the session has no recording to save its summary beside");
        }
        Path side = beside(s.record());
        Files.writeString(side, MAPPER.writeValueAsString(document(s, model)));
        return side;
    }
}
