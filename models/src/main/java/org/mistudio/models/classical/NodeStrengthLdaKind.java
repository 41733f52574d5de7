package org.mistudio.models.classical;

import java.util.List;
import java.util.Map;

import org.mistudio.dsp.decode.LdaModel;
import org.mistudio.dsp.features.ConnectivityFeatures;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.online.NodeStrengthLdaWindowClassifier;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelFileException;
import org.mistudio.models.persist.ModelKind;
import org.mistudio.models.persist.ModelMetadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * "node-strength-lda": HappyFeat's connectivity features (node strength of coherence or |imaginary coherence| per
 * channel and frequency) at the selected cells, into shrinkage LDA. Entries {@code connectivity.json} (measure,
 * Welch segment, band and the selected features in HappyFeat's {@code C4;13} notation) and {@code lda.json}.
 */
public final class NodeStrengthLdaKind implements ModelKind {
    public static final String NAME = "node-strength-lda";
    static final String CONNECTIVITY = "connectivity.json";
    static final String LDA = ClassicalJson.LDA_ENTRY;
    static final String COHERENCE = "coherence";
    static final String IMAGINARY = "imaginary-coherence";

    @Override
    public String name() {
        return NAME;
    }

    /** The entries of node-strength features and the LDA fitted on them. */
    public static Map<String, byte[]> entries(ConnectivityFeatures connectivity, List<Feature> features, LdaModel lda) {
        ObjectNode p = ClassicalJson.MAPPER.createObjectNode();
        p.put("measure", connectivity.imaginary() ? IMAGINARY : COHERENCE);
        p.put("segment_s", connectivity.segment());
        p.put("fmin_hz", connectivity.fmin());
        p.put("fmax_hz", connectivity.fmax());
        return ClassicalJson.featureLdaEntries(CONNECTIVITY, p, features, lda);
    }

    @Override
    public WindowClassifier load(ModelFile.Contents contents) throws ModelFileException {
        java.nio.file.Path f = contents.file();
        ModelMetadata md = contents.metadata();
        JsonNode p = contents.json(CONNECTIVITY);
        String measure = ClassicalJson.get(p, "measure", String.class, f, CONNECTIVITY);
        if (!measure.equals(COHERENCE) && !measure.equals(IMAGINARY)) {
            throw new ModelFileException(f, CONNECTIVITY + ": 'measure' must be \"" + COHERENCE + "\" or \""
                    + IMAGINARY + "\", got \"" + measure + "\"");
        }
        try {
            double length = md.windowSamples() / md.samplingRate();
            ConnectivityFeatures c = new ConnectivityFeatures(measure.equals(IMAGINARY), 0, length,
                    ClassicalJson.get(p, "segment_s", Double.class, f, CONNECTIVITY),
                    ClassicalJson.get(p, "fmin_hz", Double.class, f, CONNECTIVITY),
                    ClassicalJson.get(p, "fmax_hz", Double.class, f, CONNECTIVITY));
            List<Feature> features = ClassicalJson.features(p, f, CONNECTIVITY);
            LdaModel lda = ClassicalJson.lda(contents.json(LDA), f, LDA);
            return new NodeStrengthLdaWindowClassifier(md.channels(), md.samplingRate(), md.windowSamples(), c,
                    features, lda, md.classNames());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f, CONNECTIVITY + ": " + e.getMessage(), e);
        }
    }
}
