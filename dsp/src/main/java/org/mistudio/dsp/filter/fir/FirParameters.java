package org.mistudio.dsp.filter.fir;

/**
 * The parameters an {@link FirFilter} was designed with, as MNE-Python's filter log reports them. Edges that do
 * not apply to the filter's {@link FirFilter.Type} (the low edge of a low-pass, the high edge of a high-pass) are
 * {@code NaN}.
 *
 * @param type                    low-pass, high-pass or band-pass
 * @param samplingRate            Hz
 * @param lowFreq                 the lower pass-band edge {@code l_freq} in Hz (high-pass part), NaN if none
 * @param highFreq                the upper pass-band edge {@code h_freq} in Hz (low-pass part), NaN if none
 * @param lowTransitionBandwidth  Hz, the lower stop-band edge being {@code lowFreq - lowTransitionBandwidth}
 * @param highTransitionBandwidth Hz, the upper stop-band edge being {@code highFreq + highTransitionBandwidth}
 * @param length                  number of taps (odd)
 * @param window                  the design window's name ({@code "hamming"})
 */
public record FirParameters(FirFilter.Type type, double samplingRate, double lowFreq, double highFreq,
                            double lowTransitionBandwidth, double highTransitionBandwidth, int length,
                            String window) {

    /** The lower stop-band edge in Hz, NaN without a high-pass part. */
    public double lowStopFreq() {
        return lowFreq - lowTransitionBandwidth;
    }

    /** The upper stop-band edge in Hz, NaN without a low-pass part. */
    public double highStopFreq() {
        return highFreq + highTransitionBandwidth;
    }

    /** The lower -6 dB cutoff: the middle of the lower transition band (NaN without a high-pass part). */
    public double lowCutoff() {
        return lowFreq - lowTransitionBandwidth / 2;
    }

    /** The upper -6 dB cutoff: the middle of the upper transition band (NaN without a low-pass part). */
    public double highCutoff() {
        return highFreq + highTransitionBandwidth / 2;
    }

    /** Length in seconds. */
    public double durationSeconds() {
        return length / samplingRate;
    }
}
