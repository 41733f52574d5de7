package org.mistudio.bench;

import java.nio.file.Paths;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
    private ForkJoinPool twoThreads;

    @Setup(Level.Trial)
    public void load() throws Exception {
        String dir = System.getProperty("mistudio.bench.data", "bench/target/data");
        x = BenchData.read(BenchData.file(Paths.get(dir), set), BenchData.channels(set), BenchData.samples(set));
        fs = BenchData.rate(set);
        sos = Butterworth.bandpass(4, 8, 30, fs);
        welch = Welch.of((int) Math.round(fs));
        twoThreads = new ForkJoinPool(2);
    }

    @TearDown(Level.Trial)
    public void close() {
        twoThreads.shutdown();
    }

    private double channel(int c) {
        float[] y = toFloat(SosFiltering.sosfiltfilt(sos, x[c]));
        Spectrum s = welch.estimate(y, fs);
        return s.power()[10];
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    @Benchmark
    public double oneThread() {
        double sink = 0;
        for (int c = 0; c < x.length; c++) {
            sink += channel(c);
        }
        return sink;
    }

    @Benchmark
    public double twoThreads() throws Exception {
        return twoThreads.submit(() -> IntStream.range(0, x.length).parallel().mapToDouble(this::channel).sum())
                .get();
    }
}
