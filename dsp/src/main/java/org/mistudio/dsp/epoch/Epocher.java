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

    public EpochingResult apply(Recording recording) {
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
}
