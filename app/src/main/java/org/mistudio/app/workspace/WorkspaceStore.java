package org.mistudio.app.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reads and writes a workspace folder's {@value #FILE}. Saving is atomic (a temporary file beside it, then a
 * rename); loading checks every field and, when one is wrong, names it with its path in the file, e.g.
 * {@code extractions[0].parameters.window}.
 */
public final class WorkspaceStore {

    public static final String FILE = "mistudio-workspace.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WorkspaceStore() {
    }

    public static Path file(Path folder) {
        return folder.resolve(FILE);
    }

    public static boolean isWorkspace(Path folder) {
        return Files.isRegularFile(file(folder));
    }

    /** Makes a new workspace in {@code folder} (created if needed); refuses a folder that already holds one. */
    public static Workspace create(Path folder, String name) throws IOException {
        if (isWorkspace(folder)) {
            throw new WorkspaceException(file(folder), "", "a workspace already exists here; open it instead", null);
        }
        Workspace w = Workspace.empty(name, Instant.now());
        save(folder, w);
        return w;
    }

    public static void save(Path folder, Workspace workspace) throws IOException {
        AtomicFiles.writeString(file(folder), toJson(workspace));
    }

    public static String toJson(Workspace workspace) {
        try {
            return MAPPER.writeValueAsString(workspace) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the workspace as JSON", e);
        }
    }

    public static Workspace load(Path folder) throws IOException {
        Path f = file(folder);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(f, "", "no workspace here (the folder has no " + FILE + ")", e);
        }
        return parse(text, f);
    }

    /** Parses a workspace file's text; {@code file} names it in errors. */
    static Workspace parse(String text, Path file) throws WorkspaceException {
        try {
            return MAPPER.readValue(text, Workspace.class);
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                } else if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                }
            }
            Throwable cause = e.getCause();
            if (cause instanceof FieldException fe) {
                // Our own check inside a record: the path leads to the record, the exception names its field.
                String field = path.length() == 0 ? fe.field() : path + "." + fe.field();
                throw new WorkspaceException(file, field, fe.problem(), e);
            }
            String problem = e.getOriginalMessage();
            if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
                problem = "not a field of a workspace file here (known: " + u.getKnownPropertyIds() + ")";
            } else if (problem != null && problem.startsWith("Missing creator property")) {
                // Jackson's path already ends at the missing field.
                problem = "missing";
            } else if (e.getLocation() != null) {
                problem = problem + " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
            }
            throw new WorkspaceException(file, path.toString(), problem, e);
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(file, "", "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
