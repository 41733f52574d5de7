package org.mistudio.dsp.decode;

/**
 * The classic motor-imagery pipeline: CSP log-variance features into LDA (as
 * {@code make_pipeline(mne.decoding.CSP(...), LinearDiscriminantAnalysis(...))}).
 */
public record CspLda(Csp csp, Lda lda) implements Classifier<float[][][]> {

    public CspLda {
        if (csp == null || lda == null) {
            throw new IllegalArgumentException("CSP+LDA: both stages must be given");
        }
    }

    /** MNE's default CSP (4 components, log power) and sklearn's default LDA. */
    public static CspLda defaults() {
        return new CspLda(Csp.defaults(), Lda.svd());
    }

    @Override
    public Model fit(float[][][] x, int[] y) {
        CspModel c = csp.fit(x, y);
        return new Model(c, lda.fit(c.transform(x), y));
    }

    /** The fitted pipeline. */
    public record Model(CspModel csp, LdaModel lda) implements FittedClassifier<float[][][]> {

        @Override
        public int[] classes() {
            return lda.classes();
        }

        @Override
        public double[][] decisionFunction(float[][][] x) {
            return lda.decisionFunction(csp.transform(x));
        }

        @Override
        public int[] predict(float[][][] x) {
            return lda.predict(csp.transform(x));
        }

        @Override
        public double[][] predictProba(float[][][] x) {
            return lda.predictProba(csp.transform(x));
        }
    }
}
