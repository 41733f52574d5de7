package org.mistudio.dsp.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.mistudio.dsp.stats.SignedR2;

/**
 * Signed r² per channel and frequency between two classes ({@link SignedR2}: squared point-biserial correlation,
 * positive when {@code second} has the larger mean), the map HappyFeat and BCI2000 show for feature selection.
 * For two balanced Gaussian classes whose means differ by d standard deviations, r² tends to d² / (d² + 4).
 *
 * @param values {@code [channel][frequency]}
 */
public record R2Map(String first, String second, List<String> channels, double[] frequencies, double[][] values) {

    public R2Map {
        channels = List.copyOf(channels);
        frequencies = frequencies.clone();
        double[][] v = new double[values.length][];
        for (int c = 0; c < v.length; c++) {
            v[c] = values[c].clone();
        }
        values = v;
    }

    @Override
    public double[] frequencies() {
        return frequencies.clone();
    }

    @Override
    public double[][] values() {
        double[][] v = new double[values.length][];
        for (int c = 0; c < v.length; c++) {
            v[c] = values[c].clone();
        }
        return v;
    }

    /** One ranked channel-frequency cell. */
    public record Cell(String channel, double frequency, double r2) {
    }

    public static R2Map of(FeatureTensor features, String first, String second) {
        int[] a = features.trialsOf(first);
        int[] b = features.trialsOf(second);
        int nc = features.channels().size();
        int nf = features.frequencies().length;
        double[][] r2 = new double[nc][nf];
        for (int c = 0; c < nc; c++) {
            for (int k = 0; k < nf; k++) {
                r2[c][k] = SignedR2.of(features.column(a, c, k), features.column(b, c, k));
            }
        }
        return new R2Map(first, second, features.channels(), features.frequencies(), r2);
    }

    public double at(String channel, double hz) {
        FeatureTensor index = new FeatureTensor("", List.of(), channels, frequencies, new double[0][][]);
        return values[index.channelIndex(channel)][index.frequencyIndex(hz)];
    }

    /** All cells by decreasing |r²|. */
    public List<Cell> ranked() {
        return top(Integer.MAX_VALUE, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * The {@code n} cells of largest |r²| among {@code onlyChannels} (null: all) within [fmin, fmax] Hz; fails on
     * unknown channels or an empty frequency range.
     */
    public List<Cell> top(int n, List<String> onlyChannels, double fmin, double fmax) {
        if (n < 1) {
            throw new IllegalArgumentException("top features: n must be at least 1, got " + n);
        }
        FeatureTensor index = new FeatureTensor("", List.of(), channels, frequencies, new double[0][][]);
        boolean[] useChannel = new boolean[channels.size()];
        if (onlyChannels == null) {
            Arrays.fill(useChannel, true);
        } else {
            for (String ch : onlyChannels) {
                useChannel[index.channelIndex(ch)] = true;
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            if (!useChannel[c]) {
                continue;
            }
            for (int k = 0; k < frequencies.length; k++) {
                if (frequencies[k] >= fmin - 1e-9 && frequencies[k] <= fmax + 1e-9) {
                    cells.add(new Cell(channels.get(c), frequencies[k], values[c][k]));
                }
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("top features: no bin between " + fmin + " and " + fmax + " Hz (bins "
                    + frequencies[0] + "-" + frequencies[frequencies.length - 1] + " Hz)");
        }
        cells.sort(Comparator.comparingDouble((Cell c) -> -Math.abs(c.r2())));
        return List.copyOf(cells.subList(0, Math.min(n, cells.size())));
    }
}
