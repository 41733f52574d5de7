package org.mistudio.dsp.filter;

/** The band types of {@link Butterworth#design}; low/high-pass take one cutoff, band-pass/stop two. */
public enum FilterType {
    LOWPASS(1), HIGHPASS(1), BANDPASS(2), BANDSTOP(2);

    private final int cutoffCount;

    FilterType(int cutoffCount) {
        this.cutoffCount = cutoffCount;
    }

    /** How many cutoff frequencies this type needs. */
    public int cutoffCount() {
        return cutoffCount;
    }
}
