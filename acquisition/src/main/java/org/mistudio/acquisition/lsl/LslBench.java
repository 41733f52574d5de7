package org.mistudio.acquisition.lsl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Loopback benchmark: throughput of one float32 stream pushed as fast as the inlet takes it, and push-to-pull
 * latency of N simultaneous regular streams pushed sample by sample in real time (each sample stamped with
 * {@link LslClock#now()} as it is pushed; latency = pull time − stamp, one machine, one clock).
 */
public final class LslBench {
    private LslBench() {
    }

    /** Latency of {@code streams} streams: samples received, lost, median and p99 (ms). */
    public record LatencyResult(int streams, int channels, double rate, double seconds, long received, long lost,
            double medianMs, double p99Ms, double maxMs) {
    }

    /** Throughput: samples/s (and MB/s of values) through one outlet → inlet. */
    public record ThroughputResult(int channels, double seconds, long samples, double samplesPerSecond,
            double megabytesPerSecond) {
    }

    private static StreamInfo info(String name, int channels, double rate) {
        return StreamInfo.of(name, "EEG", channels, rate, ChannelFormat.FLOAT32, name);
    }

    /** Pushes 100-sample chunks as fast as the inlet keeps up (at most 200 000 samples in flight). */
    public static ThroughputResult throughput(LslConfig config, int channels, double seconds)
            throws IOException, InterruptedException {
        String name = "bench-tp-" + UUID.randomUUID();
        try (StreamOutlet out = new StreamOutlet(info(name, channels, 1000), config);
                StreamInlet in = StreamInlet.open(out.info().withAddress("127.0.0.1"), config, false)) {
            if (!out.waitForConsumers(5000)) {
                throw new IOException("the inlet did not connect");
            }
            final long[] received = {0};
            final boolean[] stop = {false};
            Thread puller = new Thread(() -> {
                while (true) {
                    synchronized (stop) {
                        if (stop[0]) {
                            return;
                        }
                    }
                    List<Sample> got = in.pullChunk(100_000);
                    if (got.isEmpty()) {
                        try {
                            Sample s = in.pullSample(50);
                            if (s != null) {
                                synchronized (received) {
                                    received[0]++;
                                }
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    synchronized (received) {
                        received[0] += got.size();
                    }
                }
            }, "bench-puller");
            puller.setDaemon(true);
            puller.start();
            float[] chunk = new float[100 * channels];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = i;
            }
            long pushed = 0;
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            long startReceived;
            synchronized (received) {
                startReceived = received[0];
            }
            while (System.nanoTime() < end) {
                long r;
                synchronized (received) {
                    r = received[0];
                }
                if (pushed - r > 200_000) {
                    Thread.sleep(1);
                    continue;
                }
                out.pushChunk(chunk, 0.0);
                pushed += 100;
            }
            long elapsed = System.nanoTime() - t0;
            synchronized (stop) {
                stop[0] = true;
            }
            puller.join(2000);
            long n;
            synchronized (received) {
                n = received[0] - startReceived;
            }
            double sps = n / (elapsed / 1e9);
            return new ThroughputResult(channels, elapsed / 1e9, n, sps, sps * channels * 4 / 1e6);
        }
    }

    /**
     * {@code streams} outlets of {@code channels} float32 channels at {@code rate} Hz, each with one inlet; one
     * pusher thread pushes every due sample of every stream (per-sample pushes stamped now), one thread per inlet
     * pulls. The first second is warm-up and not counted.
     */
    public static LatencyResult latency(LslConfig config, int streams, int channels, double rate, double seconds)
            throws IOException, InterruptedException {
        List<StreamOutlet> outs = new ArrayList<>();
        List<StreamInlet> ins = new ArrayList<>();
        List<Thread> pullers = new ArrayList<>();
        double[][] lat = new double[streams][];
        int[] counts = new int[streams];
        long[] pulled = new long[streams];
        double warmup = 1.0;
        double measureFrom = Double.NaN;
        try {
            for (int s = 0; s < streams; s++) {
                StreamOutlet o = new StreamOutlet(info("bench-lat-" + s + "-" + UUID.randomUUID(), channels, rate),
                        config);
                outs.add(o);
                ins.add(StreamInlet.open(o.info().withAddress("127.0.0.1"), config, false));
            }
            for (StreamOutlet o : outs) {
                if (!o.waitForConsumers(5000)) {
                    throw new IOException("an inlet did not connect");
                }
            }
            double start = LslClock.now();
            measureFrom = start + warmup;
            double stopAt = measureFrom + seconds;
            final double from = measureFrom;
            for (int s = 0; s < streams; s++) {
                lat[s] = new double[(int) (seconds * rate * 1.2) + 1000];
                final int k = s;
                Thread t = new Thread(() -> {
                    StreamInlet in = ins.get(k);
                    try {
                        while (true) {
                            Sample x = in.pullSample(500);
                            if (x == null) {
                                return; // the pusher stopped
                            }
                            double now = LslClock.now();
                            pulled[k]++;
                            if (x.timestamp() >= from && counts[k] < lat[k].length) {
                                lat[k][counts[k]++] = now - x.timestamp();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bench-pull-" + s);
                t.setDaemon(true);
                t.start();
                pullers.add(t);
            }
            float[] values = new float[channels];
            long i = 0;
            while (true) {
                double now = LslClock.now();
                if (now >= stopAt) {
                    break;
                }
                long due = (long) ((now - start) * rate);
                while (i < due) {
                    for (int c = 0; c < channels; c++) {
                        values[c] = (float) (i + c);
                    }
                    for (StreamOutlet o : outs) {
                        o.pushSample(values, LslClock.now());
                    }
                    i++;
                }
                long nextNanos = (long) ((start + (i + 1) / rate - LslClock.now()) * 1e9);
                if (nextNanos > 100_000) {
                    Thread.sleep(nextNanos / 1_000_000L, (int) (nextNanos % 1_000_000L));
                }
            }
            for (Thread t : pullers) {
                t.join(3000);
            }
            long received = 0;
            long lost = 0;
            int total = 0;
            for (int s = 0; s < streams; s++) {
                received += counts[s];
                lost += Math.max(0, i - pulled[s]);
                total += counts[s];
            }
            double[] all = new double[total];
            int p = 0;
            for (int s = 0; s < streams; s++) {
                System.arraycopy(lat[s], 0, all, p, counts[s]);
                p += counts[s];
            }
            Arrays.sort(all);
            double med = all.length == 0 ? Double.NaN : all[all.length / 2] * 1e3;
            double p99 = all.length == 0 ? Double.NaN : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))] * 1e3;
            double max = all.length == 0 ? Double.NaN : all[all.length - 1] * 1e3;
            return new LatencyResult(streams, channels, rate, seconds, received, lost, med, p99, max);
        } finally {
            for (StreamInlet in : ins) {
                in.close();
            }
            for (StreamOutlet o : outs) {
                o.close();
            }
        }
    }
}
