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
 */
public final class ResultStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, BenchResult> done = new LinkedHashMap<>();

    public ResultStore(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve("results.jsonl");
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
        Files.writeString(file, JSON.writeValueAsString(r) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        done.put(r.key(), r);
    }

    public synchronized List<BenchResult> all() {
        return new ArrayList<>(done.values());
    }
}
