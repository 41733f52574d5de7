package org.mistudio.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * The benchmark's data sets, written once as raw little-endian float32 {@code [channel][sample]} so that JMH and
 * the SciPy script time exactly the same numbers.
 */
public final class BenchData {

    /** 64 channels, 2 minutes at 160 Hz (an EEGMMIDB-sized run) and 10 minutes at 1000 Hz (a long session). */
    public static final String[] SETS = {"64ch-160Hz-120s", "64ch-1000Hz-600s"};

    private BenchData() {
    }

    public static int channels(String set) {
        return Integer.parseInt(set.substring(0, set.indexOf("ch")));
    }

    public static double rate(String set) {
        String[] p = set.split("-");
        return Double.parseDouble(p[1].replace("Hz", ""));
    }

    public static int samples(String set) {
        String[] p = set.split("-");
        return (int) Math.round(rate(set) * Double.parseDouble(p[2].replace("s", "")));
    }

    public static Path file(Path dir, String set) {
        return dir.resolve(set + ".f32");
    }

    /** 1/f-ish noise plus a 10 Hz rhythm: realistic enough that nothing is trivially zero. */
    public static float[][] generate(String set) {
        int ch = channels(set);
        int n = samples(set);
        double fs = rate(set);
        SplittableRandom random = new SplittableRandom(20261125L);
        float[][] x = new float[ch][n];
        for (int c = 0; c < ch; c++) {
            double y = 0;
            for (int i = 0; i < n; i++) {
                y = 0.98 * y + random.nextGaussian();
                x[c][i] = (float) (5 * y + 10 * Math.sin(2 * Math.PI * 10 * i / fs + c));
            }
        }
        return x;
    }

    public static void write(float[][] x, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.allocate(x[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : x) {
                b.clear();
                b.asFloatBuffer().put(row);
                b.limit(row.length * 4);
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
        }
    }

    public static float[][] read(Path file, int channels, int samples) throws IOException {
        float[][] x = new float[channels][samples];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(samples * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : x) {
                b.clear();
                while (b.hasRemaining()) {
                    if (in.read(b) < 0) {
                        throw new IOException(file + ": ends before " + channels + " x " + samples + " floats");
                    }
                }
                b.flip();
                b.asFloatBuffer().get(row);
            }
        }
        return x;
    }

    /** Writes every data set into the directory given as the first argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "bench/target/data");
        for (String set : SETS) {
            Path f = file(dir, set);
            if (!Files.exists(f) || Files.size(f) != 4L * channels(set) * samples(set)) {
                write(generate(set), f);
            }
            System.out.println(f);
        }
    }
}
