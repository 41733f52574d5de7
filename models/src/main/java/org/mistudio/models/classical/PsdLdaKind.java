package org.mistudio.models.classical;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mistudio.dsp.decode.LdaModel;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.dsp.online.PsdLdaWindowClassifier;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelFileException;
import org.mistudio.models.persist.ModelKind;
import org.mistudio.models.persist.ModelMetadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * "psd-lda": entries {@code psd.json} (HappyFeat PSD settings and the selected features in HappyFeat's
 * {@code C4;13} notation) and {@code lda.json}.
 */
public final class PsdLdaKind implements ModelKind {
    public static final String NAME = "psd-lda";
    static final String PSD = "psd.json";
    static final String LDA = ClassicalJson.LDA_ENTRY;

    @Override
    public String name() {
        return NAME;
    }

    public static Map<String, byte[]> entries(PsdFeatures psd, List<Feature> features, LdaModel lda) {
        ObjectNode p = ClassicalJson.MAPPER.createObjectNode();
        p.put("method", psd.method().name().toLowerCase(Locale.ROOT));
        p.put("window_s", psd.window());
        p.put("shift_s", psd.shift());
        p.put("resolution_hz", psd.resolution());
        p.put("burg_order", psd.order());
        p.put("fmin_hz", psd.fmin());
        p.put("fmax_hz", psd.fmax());
        return ClassicalJson.featureLdaEntries(PSD, p, features, lda);
    }

    @Override
    public WindowClassifier load(ModelFile.Contents contents) throws ModelFileException {
        java.nio.file.Path f = contents.file();
        ModelMetadata md = contents.metadata();
        JsonNode p = contents.json(PSD);
        try {
            PsdFeatures psd = new PsdFeatures(
                    PsdFeatures.Method.valueOf(ClassicalJson.get(p, "method", String.class, f, PSD)
                            .toUpperCase(Locale.ROOT)),
                    0, md.windowSamples() / md.samplingRate(), ClassicalJson.get(p, "window_s", Double.class, f, PSD),
                    ClassicalJson.get(p, "shift_s", Double.class, f, PSD),
                    ClassicalJson.get(p, "resolution_hz", Double.class, f, PSD),
                    ClassicalJson.get(p, "burg_order", Integer.class, f, PSD),
                    ClassicalJson.get(p, "fmin_hz", Double.class, f, PSD),
                    ClassicalJson.get(p, "fmax_hz", Double.class, f, PSD));
            List<Feature> features = ClassicalJson.features(p, f, PSD);
            LdaModel lda = ClassicalJson.lda(contents.json(LDA), f, LDA);
            return new PsdLdaWindowClassifier(md.channels(), md.samplingRate(), md.windowSamples(), psd, features, lda,
                    md.classNames());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f, PSD + ": " + e.getMessage(), e);
        }
    }
}
