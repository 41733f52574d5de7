package org.mistudio.bench;

import java.nio.file.Paths;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.mistudio.dsp.filter.Butterworth;
import org.mistudio.dsp.filter.Sos;
import org.mistudio.dsp.filter.SosFiltering;
import org.mistudio.dsp.spectrum.Spectrum;
import org.mistudio.dsp.spectrum.Welch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Zero-phase 4th-order Butterworth band-pass (8-30 Hz) and a Welch PSD (Hann, 1 s segments, 50 % overlap) of every
 * channel: the preprocessing of an offline MI analysis. The SciPy peer (bench/scipy_filter_welch.py) times
 * {@code sosfiltfilt} + {@code welch} on the same file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 7, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class FilterWelchBench {

    @Param({"64ch-160Hz-120s", "64ch-1000Hz-600s"})
    public String set;

    private float[][] x;
    private double fs;
    private Sos sos;
    private Welch welch;
    /** The second thread of the two-thread variant; the benchmark thread is the first. */
    private ForkJoinPool secondThread;

    @Setup(Level.Trial)
    public void load() throws Exception {
        String dir = System.getProperty("mistudio.bench.data", "bench/target/data");
        x = BenchData.read(BenchData.file(Paths.get(dir), set), BenchData.channels(set), BenchData.samples(set));
        fs = BenchData.rate(set);
        sos = Butterworth.bandpass(4, 8, 30, fs);
        welch = Welch.of((int) Math.round(fs));
        secondThread = new ForkJoinPool(1);
    }

    @TearDown(Level.Trial)
    public void close() {
        secondThread.shutdown();
    }

    /** Filters channels [from, to) together (four at a time, as the library does) and sums one PSD bin. */
    private double range(int from, int to) {
        float[][] y = SosFiltering.sosfiltfilt(sos, java.util.Arrays.copyOfRange(x, from, to));
        double sink = 0;
        for (float[] row : y) {
            Spectrum s = welch.estimate(row, fs);
            sink += s.power()[10];
        }
        return sink;
    }

    @Benchmark
    public double oneThread() {
        return range(0, x.length);
    }

    @Benchmark
    public double twoThreads() throws Exception {
        int half = x.length / 2;
        var first = secondThread.submit(() -> range(0, half));
        double second = range(half, x.length);
        return first.get() + second;
    }
}
