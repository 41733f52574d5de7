package org.mistudio.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.mistudio.app.Numbers;
import java.util.Map;

import org.mistudio.dsp.analysis.AnalysisResult;
import org.mistudio.dsp.analysis.AnalysisSettings;
import org.mistudio.dsp.analysis.ClassBandPower;
import org.mistudio.dsp.epoch.DroppedEpoch;

/** Renders an analysis as a terminal table or as a JSON-ready tree. */
public final class AnalysisReport {

    /** Channels shown in the terminal table: the sensorimotor strip, where hand imagery shows. */
    private static final List<String> KEY_CHANNELS = List.of("C3", "Cz", "C4");

    private AnalysisReport() {
    }

    public static String text(String source, AnalysisResult r, AnalysisSettings settings) {
        StringBuilder sb = new StringBuilder();
        sb.append("MI Studio analysis of ").append(source).append('\n');
        sb.append(String.format(Locale.ROOT, "%d EEG channels at %s Hz, %.1f s; trials:", r.channels().size(),
                Numbers.plain(r.samplingRate()), r.duration()));
        r.trials().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
        sb.append('\n');
        sb.append(String.format(Locale.ROOT,
                "Window %.2f to %.2f s after the cue; Welch, %.2f s Hann segments, 50 %% overlap%n",
                settings.tmin(), settings.tmax(), settings.segmentSeconds()));
        for (DroppedEpoch d : r.dropped()) {
            sb.append("dropped: ").append(d.label()).append(" at ").append(String.format(Locale.ROOT, "%.3f s", d.onset()))
                    .append(": ").append(d.reason()).append('\n');
        }
        sb.append('\n');
        List<String> shown = new ArrayList<>();
        for (String key : KEY_CHANNELS) {
            for (String ch : r.channels()) {
                if (org.mistudio.acquisition.model.Recording.normalizeLabel(ch)
                        .equals(org.mistudio.acquisition.model.Recording.normalizeLabel(key))) {
                    shown.add(ch);
                }
            }
        }
        if (shown.isEmpty()) {
            shown = r.channels().subList(0, Math.min(3, r.channels().size()));
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-8s %-14s", "channel", "band"));
        for (String c : r.classes()) {
            head.append(String.format(Locale.ROOT, " %14s", c + " dB"));
        }
        boolean contrast = r.classes().size() >= 2;
        if (contrast) {
            head.append(String.format(Locale.ROOT, " %12s %10s", "difference", "signed r²"));
        }
        sb.append(head).append('\n');
        for (String ch : shown) {
            int c = r.channels().indexOf(ch);
            for (ClassBandPower b : r.bands()) {
                sb.append(String.format(Locale.ROOT, "%-8s %-14s", ch, b.band()));
                for (int k = 0; k < r.classes().size(); k++) {
                    sb.append(String.format(Locale.ROOT, " %14.2f", b.meanDb()[k][c]));
                }
                if (contrast) {
                    sb.append(String.format(Locale.ROOT, " %+12.2f %+10.3f", b.meanDb()[1][c] - b.meanDb()[0][c],
                            b.signedR2()[c]));
                }
                sb.append('\n');
            }
        }
        if (contrast) {
            sb.append(String.format(Locale.ROOT, "(difference: %s minus %s, dB; signed r² positive where %s has "
                    + "more power)%n", r.classes().get(1), r.classes().get(0), r.classes().get(1)));
        }
        r.lateralization().ifPresent(l -> sb.append('\n').append(l.verdict()).append('\n'));
        return sb.toString();
    }

    public static Map<String, Object> json(String source, AnalysisResult r, AnalysisSettings settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("channels", r.channels());
        m.put("sampling_rate_hz", r.samplingRate());
        m.put("duration_s", r.duration());
        m.put("classes", r.classes());
        m.put("trials", r.trials());
        m.put("window_s", List.of(settings.tmin(), settings.tmax()));
        List<Map<String, Object>> dropped = new ArrayList<>();
        for (DroppedEpoch d : r.dropped()) {
            dropped.add(Map.of("onset_s", d.onset(), "label", d.label(), "reason", d.reason()));
        }
        m.put("dropped", dropped);
        List<Map<String, Object>> bands = new ArrayList<>();
        for (ClassBandPower b : r.bands()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("name", b.band().name());
            bm.put("low_hz", b.band().low());
            bm.put("high_hz", b.band().high());
            Map<String, Object> perClass = new LinkedHashMap<>();
            for (int k = 0; k < r.classes().size(); k++) {
                perClass.put(r.classes().get(k), b.meanDb()[k]);
            }
            bm.put("mean_power_db", perClass);
            bm.put("signed_r2", b.signedR2());
            bands.add(bm);
        }
        m.put("bands", bands);
        r.lateralization().ifPresent(l -> {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("c3_right_minus_left_db", l.c3RightMinusLeftDb());
            lm.put("c4_right_minus_left_db", l.c4RightMinusLeftDb());
            lm.put("contralateral", l.contralateral());
            lm.put("verdict", l.verdict());
            m.put("lateralization", lm);
        });
        return m;
    }
}
