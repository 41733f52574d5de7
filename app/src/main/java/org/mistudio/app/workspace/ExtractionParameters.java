package org.mistudio.app.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mistudio.dsp.analysis.FeatureExtraction;
import org.mistudio.dsp.artifact.faster.FasterConfig;
import org.mistudio.dsp.features.ConnectivityFeatures;
import org.mistudio.dsp.features.PsdFeatures;

/**
 * One parameter set of HappyFeat's extraction step (Desbois et al. 2023), as the workspace file stores it.
 *
 * @param classes      annotation label (marker) to class name, in class order
 * @param epochStart   start of the epoch of interest after the cue, s
 * @param epochLength  its length, s
 * @param window       PSD window, s
 * @param shift        step between windows, s
 * @param method       {@code welch} or {@code burg}
 * @param burgOrder    autoregressive order for Burg
 * @param resolution   frequency resolution, Hz
 * @param fmin         lowest frequency kept, Hz
 * @param fmax         highest frequency kept, Hz
 * @param connectivity {@code none}, {@code coherence} or {@code imaginary-coherence} (node strength)
 * @param preprocessing filters and reference applied to each run first
 * @param faster       clean the epochs with FASTER before the features
 */
public record ExtractionParameters(Map<String, String> classes, double epochStart, double epochLength, double window,
                                   double shift, String method, int burgOrder, double resolution, double fmin,
                                   double fmax, String connectivity, PreprocessingSettings preprocessing,
                                   boolean faster) {

    public static final List<String> METHODS = List.of("welch", "burg");
    public static final List<String> CONNECTIVITY = List.of("none", "coherence", "imaginary-coherence");

    public ExtractionParameters {
        FieldException.required(classes, "classes");
        if (classes.size() < 2) {
            throw new FieldException("classes", "need at least two markers, got " + classes.keySet());
        }
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        if (!(epochLength > 0)) {
            throw new FieldException("epochLength", "expected > 0 s, got " + epochLength);
        }
        if (!(window > 0 && window <= epochLength)) {
            throw new FieldException("window", "expected 0 < window <= epochLength (" + epochLength + " s), got "
                    + window);
        }
        if (!(shift > 0)) {
            throw new FieldException("shift", "expected > 0 s, got " + shift);
        }
        FieldException.required(method, "method");
        method = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new FieldException("method", "expected welch or burg, got '" + method + "'");
        }
        if (burgOrder < 1) {
            throw new FieldException("burgOrder", "expected >= 1, got " + burgOrder);
        }
        if (!(resolution > 0)) {
            throw new FieldException("resolution", "expected > 0 Hz, got " + resolution);
        }
        if (!(fmin >= 0 && fmax > fmin)) {
            throw new FieldException("fmax", "need 0 <= fmin < fmax, got " + fmin + "-" + fmax + " Hz");
        }
        FieldException.required(connectivity, "connectivity");
        if (!CONNECTIVITY.contains(connectivity)) {
            throw new FieldException("connectivity", "expected none, coherence or imaginary-coherence, got '"
                    + connectivity + "'");
        }
        FieldException.required(preprocessing, "preprocessing");
    }

    /** HappyFeat's defaults for these markers: 1-4 s after the cue, 0.25 s Welch windows every 0.161 s, 1-40 Hz. */
    public static ExtractionParameters happyFeat(Map<String, String> classes) {
        PsdFeatures d = PsdFeatures.happyFeat(PsdFeatures.Method.WELCH);
        return new ExtractionParameters(classes, d.start(), d.length(), d.window(), d.shift(), "welch", d.order(),
                d.resolution(), d.fmin(), d.fmax(), "none", PreprocessingSettings.none(), false);
    }

    public ExtractionParameters withPreprocessing(PreprocessingSettings p, boolean useFaster) {
        return new ExtractionParameters(classes, epochStart, epochLength, window, shift, method, burgOrder, resolution,
                fmin, fmax, connectivity, p, useFaster);
    }

    /** The dsp extraction step these parameters describe (FASTER with the EEGNet comparison's settings). */
    public FeatureExtraction toExtraction() {
        PsdFeatures psd = new PsdFeatures(method.equals("burg") ? PsdFeatures.Method.BURG : PsdFeatures.Method.WELCH,
                epochStart, epochLength, window, shift, resolution, burgOrder, fmin, fmax);
        // Node strength over the same epoch of interest, 1 s Welch segments (1 Hz bins, HappyFeat's default).
        Optional<ConnectivityFeatures> conn = connectivity.equals("none") ? Optional.empty()
                : Optional.of(new ConnectivityFeatures(connectivity.equals("imaginary-coherence"), epochStart,
                        epochLength, Math.min(1, epochLength), fmin, fmax));
        return new FeatureExtraction(classes, preprocessing.toPreprocessing(), psd, conn,
                faster ? Optional.of(FasterConfig.authors()) : Optional.empty());
    }
}
