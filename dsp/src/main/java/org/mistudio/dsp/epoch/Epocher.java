package org.mistudio.dsp.epoch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;

/**
 * Cuts epochs around annotated events.
 *
 * <p>Sample alignment follows MNE-Python's {@code Epochs}: the event sits at sample round(onset * fs), the window
 * spans round(tmin * fs) to round(tmax * fs) samples around it, both ends included.
 *
 * @param classes  annotation label to class label (e.g. {@code T1 -> left_hand}); other annotations are ignored
 * @param tmin     window start relative to the event, seconds
 * @param tmax     window end relative to the event, seconds
 * @param baseline optional [start, end] seconds relative to the event whose per-channel mean is subtracted, or
 *                 {@code null}
 */
public record Epocher(Map<String, String> classes, double tmin, double tmax, double[] baseline) {

    public Epocher {
        classes = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(classes, "classes")));
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("epoching: no event labels to epoch");
        }
        if (!Double.isFinite(tmin) || !Double.isFinite(tmax) || tmax <= tmin) {
            throw new IllegalArgumentException("epoching: need finite tmin < tmax, got [" + tmin + ", " + tmax + "]");
        }
        if (baseline != null) {
            if (baseline.length != 2 || !(baseline[1] > baseline[0]) || baseline[0] < tmin - 1e-9
                    || baseline[1] > tmax + 1e-9) {
                throw new IllegalArgumentException("epoching: baseline must be [start, end] inside [" + tmin + ", "
                        + tmax + "], got " + java.util.Arrays.toString(baseline));
            }
            baseline = baseline.clone();
        }
    }

    /** Epochs the given labels under their own names. */
    public static Epocher of(List<String> labels, double tmin, double tmax) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String l : labels) {
            map.put(l, l);
        }
        return new Epocher(map, tmin, tmax, null);
    }

    public Epocher withBaseline(double start, double end) {
        return new Epocher(classes, tmin, tmax, new double[] {start, end});
    }

    /** Epochs every matching event; annotations are not used for rejection (see {@link #apply(Recording, boolean)}). */
    public EpochingResult apply(Recording recording) {
        return apply(recording, false);
    }

    /**
     * Epochs every matching event; with {@code rejectByAnnotation} (MNE's default {@code reject_by_annotation=True})
     * an epoch is dropped when it overlaps an annotation whose label starts with "bad" (case-insensitive), such as
     * the "BAD boundary" that {@link Concatenation#concatenate} places between runs. Overlap follows MNE 1.3's
     * {@code _check_bad_segment}: {@code onset < stop / fs} and {@code onset + duration > start / fs}, with
     * {@code start, stop} the window's first and one-past-last sample.
     */
    public EpochingResult apply(Recording recording, boolean rejectByAnnotation) {
        double fs = recording.samplingRate();
        int n = recording.sampleCount();
        int first = (int) Math.round(tmin * fs);
        int last = (int) Math.round(tmax * fs);
        int length = last - first + 1;
        float[][] x = recording.samples();
        List<float[][]> trials = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<DroppedEpoch> dropped = new ArrayList<>();
        int b0 = baseline == null ? 0 : (int) Math.round(baseline[0] * fs) - first;
        int b1 = baseline == null ? 0 : (int) Math.round(baseline[1] * fs) - first;
        for (Annotation a : recording.annotations()) {
            String cls = classes.get(a.label());
            if (cls == null) {
                continue;
            }
            int event = (int) Math.round(a.onset() * fs);
            int from = event + first;
            if (from < 0 || from + length > n) {
                dropped.add(new DroppedEpoch(a.onset(), a.label(), String.format(java.util.Locale.ROOT,
                        "window [%.3f, %.3f] s around the event at %.3f s runs outside the recording (0 to %.3f s)",
                        tmin, tmax, a.onset(), n / fs)));
                continue;
            }
            if (rejectByAnnotation) {
                Annotation bad = badOverlap(recording.annotations(), from / fs, (from + length) / fs);
                if (bad != null) {
                    dropped.add(new DroppedEpoch(a.onset(), a.label(), String.format(java.util.Locale.ROOT,
                            "window [%.3f, %.3f] s around the event at %.3f s overlaps '%s' at %.3f s",
                            tmin, tmax, a.onset(), bad.label(), bad.onset())));
                    continue;
                }
            }
            float[][] trial = new float[x.length][length];
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(x[c], from, trial[c], 0, length);
                if (baseline != null) {
                    double mean = 0;
                    for (int i = b0; i <= b1; i++) {
                        mean += trial[c][i];
                    }
                    mean /= (b1 - b0 + 1);
                    for (int i = 0; i < length; i++) {
                        trial[c][i] -= (float) mean;
                    }
                }
            }
            trials.add(trial);
            labels.add(cls);
        }
        Epochs epochs = new Epochs(trials.toArray(new float[0][][]), labels, fs, recording.channels(),
                first / fs);
        return new EpochingResult(epochs, dropped);
    }

    private static Annotation badOverlap(List<Annotation> annotations, double start, double stop) {
        for (Annotation b : annotations) {
            if (b.label().toLowerCase(java.util.Locale.ROOT).startsWith("bad") && b.onset() < stop
                    && b.onset() + b.duration() > start) {
                return b;
            }
        }
        return null;
    }

    /**
     * The samples of {@code epochs} between {@code tmin} and {@code tmax} seconds, both included, as MNE's
     * {@code Epochs.crop}: samples round(tmin fs) to round(tmax fs) relative to the event.
     */
    public static Epochs crop(Epochs epochs, double tmin, double tmax) {
        double fs = epochs.samplingRate();
        int first0 = (int) Math.round(epochs.tmin() * fs);
        int from = (int) Math.round(tmin * fs) - first0;
        int to = (int) Math.round(tmax * fs) - first0;
        if (!(tmax >= tmin) || from < 0 || to >= epochs.sampleCount()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "crop: [%s, %s] s is not inside the epochs' [%s, %s] s", tmin, tmax, epochs.time(0),
                    epochs.time(epochs.sampleCount() - 1)));
        }
        float[][][] src = epochs.data();
        float[][][] out = new float[src.length][][];
        for (int t = 0; t < src.length; t++) {
            out[t] = new float[src[t].length][];
            for (int c = 0; c < src[t].length; c++) {
                out[t][c] = java.util.Arrays.copyOfRange(src[t][c], from, to + 1);
            }
        }
        return new Epochs(out, epochs.labels(), fs, epochs.channels(), (first0 + from) / fs);
    }
}
