package org.mistudio.dsp.decode;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.dsp.filter.Butterworth;
import org.mistudio.dsp.filter.Sos;
import org.mistudio.dsp.filter.SosFiltering;

/**
 * Filter-bank CSP + shrinkage LDA (Ang et al. 2008, "Filter Bank Common Spatial Pattern (FBCSP) in
 * Brain-Computer Interface", IJCNN 2008, pp. 2390-2397).
 * <ul>
 *   <li>Filter bank: each trial is filtered zero-phase (forward-backward second-order sections, SciPy's
 *       {@code sosfiltfilt}) by Butterworth band-passes of prototype order {@code filterOrder} (a band-pass of
 *       order N has 2N poles; zero-phase doubles the effective order). Ang et al. used Chebyshev type II
 *       filters; Butterworth is the choice here (maximally flat pass band).</li>
 *   <li>Only samples {@code [cropFrom, cropTo)} of each filtered trial enter CSP, so that filter transients at
 *       the trial edges stay out of the features (give trials longer than the window of interest).</li>
 *   <li>CSP per band ({@link Csp} with its own configuration: for Ang et al.'s m pairs use
 *       {@code 2m} components in {@link Csp.ComponentOrder#ALTERNATE} order, i.e. the m first and m last
 *       eigenvectors), log-variance features, concatenated band after band.</li>
 *   <li>Feature selection: none. Ang et al. select by mutual information (MIBIF); here all
 *       {@code bands x 2m} features go into LDA with Ledoit-Wolf shrinkage, which copes with many correlated
 *       features from few trials (Blankertz et al. 2011, NeuroImage 56:814-825). This is simpler and has no
 *       selection hyper-parameter k.</li>
 * </ul>
 *
 * @param bands        pass bands in Hz
 * @param filterOrder  Butterworth prototype order per band
 * @param samplingRate sampling rate of the trials in Hz
 * @param csp          the CSP fitted per band
 * @param cropFrom     first sample (inclusive) of the window used after filtering
 * @param cropTo       last sample (exclusive); must not exceed the trial length
 * @param lda          the classifier on the concatenated features
 */
public record FbCspLda(List<Band> bands, int filterOrder, double samplingRate, Csp csp, int cropFrom, int cropTo,
                       Lda lda) implements Classifier<float[][][]> {

    /** A pass band in Hz. */
    public record Band(double low, double high) {
        public Band {
            if (!(low > 0) || !(high > low)) {
                throw new IllegalArgumentException("FBCSP: a band needs 0 < low < high, got " + low + "-" + high);
            }
        }
    }

    public FbCspLda {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("FBCSP: at least one band is needed");
        }
        bands = List.copyOf(bands);
        if (filterOrder < 1) {
            throw new IllegalArgumentException("FBCSP: filter order must be at least 1, got " + filterOrder);
        }
        if (!(samplingRate > 0) || !Double.isFinite(samplingRate)) {
            throw new IllegalArgumentException("FBCSP: sampling rate must be finite and > 0, got " + samplingRate);
        }
        for (Band b : bands) {
            if (!(b.high() < samplingRate / 2)) {
                throw new IllegalArgumentException("FBCSP: band " + b.low() + "-" + b.high()
                        + " Hz reaches the Nyquist frequency " + samplingRate / 2 + " Hz");
            }
        }
        if (csp == null || lda == null) {
            throw new IllegalArgumentException("FBCSP: CSP and LDA must be given");
        }
        if (cropFrom < 0 || cropTo <= cropFrom + 1) {
            throw new IllegalArgumentException("FBCSP: window must satisfy 0 <= from < to - 1, got " + cropFrom
                    + ".." + cropTo);
        }
    }

    /** Ang et al.'s nine bands 4-8, 8-12, ..., 36-40 Hz. */
    public static List<Band> angBands() {
        List<Band> b = new ArrayList<>();
        for (int lo = 4; lo < 40; lo += 4) {
            b.add(new Band(lo, lo + 4));
        }
        return b;
    }

    /**
     * The defaults: nine 4 Hz bands 4-40 Hz, Butterworth order 4 (8 poles, zero-phase), m = 2 CSP pairs per
     * band (unregularised, 'concat' covariance), all 36 features into Ledoit-Wolf shrinkage LDA.
     */
    public static FbCspLda defaults(double samplingRate, int cropFrom, int cropTo) {
        return new FbCspLda(angBands(), 4, samplingRate,
                Csp.defaults().withComponents(4).withComponentOrder(Csp.ComponentOrder.ALTERNATE), cropFrom, cropTo,
                Lda.lsqrAuto());
    }

    public FbCspLda withCsp(Csp c) {
        return new FbCspLda(bands, filterOrder, samplingRate, c, cropFrom, cropTo, lda);
    }

    public FbCspLda withBands(List<Band> b) {
        return new FbCspLda(b, filterOrder, samplingRate, csp, cropFrom, cropTo, lda);
    }

    List<Sos> design() {
        List<Sos> sos = new ArrayList<>();
        for (Band b : bands) {
            sos.add(Butterworth.bandpass(filterOrder, b.low(), b.high(), samplingRate));
        }
        return sos;
    }

    @Override
    public Model fit(float[][][] x, int[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("FBCSP: " + (x == null ? 0 : x.length) + " trials but "
                    + (y == null ? 0 : y.length) + " labels");
        }
        List<Sos> sos = design();
        List<CspModel> models = new ArrayList<>();
        for (Sos s : sos) {
            models.add(csp.fit(filterAndCrop(s, x), y));
        }
        Model partial = new Model(this, sos, models, null);
        return new Model(this, sos, models, lda.fit(partial.features(x), y));
    }

    private float[][][] filterAndCrop(Sos sos, float[][][] x) {
        float[][][] out = new float[x.length][][];
        for (int t = 0; t < x.length; t++) {
            if (x[t] == null || x[t].length == 0 || x[t][0].length < cropTo) {
                throw new IllegalArgumentException("FBCSP: trial " + t + " has "
                        + (x[t] == null || x[t].length == 0 ? 0 : x[t][0].length)
                        + " samples, the window needs " + cropTo);
            }
            float[][] f = SosFiltering.sosfiltfilt(sos, x[t]);
            float[][] c = new float[f.length][];
            for (int ch = 0; ch < f.length; ch++) {
                c[ch] = java.util.Arrays.copyOfRange(f[ch], cropFrom, cropTo);
            }
            out[t] = c;
        }
        return out;
    }

    /** The fitted pipeline: one CSP per band and the LDA on the concatenated log-variance features. */
    public record Model(FbCspLda config, List<Sos> sos, List<CspModel> csps, LdaModel lda)
            implements FittedClassifier<float[][][]> {

        public Model {
            sos = List.copyOf(sos);
            csps = List.copyOf(csps);
        }

        /** Features {@code [trial][band * components + component]}. */
        public double[][] features(float[][][] x) {
            int nc = config.csp().nComponents();
            double[][] f = new double[x.length][csps.size() * nc];
            for (int b = 0; b < csps.size(); b++) {
                double[][] part = csps.get(b).transform(config.filterAndCrop(sos.get(b), x));
                for (int t = 0; t < x.length; t++) {
                    System.arraycopy(part[t], 0, f[t], b * nc, nc);
                }
            }
            return f;
        }

        @Override
        public int[] classes() {
            return lda.classes();
        }

        @Override
        public double[][] decisionFunction(float[][][] x) {
            return lda.decisionFunction(features(x));
        }

        @Override
        public int[] predict(float[][][] x) {
            return lda.predict(features(x));
        }

        @Override
        public double[][] predictProba(float[][][] x) {
            return lda.predictProba(features(x));
        }
    }
}
