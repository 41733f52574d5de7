package org.mistudio.models.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's finished units, one JSON object per line in {@code results.jsonl}, appended and flushed as each
 * unit finishes, so an interrupted run resumes where it stopped (finished units are skipped). A line is only ever
 * appended whole; a torn last line (the process killed mid-write) is ignored on reading and its unit redone.
 *
 * <p>A results folder holds one preprocessing pipeline, named in {@code pipeline.txt} with the first result;
 * opening it for another pipeline is refused, so results of different pipelines are never pooled in one table.
 */
public final class ResultStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, BenchResult> done = new LinkedHashMap<>();

    /** The pipeline of the folders written before pipelines were named: 1-45 Hz band-pass, no FASTER. */
    public static final String DEFAULT_PIPELINE = "band-pass";

    private final String pipeline;

    /**
     * Opens {@code dir} for results of {@code pipeline} (e.g. "band-pass", "band-pass+faster").
     *
     * @throws IOException when the folder holds results of another pipeline
     */
    public ResultStore(Path dir, String pipeline) throws IOException {
        this.pipeline = java.util.Objects.requireNonNull(pipeline, "pipeline");
        Files.createDirectories(dir);
        this.file = dir.resolve("results.jsonl");
        Path named = dir.resolve("pipeline.txt");
        String held = Files.exists(named) ? Files.readString(named, StandardCharsets.UTF_8).strip()
                : Files.exists(file) ? DEFAULT_PIPELINE : null;
        if (held != null && !held.equals(pipeline)) {
            throw new IOException(dir + " holds results of the '" + held + "' pipeline, not '" + pipeline
                    + "': use another --results folder");
        }
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.isEmpty()) {
                    continue;
                }
                try {
                    BenchResult r = JSON.readValue(l, BenchResult.class);
                    done.put(r.key(), r);
                } catch (IOException e) {
                    if (i != lines.size() - 1) {
                        throw new IOException(file + ": line " + (i + 1) + " is not a benchmark result: "
                                + e.getMessage(), e);
                    }
                }
            }
        }
    }

    public Path file() {
        return file;
    }

    public synchronized boolean has(String key) {
        return done.containsKey(key);
    }

    public synchronized void add(BenchResult r) throws IOException {
        Path named = file.resolveSibling("pipeline.txt");
        if (!Files.exists(named)) {
            Files.writeString(named, pipeline + "\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, JSON.writeValueAsString(r) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        done.put(r.key(), r);
    }

    public synchronized List<BenchResult> all() {
        return new ArrayList<>(done.values());
    }
}
