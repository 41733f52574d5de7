package org.mistudio.acquisition.io.edf;

/** The members of the EDF family this package reads and writes. */
public enum EdfVariant {
    /** EDF (Kemp et al. 1992): 16-bit samples, no annotations. */
    EDF(2, false, false),
    /** EDF+ continuous (Kemp and Olivan 2003). */
    EDF_PLUS_C(2, true, false),
    /** EDF+ discontinuous: each data record carries its own start time. */
    EDF_PLUS_D(2, true, true),
    /** BioSemi BDF: 24-bit samples. */
    BDF(3, false, false),
    /** BDF+ continuous: BDF with EDF+ annotations. */
    BDF_PLUS_C(3, true, false),
    /** BDF+ discontinuous. */
    BDF_PLUS_D(3, true, true);

    private final int bytesPerSample;
    private final boolean plus;
    private final boolean discontinuous;

    EdfVariant(int bytesPerSample, boolean plus, boolean discontinuous) {
        this.bytesPerSample = bytesPerSample;
        this.plus = plus;
        this.discontinuous = discontinuous;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    public boolean isPlus() {
        return plus;
    }

    public boolean isDiscontinuous() {
        return discontinuous;
    }

    public boolean isBdf() {
        return bytesPerSample == 3;
    }

    /** The smallest and largest digital values the sample width allows. */
    public int digitalMinimum() {
        return isBdf() ? -8388608 : -32768;
    }

    public int digitalMaximum() {
        return isBdf() ? 8388607 : 32767;
    }
}
