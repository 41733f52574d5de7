package org.mistudio.models.persist;

import java.util.Map;
import java.util.TreeMap;

import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.classical.CspLdaKind;
import org.mistudio.models.classical.NodeStrengthLdaKind;
import org.mistudio.models.classical.PsdLdaKind;

/** The registry of model kinds: the classical ones built in, others (networks) added with {@link #register}. */
public final class ModelKinds {
    private static final Map<String, ModelKind> KINDS = new TreeMap<>();

    static {
        register(new CspLdaKind());
        register(new PsdLdaKind());
        register(new NodeStrengthLdaKind());
        register(new org.mistudio.models.network.NetworkKind());
    }

    private ModelKinds() {
    }

    /** Adds or replaces a kind. */
    public static synchronized void register(ModelKind kind) {
        KINDS.put(kind.name(), kind);
    }

    /** The names of the kinds this build can load. */
    public static synchronized java.util.Set<String> names() {
        return java.util.Set.copyOf(KINDS.keySet());
    }

    /** The decoder of a read model file, after checking its window length and classes against its metadata. */
    public static WindowClassifier load(ModelFile.Contents contents) throws ModelFileException {
        ModelKind k;
        synchronized (ModelKinds.class) {
            k = KINDS.get(contents.metadata().kind());
        }
        if (k == null) {
            throw new ModelFileException(contents.file(), "model kind '" + contents.metadata().kind()
                    + "' is not supported by this build (known: " + names() + ")");
        }
        WindowClassifier c = k.load(contents);
        ModelMetadata md = contents.metadata();
        if (c.channelCount() != md.channels().size() || c.windowSamples() != md.windowSamples()
                || !c.classNames().equals(md.classNames())) {
            throw new ModelFileException(contents.file(), "the parameters do not fit model.json: they take "
                    + c.channelCount() + " channels x " + c.windowSamples() + " samples with classes " + c.classNames()
                    + ", model.json says " + md.channels().size() + " x " + md.windowSamples() + ", "
                    + md.classNames());
        }
        return c;
    }
}
