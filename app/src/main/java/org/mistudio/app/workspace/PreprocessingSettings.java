package org.mistudio.app.workspace;

import java.util.Optional;

import org.mistudio.dsp.preprocess.Preprocessing;

/**
 * The offline preprocessing of an extraction, each step off when null.
 *
 * @param bandpassLow  band-pass lower edge, Hz
 * @param bandpassHigh band-pass upper edge, Hz
 * @param filterOrder  0 for MNE's default FIR, N for a zero-phase Butterworth of order N
 * @param notch        line frequency to notch, Hz (50 or 60)
 * @param reference    {@code average} or a channel label
 */
public record PreprocessingSettings(Double bandpassLow, Double bandpassHigh, int filterOrder, Double notch,
                                    String reference) {

    public PreprocessingSettings {
        if ((bandpassLow == null) != (bandpassHigh == null)) {
            throw new FieldException(bandpassLow == null ? "bandpassLow" : "bandpassHigh",
                    "give both band-pass edges or neither");
        }
        if (bandpassLow != null && !(bandpassLow > 0 && bandpassHigh > bandpassLow)) {
            throw new FieldException("bandpassHigh", "need 0 < bandpassLow < bandpassHigh Hz, got " + bandpassLow
                    + "-" + bandpassHigh);
        }
        if (filterOrder < 0 || filterOrder > 12) {
            throw new FieldException("filterOrder", "expected 0 (FIR) or a Butterworth order 1-12, got "
                    + filterOrder);
        }
        if (notch != null && !(notch > 0)) {
            throw new FieldException("notch", "expected a frequency > 0 Hz, got " + notch);
        }
        if (reference != null && reference.isBlank()) {
            reference = null;
        }
    }

    public static PreprocessingSettings none() {
        return new PreprocessingSettings(null, null, 0, null, null);
    }

    /** The dsp chain these settings describe. */
    public Preprocessing toPreprocessing() {
        return new Preprocessing(Optional.ofNullable(reference), Optional.ofNullable(notch),
                bandpassLow == null ? Optional.empty() : Optional.of(new double[] {bandpassLow, bandpassHigh}),
                filterOrder, Optional.empty());
    }
}
