package org.mistudio.models.persist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trained model on disk ({@code .mimodel}): a zip holding {@code model.json} (format "mistudio-model", version
 * 1, then {@link ModelMetadata}'s fields and the list of the other entries) and the parameters as further entries,
 * one per name: JSON arrays for the classical kinds, a DJL {@code .params} blob for networks. What each entry holds
 * is the business of the model's {@link ModelKind}; this class only stores and checks.
 */
public final class ModelFile {
    public static final String FORMAT = "mistudio-model";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".mimodel";
    public static final String METADATA_ENTRY = "model.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** A read model file: its metadata and its parameter entries (name to bytes). */
    public record Contents(Path file, ModelMetadata metadata, Map<String, byte[]> entries) {
        public Contents {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** One entry's bytes; a {@link ModelFileException} naming the entry if the file lacks it. */
        public byte[] entry(String name) throws ModelFileException {
            byte[] b = entries.get(name);
            if (b == null) {
                throw new ModelFileException(file, "entry '" + name + "' is missing (a " + metadata.kind()
                        + " model needs it); entries are " + entries.keySet());
            }
            return b.clone();
        }

        /** An entry parsed as JSON. */
        public JsonNode json(String name) throws ModelFileException {
            try {
                return MAPPER.readTree(entry(name));
            } catch (IOException e) {
                throw new ModelFileException(file, "entry '" + name + "' is not valid JSON: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Writes a model: model.json first, then the entries in the map's order. The file appears complete or not at
     * all (written beside, then moved into place).
     */
    public static void write(Path path, ModelMetadata metadata, Map<String, byte[]> entries) throws IOException {
        for (String name : entries.keySet()) {
            if (name.equals(METADATA_ENTRY) || name.isBlank() || name.startsWith("/") || name.contains("..")
                    || name.contains("\\")) {
                throw new IllegalArgumentException("model entry name '" + name + "' is reserved or not a plain "
                        + "relative name");
            }
        }
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.setAll(metadata.toJson());
        ArrayNode list = doc.putArray("entries");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            list.addObject().put("name", e.getKey()).put("bytes", e.getValue().length);
        }
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".part");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
                zip.write(MAPPER.writeValueAsBytes(doc));
                zip.closeEntry();
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a model file; a {@link ModelFileException} says what is wrong with it. */
    public static Contents read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString());
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        JsonNode doc;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry meta = zip.getEntry(METADATA_ENTRY);
            if (meta == null) {
                throw new ModelFileException(path, "no " + METADATA_ENTRY + " inside; not a MI Studio model");
            }
            try (InputStream in = zip.getInputStream(meta)) {
                doc = MAPPER.readTree(in);
            } catch (JsonProcessingException e) {
                throw new ModelFileException(path, METADATA_ENTRY + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
            for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements();) {
                ZipEntry e = it.nextElement();
                if (e.isDirectory() || e.getName().equals(METADATA_ENTRY)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (ZipException e) {
            throw new ModelFileException(path, "not a MI Studio model (expected a " + EXTENSION + " zip archive): "
                    + e.getMessage(), e);
        }
        if (doc == null || !doc.isObject()) {
            throw new ModelFileException(path, METADATA_ENTRY + " must hold a JSON object");
        }
        if (!FORMAT.equals(doc.path("format").asText())) {
            throw new ModelFileException(path, METADATA_ENTRY + ": 'format' must be \"" + FORMAT + "\", got "
                    + doc.get("format"));
        }
        JsonNode v = doc.get("version");
        if (v == null || !v.isInt()) {
            throw new ModelFileException(path, METADATA_ENTRY + ": 'version' must be an integer");
        }
        if (v.asInt() > VERSION) {
            throw new ModelFileException(path, "model format version " + v.asInt() + " is newer than this MI Studio "
                    + "reads (" + VERSION + "); update MI Studio");
        }
        if (v.asInt() < 1) {
            throw new ModelFileException(path, METADATA_ENTRY + ": 'version' must be at least 1, got " + v.asInt());
        }
        return new Contents(path, ModelMetadata.fromJson(doc, path), entries);
    }
}
