package org.mistudio.app.live;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a live session went.
 *
 * @param mode             "online" (with a model) or "calibration"
 * @param stream           the EEG stream
 * @param samplingRate     Hz
 * @param trials           the decoded trials (online), or the cued trials without decoding (calibration)
 * @param accuracy         correct / decoded trials (NaN in calibration or without trials)
 * @param chanceThreshold  binomial significance threshold for that many trials (Müller-Putz et al. 2008, alpha
 *                         0.05), NaN without trials
 * @param predictions      predictions made
 * @param latencyMedian    ms from sample arrival to prediction, median (NaN without predictions)
 * @param latencyP99       the same, 99th percentile
 * @param latencyMax       the same, maximum
 * @param samplesReceived  samples pulled from the stream (first kept to last)
 * @param samplesRecorded  samples in the recording's completed data records
 * @param gaps             times the stream was lost and came back (filled with zeros, annotated)
 * @param markersSent      stimulations published on the session's marker outlet
 * @param streamSeconds    stream time covered
 * @param record           the recording, or null
 */
public record LiveSummary(String mode, String stream, double samplingRate, List<TrialResult> trials, double accuracy,
                          double chanceThreshold, int predictions, double latencyMedian, double latencyP99,
                          double latencyMax, long samplesReceived, long samplesRecorded, long gaps, long markersSent,
                          double streamSeconds, Path record) {

    public LiveSummary {
        trials = List.copyOf(trials);
    }

    public long correctTrials() {
        return trials.stream().filter(TrialResult::correct).count();
    }

    /** A JSON-ready map (the session file written beside the recording, and {@code live --json}). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("stream", stream);
        m.put("sampling_rate_hz", samplingRate);
        m.put("trials", trials.size());
        m.put("correct", correctTrials());
        m.put("accuracy", Double.isNaN(accuracy) ? null : accuracy);
        m.put("chance_threshold", Double.isNaN(chanceThreshold) ? null : chanceThreshold);
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("definition", "arrival of the window's newest sample (pulled from the inlet) to its prediction");
        lat.put("predictions", predictions);
        lat.put("median_ms", Double.isNaN(latencyMedian) ? null : latencyMedian);
        lat.put("p99_ms", Double.isNaN(latencyP99) ? null : latencyP99);
        lat.put("max_ms", Double.isNaN(latencyMax) ? null : latencyMax);
        m.put("latency", lat);
        m.put("samples_received", samplesReceived);
        m.put("samples_recorded", samplesRecorded);
        m.put("gaps", gaps);
        m.put("markers_sent", markersSent);
        m.put("stream_seconds", streamSeconds);
        m.put("record", record == null ? null : record.toString());
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (TrialResult t : trials) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("trial", t.index());
            r.put("cue_time", t.cueTime());
            r.put("cue", t.cue());
            r.put("true", t.trueClass());
            r.put("decoded", t.decoded());
            r.put("probabilities", t.probabilities());
            r.put("windows", t.windows());
            rows.add(r);
        }
        m.put("per_trial", rows);
        return m;
    }
}
