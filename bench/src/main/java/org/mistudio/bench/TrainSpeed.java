package org.mistudio.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.mistudio.models.net.EegNetwork;
import org.mistudio.models.net.Networks;
import org.mistudio.models.train.EegTrainer;
import org.mistudio.models.train.EpochReport;
import org.mistudio.models.train.TrainedNetwork;
import org.mistudio.models.train.TrainingSettings;

/**
 * Seconds per training epoch of each network through {@link EegTrainer} (DJL on libtorch, one thread), for
 * bench/train-speed.sh, which runs bench/torch_train_speed.py on the same data beside it.
 *
 * <p>{@code data DIR [trials channels samples]}: writes seeded standard-normal trials and balanced labels as raw
 * little-endian files ({@code x.f32}: trial x channel x sample float32, {@code y.i32}: int32, {@code shape.txt}).
 * <br>{@code run DIR BATCH WARMUP TIMED NET...}: trains each network for WARMUP + TIMED epochs on all trials of DIR
 * (no validation split, no batch-norm recompute, no early stopping) and prints one JSON line per network with its
 * trainable parameter count, the seconds of each timed epoch as {@link EpochReport#seconds()} measures them
 * (wall clock) and the training thread's CPU seconds over the same epoch.
 */
public final class TrainSpeed {

    private TrainSpeed() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("data")) {
            int n = args.length > 2 ? Integer.parseInt(args[2]) : 58;
            int c = args.length > 3 ? Integer.parseInt(args[3]) : 64;
            int t = args.length > 4 ? Integer.parseInt(args[4]) : 512;
            writeData(Path.of(args[1]), n, c, t, 8L);
        } else if (args.length >= 6 && args[0].equals("run")) {
            Path dir = Path.of(args[1]);
            int batch = Integer.parseInt(args[2]);
            int warmup = Integer.parseInt(args[3]);
            int timed = Integer.parseInt(args[4]);
            float[][][] x = readX(dir);
            int[] y = readY(dir, x.length);
            for (int i = 5; i < args.length; i++) {
                System.out.println(run(args[i], x, y, batch, warmup, timed));
            }
        } else {
            System.err.println("usage: TrainSpeed data DIR [trials channels samples] | run DIR BATCH WARMUP TIMED NET...");
            System.exit(2);
        }
    }

    static String run(String name, float[][][] x, int[] y, int batch, int warmup, int timed) {
        EegNetwork net = Networks.create(name, x[0].length, x[0][0].length, 2);
        TrainingSettings s = TrainingSettings.defaults().withEpochs(warmup + timed).withBatchSize(batch)
                .withPatience(0).withValidationFraction(0).withPreciseBatchNorm(false);
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] lastCpu = {0};
        long params;
        // The listener runs on the training thread at the end of each epoch; libtorch runs on that thread too (one
        // intra-op and one inter-op thread), so the thread's CPU time between two calls is the epoch's CPU time.
        try (TrainedNetwork t = EegTrainer.fit(net, x, y, s, r -> {
            long now = threads.getCurrentThreadCpuTime();
            if (r.epoch() > warmup) {
                seconds.add(r.seconds());
                cpu.add((now - lastCpu[0]) / 1e9);
            }
            lastCpu[0] = now;
        })) {
            params = t.network().trainableParameterCount();
        }
        return String.format(Locale.ROOT, "{\"net\": \"%s\", \"params\": %d, \"seconds\": [%s], \"cpu\": [%s]}",
                name, params, join(seconds), join(cpu));
    }

    private static String join(List<Double> values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", v));
        }
        return b.toString();
    }

    static void writeData(Path dir, int n, int c, int t, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        ByteBuffer buf = ByteBuffer.allocate(n * c * t * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n * c * t; i++) {
            buf.putFloat((float) rng.nextGaussian());
        }
        Files.write(dir.resolve("x.f32"), buf.array());
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int v = y[i];
            y[i] = y[j];
            y[j] = v;
        }
        ByteBuffer yb = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : y) {
            yb.putInt(v);
        }
        Files.write(dir.resolve("y.i32"), yb.array());
        Files.writeString(dir.resolve("shape.txt"), n + " " + c + " " + t + "\n");
    }

    static float[][][] readX(Path dir) throws IOException {
        String[] shape = Files.readString(dir.resolve("shape.txt")).trim().split(" ");
        int n = Integer.parseInt(shape[0]);
        int c = Integer.parseInt(shape[1]);
        int t = Integer.parseInt(shape[2]);
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("x.f32"))).order(ByteOrder.LITTLE_ENDIAN);
        float[][][] x = new float[n][c][t];
        for (float[][] trial : x) {
            for (float[] ch : trial) {
                buf.asFloatBuffer().get(ch);
                buf.position(buf.position() + 4 * t);
            }
        }
        return x;
    }

    static int[] readY(Path dir, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("y.i32"))).order(ByteOrder.LITTLE_ENDIAN);
        int[] y = new int[n];
        buf.asIntBuffer().get(y);
        return y;
    }
}
