package org.mistudio.dsp.spectrum;

import java.util.List;

/**
 * Power per channel, time and frequency (e.g. trial-averaged short-time spectra).
 *
 * @param channels    channel labels
 * @param times       window centres in seconds relative to the event, ascending
 * @param frequencies bin centres in Hz, ascending
 * @param power       {@code [channel][time][frequency]}, unit^2/Hz
 */
public record TimeFrequencyPower(List<String> channels, double[] times, double[] frequencies, double[][][] power) {

    public TimeFrequencyPower {
        channels = List.copyOf(channels);
        checkShape("time-frequency power", channels, times, frequencies, power);
    }

    static void checkShape(String what, List<String> channels, double[] times, double[] frequencies,
                           double[][][] values) {
        if (values.length != channels.size()) {
            throw new IllegalArgumentException(what + ": " + values.length + " channel planes but "
                    + channels.size() + " channel labels");
        }
        for (int c = 0; c < values.length; c++) {
            if (values[c].length != times.length) {
                throw new IllegalArgumentException(what + ": channel '" + channels.get(c) + "' has "
                        + values[c].length + " time rows, expected " + times.length);
            }
            for (double[] row : values[c]) {
                if (row.length != frequencies.length) {
                    throw new IllegalArgumentException(what + ": channel '" + channels.get(c) + "' has a row of "
                            + row.length + " frequencies, expected " + frequencies.length);
                }
            }
        }
    }

    /**
     * Event-related (de)synchronisation, ERD/ERS% = (A - R) / R x 100 per channel and frequency, where R is the
     * mean power of the time bins whose centres lie in [baselineStart, baselineEnd] s (Pfurtscheller & Lopes da
     * Silva 1999). Negative values are desynchronisation (ERD). A frequency with zero baseline power gives NaN.
     */
    public ErdsMap relativeTo(double baselineStart, double baselineEnd) {
        if (!Double.isFinite(baselineStart) || !Double.isFinite(baselineEnd) || baselineEnd < baselineStart) {
            throw new IllegalArgumentException("ERD/ERS: baseline must be a finite interval with start <= end, got ["
                    + baselineStart + ", " + baselineEnd + "] s");
        }
        int first = -1;
        int last = -1;
        for (int t = 0; t < times.length; t++) {
            if (times[t] >= baselineStart - 1e-9 && times[t] <= baselineEnd + 1e-9) {
                if (first < 0) {
                    first = t;
                }
                last = t;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException("ERD/ERS: baseline [" + baselineStart + ", " + baselineEnd
                    + "] s holds no window centre; centres run from " + (times.length > 0 ? times[0] : Double.NaN)
                    + " to " + (times.length > 0 ? times[times.length - 1] : Double.NaN) + " s");
        }
        int bins = frequencies.length;
        double[][][] percent = new double[power.length][times.length][bins];
        for (int c = 0; c < power.length; c++) {
            double[] reference = new double[bins];
            for (int t = first; t <= last; t++) {
                for (int k = 0; k < bins; k++) {
                    reference[k] += power[c][t][k];
                }
            }
            for (int k = 0; k < bins; k++) {
                reference[k] /= last - first + 1;
            }
            for (int t = 0; t < times.length; t++) {
                for (int k = 0; k < bins; k++) {
                    percent[c][t][k] = reference[k] == 0 ? Double.NaN
                            : (power[c][t][k] - reference[k]) / reference[k] * 100;
                }
            }
        }
        return new ErdsMap(channels, times, frequencies, percent, baselineStart, baselineEnd);
    }
}
