package org.mistudio.acquisition.io.edf;

/**
 * One signal's header fields (EDF specification, Kemp et al. 1992, section 2.1.2).
 *
 * @param label             16 characters, e.g. {@code EEG C3} or {@code EDF Annotations}
 * @param transducer        transducer type
 * @param physicalDimension unit, e.g. {@code uV}
 * @param physicalMinimum   physical value of {@code digitalMinimum}
 * @param physicalMaximum   physical value of {@code digitalMaximum}
 * @param digitalMinimum    smallest digital value
 * @param digitalMaximum    largest digital value
 * @param prefiltering      e.g. {@code HP:0.1Hz LP:75Hz}
 * @param samplesPerRecord  samples of this signal in each data record
 */
public record EdfSignal(String label, String transducer, String physicalDimension, double physicalMinimum,
                        double physicalMaximum, int digitalMinimum, int digitalMaximum, String prefiltering,
                        int samplesPerRecord) {

    /** The EDF+ label of an annotation signal (EDF+ specification, section 2.2.1). */
    public static final String ANNOTATIONS_LABEL = "EDF Annotations";
    /** BDF+ uses the same label with the BDF prefix. */
    public static final String BDF_ANNOTATIONS_LABEL = "BDF Annotations";

    public boolean isAnnotation() {
        return label.equals(ANNOTATIONS_LABEL) || label.equals(BDF_ANNOTATIONS_LABEL);
    }

    /** Physical units per digital step. */
    public double gain() {
        return (physicalMaximum - physicalMinimum) / ((double) digitalMaximum - digitalMinimum);
    }

    /** The physical value of digital zero. */
    public double offset() {
        return physicalMaximum - gain() * digitalMaximum;
    }
}
