package org.mistudio.models.persist;

import org.mistudio.dsp.online.WindowClassifier;

/**
 * How one kind of model ({@link ModelMetadata#kind()}) turns its file entries back into a decoder. The classical
 * kinds are built in; the network kind registers itself with {@link ModelKinds#register}.
 */
public interface ModelKind {

    /** The kind's name as model.json writes it, e.g. "csp-lda". */
    String name();

    /** The decoder stored in {@code contents}; a {@link ModelFileException} names a missing or malformed entry. */
    WindowClassifier load(ModelFile.Contents contents) throws ModelFileException;
}
