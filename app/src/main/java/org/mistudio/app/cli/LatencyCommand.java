package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.mistudio.dsp.filter.Butterworth;
import org.mistudio.dsp.online.LatencyStats;
import org.mistudio.dsp.online.SlidingWindowDecoder;
import org.mistudio.models.net.Networks;
import org.mistudio.models.network.NetworkWindowClassifier;
import org.mistudio.models.train.EegTrainer;
import org.mistudio.models.train.ProgressListener;
import org.mistudio.models.train.TrainedNetwork;
import org.mistudio.models.train.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "latency", mixinStandardHelpOptions = true,
        description = {"Decoding latency of each network as a live session runs it: chunks of samples pushed into "
                + "the sliding-window decoder (causal Butterworth band-pass, ring buffer, standardisation, one "
                + "inference-mode forward pass); the time from a chunk's arrival to the prediction that includes it.",
                "The networks are initialised and trained one epoch on noise (the time does not depend on the "
                        + "weights). LSL transport is not included: see `mistudio lsl bench`."})
final class LatencyCommand implements Callable<Integer> {

    @Option(names = "--models", defaultValue = "all", description = "all or a list of networks (default ${DEFAULT-VALUE})")
    String models;

    @Option(names = "--channels", defaultValue = "64", description = "channels (default ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--rate", defaultValue = "160", description = "sampling rate, Hz (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--window", defaultValue = "4", description = "window length, s (default ${DEFAULT-VALUE})")
    double window;

    @Option(names = "--chunk", defaultValue = "10", description = "samples per chunk = samples between predictions "
            + "(default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--predictions", defaultValue = "300", description = "timed predictions per network after "
            + "30 warm-up ones (default ${DEFAULT-VALUE})")
    int predictions;

    @Option(names = "--json", description = "one JSON document")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> names = models.equalsIgnoreCase("all") ? Networks.NAMES : List.of(models.split(","));
        int samples = (int) Math.round(window * rate);
        Random rng = new Random(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "%d channels at %s Hz, %s s windows (%d samples), a prediction every %d samples%n",
                    channels, LslCommand.plain(rate), LslCommand.plain(window), samples, chunk);
            out.printf(Locale.ROOT, "%-14s %10s %10s %10s %10s%n", "network", "median ms", "p99 ms", "max ms", "n");
        }
        for (String name : names) {
            float[][][] x = new float[4][channels][samples];
            for (float[][] t : x) {
                for (float[] c : t) {
                    for (int i = 0; i < c.length; i++) {
                        c[i] = (float) rng.nextGaussian();
                    }
                }
            }
            TrainingSettings s = TrainingSettings.defaults().withEpochs(1).withPatience(0).withBatchSize(4)
                    .withValidationFraction(0);
            try (TrainedNetwork t = EegTrainer.fit(Networks.create(name.strip(), channels, samples, 2), x,
                    new int[] {0, 1, 0, 1}, s, ProgressListener.none())) {
                NetworkWindowClassifier clf = new NetworkWindowClassifier(t, List.of("left", "right"));
                SlidingWindowDecoder dec = new SlidingWindowDecoder(clf, Butterworth.bandpass(4, 8, 30, rate), chunk, 1);
                float[][] block = new float[channels][chunk];
                LatencyStats stats = new LatencyStats();
                int warm = 30;
                int produced = 0;
                while (produced < warm + predictions) {
                    for (float[] c : block) {
                        for (int i = 0; i < chunk; i++) {
                            c[i] = (float) rng.nextGaussian();
                        }
                    }
                    long t0 = System.nanoTime();
                    int n = dec.push(block).size();
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (n > 0) {
                        if (produced >= warm) {
                            stats.add(ms);
                        }
                        produced += n;
                    }
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("network", name.strip());
                row.put("median_ms", stats.median());
                row.put("p99_ms", stats.percentile(99));
                row.put("max_ms", stats.percentile(100));
                row.put("predictions", stats.count());
                rows.add(row);
                if (!json) {
                    out.printf(Locale.ROOT, "%-14s %10.2f %10.2f %10.2f %10d%n", name.strip(), stats.median(),
                            stats.percentile(99), stats.percentile(100), stats.count());
                    out.flush();
                }
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("channels", channels);
            doc.put("sampling_rate_hz", rate);
            doc.put("window_samples", samples);
            doc.put("chunk_samples", chunk);
            doc.put("rows", rows);
            Json.print(out, doc);
        }
        return 0;
    }
}
