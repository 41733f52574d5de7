package org.mistudio.acquisition.io.gdf;

/**
 * One channel's fields from the GDF variable header (GDF specification, section "variable header").
 *
 * @param label             16 characters
 * @param transducer        transducer type
 * @param unit              physical unit: GDF 1 stores it as text; GDF 2 as a code (see {@link GdfUnits}), shown
 *                          here as text ({@code uV}, {@code mV}, {@code V}; empty when dimensionless)
 * @param unitCode          the GDF 2 physical dimension code, 0 for GDF 1 or unknown
 * @param physicalMinimum   physical value of {@code digitalMinimum}
 * @param physicalMaximum   physical value of {@code digitalMaximum}
 * @param digitalMinimum    digital value of {@code physicalMinimum}
 * @param digitalMaximum    digital value of {@code physicalMaximum}
 * @param samplesPerRecord  samples of this channel in each data record
 * @param type              sample data type
 */
public record GdfSignal(String label, String transducer, String unit, int unitCode, double physicalMinimum,
                        double physicalMaximum, double digitalMinimum, double digitalMaximum, int samplesPerRecord,
                        GdfType type) {

    /** Physical units per digital step. */
    public double gain() {
        return (physicalMaximum - physicalMinimum) / (digitalMaximum - digitalMinimum);
    }

    /** The physical value of digital zero. */
    public double offset() {
        return physicalMinimum - gain() * digitalMinimum;
    }

    /** Bytes of this channel in one data record. */
    public long bytesPerRecord() {
        return (long) samplesPerRecord * type.bytes();
    }
}
