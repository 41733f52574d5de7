package org.mistudio.models.classical;

import java.nio.file.Path;

import org.mistudio.dsp.decode.LdaModel;
import org.mistudio.models.persist.ModelFileException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON for the classical parameters: plain arrays of numbers, written with Java's shortest round-trip decimal
 * form, so a model reads back bit for bit.
 */
final class ClassicalJson {
    /** The LDA's entry in a feature-based model file. */
    static final String LDA_ENTRY = "lda.json";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClassicalJson() {
    }

    static byte[] bytes(ObjectNode o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render model JSON", e);
        }
    }

    static ObjectNode lda(LdaModel m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("classes", MAPPER.valueToTree(m.classes()));
        o.set("priors", MAPPER.valueToTree(m.priors()));
        o.set("means", MAPPER.valueToTree(m.means()));
        o.set("coef", MAPPER.valueToTree(m.coef()));
        o.set("intercept", MAPPER.valueToTree(m.intercept()));
        return o;
    }

    static LdaModel lda(JsonNode o, Path file, String entry) throws ModelFileException {
        int[] classes = get(o, "classes", int[].class, file, entry);
        double[] priors = get(o, "priors", double[].class, file, entry);
        double[][] means = get(o, "means", double[][].class, file, entry);
        double[][] coef = get(o, "coef", double[][].class, file, entry);
        double[] intercept = get(o, "intercept", double[].class, file, entry);
        if (classes.length < 2 || priors.length != classes.length || coef.length != classes.length
                || intercept.length != classes.length || means.length != classes.length) {
            throw new ModelFileException(file, entry + ": classes, priors, means, coef and intercept must have one "
                    + "entry per class (" + classes.length + ")");
        }
        int p = coef[0].length;
        for (int k = 0; k < classes.length; k++) {
            if (coef[k].length != p || means[k].length != p) {
                throw new ModelFileException(file, entry + ": coef and means rows must all have " + p + " features");
            }
        }
        return new LdaModel(classes, priors, means, coef, intercept, null);
    }

    /**
     * The two entries of a feature-based LDA model: {@code entry} = the extraction's settings {@code settings} plus the
     * selected features, and {@link #LDA_ENTRY} = the LDA.
     */
    static java.util.Map<String, byte[]> featureLdaEntries(String entry, ObjectNode settings,
                                                           java.util.List<org.mistudio.dsp.features.Feature> features,
                                                           LdaModel lda) {
        settings.set("features", MAPPER.valueToTree(features.stream()
                .map(org.mistudio.dsp.features.Feature::toString).toList()));
        java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        out.put(entry, bytes(settings));
        out.put(LDA_ENTRY, bytes(lda(lda)));
        return out;
    }

    /** The selected features written by {@link #featureLdaEntries}. */
    static java.util.List<org.mistudio.dsp.features.Feature> features(JsonNode settings, Path file, String entry)
            throws ModelFileException {
        java.util.List<org.mistudio.dsp.features.Feature> out = new java.util.ArrayList<>();
        for (String s : get(settings, "features", String[].class, file, entry)) {
            out.add(org.mistudio.dsp.features.Feature.parse(s));
        }
        return out;
    }

    static <T> T get(JsonNode o, String field, Class<T> type, Path file, String entry) throws ModelFileException {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new ModelFileException(file, entry + ": '" + field + "' is missing");
        }
        try {
            return MAPPER.treeToValue(v, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFileException(file, entry + ": '" + field + "' is not " + type.getSimpleName()
                    .replace("[]", " array"), e);
        }
    }
}
