package org.mistudio.dsp.artifact.faster;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of FASTER.
 *
 * @param threshold        default |z| threshold (3, as the paper)
 * @param thresholds       per-metric thresholds overriding the default, by metric name (e.g. {@code hurst})
 * @param maxIterations    1 = the paper's single pass; more = recompute z-scores without the outliers found
 *                         (mne-faster's iterative mode)
 * @param referenceChannel the single reference electrode's label when the data are referenced to one; enables
 *                         the quadratic distance correction of stage 1 and 4 metrics. Empty for an average
 *                         reference or linked references
 * @param stages           which of the stages 1..4 to run
 * @param passBand         the band (Hz) over which stage 3's spectral slope is taken, normally the pre-filter's
 *                         pass band
 * @param seed             seed of the ICA
 * @param averageReference re-reference the EEG channels to their average after stage 2 (before the ICA) and again
 *                         after stage 4, as FASTER's EEGLAB pipeline does ({@code FASTER_process}: average reference
 *                         after epoch rejection) and the EEGNet comparison's authors (kolcs/bionic_apps) do at the
 *                         end. A no-op for data already average-referenced
 * @param ica              the ICA of stage 3
 */
public record FasterConfig(double threshold, Map<String, Double> thresholds, int maxIterations,
                           Optional<String> referenceChannel, Set<Integer> stages, double[] passBand, long seed,
                           boolean averageReference, IcaMethod ica) {

    public FasterConfig {
        java.util.Objects.requireNonNull(ica, "ica");
        thresholds = Map.copyOf(thresholds);
        stages = Set.copyOf(stages);
        passBand = passBand.clone();
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("FASTER: threshold must be > 0, got " + threshold);
        }
        for (Map.Entry<String, Double> e : thresholds.entrySet()) {
            if (!(e.getValue() > 0)) {
                throw new IllegalArgumentException("FASTER: threshold of " + e.getKey() + " must be > 0, got "
                        + e.getValue());
            }
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("FASTER: iterations must be >= 1, got " + maxIterations);
        }
        for (int s : stages) {
            if (s < 1 || s > 4) {
                throw new IllegalArgumentException("FASTER: stages are 1..4, got " + s);
            }
        }
        if (passBand.length != 2 || !(passBand[0] >= 0) || !(passBand[1] > passBand[0])) {
            throw new IllegalArgumentException("FASTER: pass band must be [low, high] with 0 <= low < high, got "
                    + java.util.Arrays.toString(passBand));
        }
    }

    /**
     * The paper's settings: |z| > 3, one pass, all four stages, no single reference electrode (no distance
     * correction), average reference after stage 2 as FASTER's EEGLAB pipeline, spectral slope over 1-45 Hz,
     * FastICA.
     */
    public static FasterConfig defaults() {
        return new FasterConfig(3, Map.of(), 1, Optional.empty(), Set.of(1, 2, 3, 4), new double[] {1, 45}, 42,
                true, IcaMethod.FASTICA);
    }

    /**
     * The settings of the EEGNet comparison's FASTER (Köllőd et al. 2023; kolcs/bionic_apps, after mne-faster):
     * |z| > 3, iterative outlier search with 2 iterations, average reference at the end. The data should have been
     * band-passed 0.5-45 Hz before epoching, as theirs are.
     */
    public static FasterConfig authors() {
        return new FasterConfig(3, Map.of(), 2, Optional.empty(), Set.of(1, 2, 3, 4), new double[] {1, 45}, 42,
                true, IcaMethod.FASTICA);
    }

    public double thresholdOf(String metric) {
        return thresholds.getOrDefault(metric, threshold);
    }

    public FasterConfig withStages(Set<Integer> newStages) {
        return new FasterConfig(threshold, thresholds, maxIterations, referenceChannel, newStages, passBand, seed, averageReference, ica);
    }

    public FasterConfig withMaxIterations(int iterations) {
        return new FasterConfig(threshold, thresholds, iterations, referenceChannel, stages, passBand, seed, averageReference, ica);
    }

    public FasterConfig withReferenceChannel(String label) {
        return new FasterConfig(threshold, thresholds, maxIterations, Optional.of(label), stages, passBand, seed, averageReference, ica);
    }

    public FasterConfig withThreshold(String metric, double value) {
        Map<String, Double> m = new java.util.HashMap<>(thresholds);
        m.put(metric, value);
        return new FasterConfig(threshold, m, maxIterations, referenceChannel, stages, passBand, seed, averageReference, ica);
    }

    public FasterConfig withPassBand(double low, double high) {
        return new FasterConfig(threshold, thresholds, maxIterations, referenceChannel, stages,
                new double[] {low, high}, seed, averageReference, ica);
    }

    public FasterConfig withAverageReference(boolean on) {
        return new FasterConfig(threshold, thresholds, maxIterations, referenceChannel, stages, passBand, seed, on, ica);
    }

    public FasterConfig withSeed(long newSeed) {
        return new FasterConfig(threshold, thresholds, maxIterations, referenceChannel, stages, passBand, newSeed,
                averageReference, ica);
    }

    public FasterConfig withIca(IcaMethod method) {
        return new FasterConfig(threshold, thresholds, maxIterations, referenceChannel, stages, passBand, seed,
                averageReference, method);
    }

    public FasterConfig withThreshold(double value) {
        return new FasterConfig(value, thresholds, maxIterations, referenceChannel, stages, passBand, seed,
                averageReference, ica);
    }
}
