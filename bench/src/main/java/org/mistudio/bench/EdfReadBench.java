package org.mistudio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.model.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads all 45 EEGMMIDB runs ({@code ../shared/data/eegmmidb/**.edf}, or {@code -Dmistudio.eegmmidb=DIR}) fully into
 * memory, samples scaled to physical units and annotations parsed, one after the other on one thread. The MNE peer
 * (bench/mne_read_edf.py) times {@code read_raw_edf(..., preload=True)} on the same files; bench/io-bench.sh prints
 * both in MB/s of file read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EdfReadBench {

    private List<Path> files;

    @Setup
    public void find() throws IOException {
        Path dir = Paths.get(System.getProperty("mistudio.eegmmidb", "../shared/data/eegmmidb"));
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".edf")).sorted().toList();
        }
        if (files.size() != 45) {
            throw new IllegalStateException(dir.toAbsolutePath() + ": expected the 45 EEGMMIDB files, found "
                    + files.size());
        }
        System.out.println("eegmmidb bytes: " + totalBytes(files));
    }

    static long totalBytes(List<Path> files) {
        return files.stream().mapToLong(p -> {
            try {
                return Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }

    @Benchmark
    public void readAll(Blackhole bh) throws IOException {
        for (Path p : files) {
            Recording r = EdfReader.read(p);
            bh.consume(r.samples());
            bh.consume(r.annotations());
        }
    }
}
