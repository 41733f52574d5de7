package org.mistudio.dsp.artifact.faster;

/** The ICA of FASTER's stage 3. */
public enum IcaMethod {
    /** FastICA (Hyvärinen 1999), log-cosh contrast, symmetric; fast, on a subsample. */
    FASTICA,
    /** Extended Infomax (Lee, Girolami and Sejnowski 1999) as EEGLAB's runica, FASTER's original ICA. */
    INFOMAX
}
