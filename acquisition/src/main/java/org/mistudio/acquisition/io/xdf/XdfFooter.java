package org.mistudio.acquisition.io.xdf;

/**
 * What a StreamFooter chunk (tag 6) says about its stream. Recorders write it when a recording ends; the values
 * are informational (pyxdf uses {@code sample_count} only to detect the pylsl#67 extra sample, as we do).
 *
 * @param firstTimestamp {@code <first_timestamp>}, NaN when absent
 * @param lastTimestamp  {@code <last_timestamp>}, NaN when absent
 * @param sampleCount    {@code <sample_count>}, -1 when absent
 */
public record XdfFooter(double firstTimestamp, double lastTimestamp, long sampleCount) {
}
