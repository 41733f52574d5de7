package org.mistudio.models.persist;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything needed to apply a trained model to new data, as {@code model.json} holds it (human-readable).
 *
 * @param kind            "csp-lda", "psd-lda", "node-strength-lda" or "network" ({@link ModelKinds} knows how to
 *                        load each)
 * @param architecture    the network's name (e.g. "eegnet"), null for classical kinds
 * @param settings        the kind's or architecture's settings (JSON values: numbers, strings, lists, maps)
 * @param channels        channel labels, in the order the model takes them
 * @param units           each channel's unit (e.g. "uV")
 * @param samplingRate    Hz
 * @param filter          the causal band-pass applied before the model, null for none
 * @param tmin            training window start relative to the cue, s
 * @param tmax            training window end relative to the cue, s
 * @param classNames      class names, in the order of the model's outputs
 * @param cueLabels       annotation label to class name used in training (e.g. T1 to left)
 * @param trainedOn       the recordings it was trained on (file names)
 * @param metrics         training metrics (accuracy, kappa, folds, ...)
 * @param created         when it was trained
 * @param miStudioVersion the MI Studio version that trained it
 */
public record ModelMetadata(String kind, String architecture, Map<String, Object> settings, List<String> channels,
                            List<String> units, double samplingRate, Filter filter, double tmin, double tmax,
                            List<String> classNames, Map<String, String> cueLabels, List<String> trainedOn,
                            Map<String, Object> metrics, Instant created, String miStudioVersion) {

    /** A causal Butterworth band-pass of the given order (SciPy's {@code butter(order, [low, high], 'bandpass')}). */
    public record Filter(double lowHz, double highHz, int order) {
        public Filter {
            if (!(lowHz > 0 && highHz > lowHz) || order < 1) {
                throw new IllegalArgumentException("model filter: need 0 < low < high and order >= 1, got " + lowHz
                        + "-" + highHz + " Hz, order " + order);
            }
        }
    }

    public ModelMetadata {
        Objects.requireNonNull(kind, "kind");
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        channels = List.copyOf(channels);
        units = List.copyOf(units);
        classNames = List.copyOf(classNames);
        cueLabels = cueLabels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cueLabels));
        trainedOn = trainedOn == null ? List.of() : List.copyOf(trainedOn);
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        Objects.requireNonNull(created, "created");
        miStudioVersion = miStudioVersion == null ? "" : miStudioVersion;
        if (channels.isEmpty() || units.size() != channels.size()) {
            throw new IllegalArgumentException("model: " + channels.size() + " channels and " + units.size()
                    + " units; need one unit per channel and at least one channel");
        }
        if (!(samplingRate > 0) || !Double.isFinite(samplingRate)) {
            throw new IllegalArgumentException("model: sampling rate must be > 0 Hz, got " + samplingRate);
        }
        if (!(tmax > tmin)) {
            throw new IllegalArgumentException("model: need tmin < tmax, got " + tmin + " to " + tmax + " s");
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("model: need at least 2 classes, got " + classNames);
        }
    }

    /** Samples per window: round((tmax - tmin) x rate), as the training epochs had. */
    public int windowSamples() {
        return (int) Math.round((tmax - tmin) * samplingRate);
    }

    // ---------------------------------------------------------------- JSON

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The model.json document (without the format/version header, which {@link ModelFile} adds). */
    ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", kind);
        if (architecture != null) {
            o.put("architecture", architecture);
        }
        o.set("settings", MAPPER.valueToTree(settings));
        ArrayNode ch = o.putArray("channels");
        for (int c = 0; c < channels.size(); c++) {
            ObjectNode e = ch.addObject();
            e.put("label", channels.get(c));
            e.put("unit", units.get(c));
        }
        o.put("sampling_rate_hz", samplingRate);
        if (filter == null) {
            o.putNull("filter");
        } else {
            ObjectNode f = o.putObject("filter");
            f.put("type", "butterworth-bandpass");
            f.put("causal", true);
            f.put("order", filter.order());
            f.put("low_hz", filter.lowHz());
            f.put("high_hz", filter.highHz());
        }
        ObjectNode w = o.putObject("epoch");
        w.put("tmin_s", tmin);
        w.put("tmax_s", tmax);
        w.put("window_samples", windowSamples());
        o.set("classes", MAPPER.valueToTree(classNames));
        o.set("cue_labels", MAPPER.valueToTree(cueLabels));
        o.set("trained_on", MAPPER.valueToTree(trainedOn));
        o.set("metrics", MAPPER.valueToTree(metrics));
        o.put("created", created.toString());
        o.put("mistudio_version", miStudioVersion);
        return o;
    }

    /** Reads the fields of model.json; a {@link ModelFileException} names the field that is missing or wrong. */
    static ModelMetadata fromJson(JsonNode o, Path file) throws ModelFileException {
        try {
            String kind = text(o, "kind", file);
            String arch = o.hasNonNull("architecture") ? o.get("architecture").asText() : null;
            Map<String, Object> settings = o.hasNonNull("settings")
                    ? MAPPER.convertValue(object(o, "settings", file), MAPPER.getTypeFactory()
                            .constructMapType(LinkedHashMap.class, String.class, Object.class))
                    : Map.of();
            List<String> labels = new ArrayList<>();
            List<String> units = new ArrayList<>();
            JsonNode ch = o.get("channels");
            if (ch == null || !ch.isArray() || ch.isEmpty()) {
                throw new ModelFileException(file, "model.json: 'channels' must be a non-empty list of {label, unit}");
            }
            for (int c = 0; c < ch.size(); c++) {
                JsonNode e = ch.get(c);
                if (!e.hasNonNull("label") || !e.hasNonNull("unit")) {
                    throw new ModelFileException(file, "model.json: channels[" + c + "] needs 'label' and 'unit'");
                }
                labels.add(e.get("label").asText());
                units.add(e.get("unit").asText());
            }
            double rate = number(o, "sampling_rate_hz", file);
            Filter filter = null;
            if (o.hasNonNull("filter")) {
                JsonNode f = object(o, "filter", file);
                filter = new Filter(number(f, "low_hz", file), number(f, "high_hz", file), (int) number(f, "order", file));
            }
            JsonNode w = object(o, "epoch", file);
            List<String> classes = strings(o, "classes", file);
            Map<String, String> cues = new LinkedHashMap<>();
            if (o.hasNonNull("cue_labels")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object(o, "cue_labels", file).fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    cues.put(e.getKey(), e.getValue().asText());
                }
            }
            List<String> trained = o.hasNonNull("trained_on") ? strings(o, "trained_on", file) : List.of();
            Map<String, Object> metrics = o.hasNonNull("metrics")
                    ? MAPPER.convertValue(object(o, "metrics", file), MAPPER.getTypeFactory()
                            .constructMapType(LinkedHashMap.class, String.class, Object.class))
                    : Map.of();
            Instant created;
            try {
                created = Instant.parse(text(o, "created", file));
            } catch (DateTimeParseException e) {
                throw new ModelFileException(file, "model.json: 'created' is not an ISO-8601 instant: "
                        + o.get("created").asText());
            }
            String version = o.hasNonNull("mistudio_version") ? o.get("mistudio_version").asText() : "";
            return new ModelMetadata(kind, arch, settings, labels, units, rate, filter, number(w, "tmin_s", file),
                    number(w, "tmax_s", file), classes, cues, trained, metrics, created, version);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "model.json: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode o, String field, Path file) throws ModelFileException {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new ModelFileException(file, "model.json: '" + field + "' must be a string");
        }
        return v.asText();
    }

    static double number(JsonNode o, String field, Path file) throws ModelFileException {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber()) {
            throw new ModelFileException(file, "model.json: '" + field + "' must be a number");
        }
        return v.asDouble();
    }

    static JsonNode object(JsonNode o, String field, Path file) throws ModelFileException {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw new ModelFileException(file, "model.json: '" + field + "' must be an object");
        }
        return v;
    }

    static List<String> strings(JsonNode o, String field, Path file) throws ModelFileException {
        JsonNode v = o.get(field);
        if (v == null || !v.isArray()) {
            throw new ModelFileException(file, "model.json: '" + field + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            out.add(e.asText());
        }
        return out;
    }
}
