package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.lsl.LslBench;
import org.mistudio.acquisition.lsl.LslConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mistudio lsl bench}: loopback throughput and push-to-pull latency (always machine scope). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Loopback benchmark (machine scope): throughput of one float32 stream, then push-to-pull "
                + "latency (median, p99) of 1, 4 and 8 simultaneous streams pushed sample by sample.")
final class LslBenchCommand implements Callable<Integer> {
    @Option(names = "--channels", defaultValue = "64", description = "channels per stream (default ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--rate", defaultValue = "1000", description = "Hz per stream (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--streams", split = ",", defaultValue = "1,4,8", description = "stream counts (default ${DEFAULT-VALUE})")
    int[] streams;

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds per row (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--scope", paramLabel = "S", description = "accepted for symmetry; the benchmark is loopback only")
    String scope;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LslConfig config = LslConfig.machine();
        PrintWriter out = spec.commandLine().getOut();
        LslBench.ThroughputResult tp = LslBench.throughput(config, channels, Math.min(seconds, 5));
        out.printf(Locale.ROOT, "throughput, 1 stream, %d ch float32: %.0f samples/s (%.1f MB/s of values)%n",
                channels, tp.samplesPerSecond(), tp.megabytesPerSecond());
        out.printf(Locale.ROOT, "%-8s %-9s %-8s %-10s %-6s %-11s %-8s %-8s%n", "streams", "channels", "rate",
                "received", "lost", "median ms", "p99 ms", "max ms");
        out.flush();
        for (int n : streams) {
            LslBench.LatencyResult r = LslBench.latency(config, n, channels, rate, seconds);
            out.printf(Locale.ROOT, "%-8d %-9d %-8s %-10d %-6d %-11.3f %-8.3f %-8.3f%n", n, channels,
                    LslCommand.plain(rate), r.received(), r.lost(), r.medianMs(), r.p99Ms(), r.maxMs());
            out.flush();
        }
        return 0;
    }
}
