package org.mistudio.models.classical;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mistudio.dsp.decode.Csp;
import org.mistudio.dsp.decode.CspModel;
import org.mistudio.dsp.decode.LdaModel;
import org.mistudio.dsp.online.CspLdaWindowClassifier;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelFileException;
import org.mistudio.models.persist.ModelKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** "csp-lda": entries {@code csp.json} (configuration, filters, patterns, training mean/std) and {@code lda.json}. */
public final class CspLdaKind implements ModelKind {
    public static final String NAME = "csp-lda";
    static final String CSP = "csp.json";
    static final String LDA = "lda.json";

    @Override
    public String name() {
        return NAME;
    }

    /** The entries of a fitted CSP+LDA. */
    public static Map<String, byte[]> entries(CspModel csp, LdaModel lda) {
        ObjectNode c = ClassicalJson.MAPPER.createObjectNode();
        Csp cfg = csp.config();
        c.put("n_components", cfg.nComponents());
        if (Double.isNaN(cfg.reg())) {
            c.putNull("reg");
        } else {
            c.put("reg", cfg.reg());
        }
        c.put("log", cfg.log());
        c.put("cov_est", cfg.covEst().name().toLowerCase(java.util.Locale.ROOT));
        c.put("component_order", cfg.componentOrder().name().toLowerCase(java.util.Locale.ROOT));
        c.put("norm_trace", cfg.normTrace());
        c.set("classes", ClassicalJson.MAPPER.valueToTree(csp.classes()));
        c.set("filters", ClassicalJson.MAPPER.valueToTree(csp.filters()));
        c.set("patterns", ClassicalJson.MAPPER.valueToTree(csp.patterns()));
        c.set("eigenvalues", ClassicalJson.MAPPER.valueToTree(csp.eigenvalues()));
        c.set("mean", ClassicalJson.MAPPER.valueToTree(csp.mean()));
        c.set("std", ClassicalJson.MAPPER.valueToTree(csp.std()));
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(CSP, ClassicalJson.bytes(c));
        out.put(LDA, ClassicalJson.bytes(ClassicalJson.lda(lda)));
        return out;
    }

    @Override
    public WindowClassifier load(ModelFile.Contents contents) throws ModelFileException {
        java.nio.file.Path f = contents.file();
        JsonNode c = contents.json(CSP);
        int n = ClassicalJson.get(c, "n_components", Integer.class, f, CSP);
        Double reg = c.hasNonNull("reg") ? ClassicalJson.get(c, "reg", Double.class, f, CSP) : null;
        Csp cfg;
        try {
            cfg = new Csp(n, reg == null ? Double.NaN : reg, ClassicalJson.get(c, "log", Boolean.class, f, CSP),
                    Csp.CovEstimation.valueOf(ClassicalJson.get(c, "cov_est", String.class, f, CSP)
                            .toUpperCase(java.util.Locale.ROOT)),
                    Csp.ComponentOrder.valueOf(ClassicalJson.get(c, "component_order", String.class, f, CSP)
                            .toUpperCase(java.util.Locale.ROOT)),
                    ClassicalJson.get(c, "norm_trace", Boolean.class, f, CSP));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f, CSP + ": " + e.getMessage(), e);
        }
        double[][] filters = ClassicalJson.get(c, "filters", double[][].class, f, CSP);
        double[][] patterns = ClassicalJson.get(c, "patterns", double[][].class, f, CSP);
        double[] eig = c.hasNonNull("eigenvalues") ? ClassicalJson.get(c, "eigenvalues", double[].class, f, CSP) : null;
        double[] mean = ClassicalJson.get(c, "mean", double[].class, f, CSP);
        double[] std = ClassicalJson.get(c, "std", double[].class, f, CSP);
        int channels = contents.metadata().channels().size();
        if (filters.length < n || filters[0].length != channels) {
            throw new ModelFileException(f, CSP + ": 'filters' must hold at least " + n + " rows of " + channels
                    + " channel weights, got " + filters.length + " x " + (filters.length == 0 ? 0 : filters[0].length));
        }
        int[] classes = ClassicalJson.get(c, "classes", int[].class, f, CSP);
        CspModel csp = new CspModel(cfg, classes, filters, patterns, eig, mean, std);
        LdaModel lda = ClassicalJson.lda(contents.json(LDA), f, LDA);
        try {
            return new CspLdaWindowClassifier(csp, lda, contents.metadata().classNames(),
                    contents.metadata().windowSamples());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f, e.getMessage(), e);
        }
    }
}
