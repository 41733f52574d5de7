package org.mistudio.dsp.spectrum;

import java.util.List;

/**
 * An ERD/ERS time-frequency map: power change relative to a baseline, in percent (Pfurtscheller & Lopes da Silva
 * 1999). Negative values are event-related desynchronisation, positive ones synchronisation.
 *
 * @param channels      channel labels
 * @param times         window centres in seconds relative to the event
 * @param frequencies   bin centres in Hz
 * @param percent       {@code [channel][time][frequency]}, (power - baseline) / baseline x 100
 * @param baselineStart start of the reference interval, s
 * @param baselineEnd   end of the reference interval, s
 */
public record ErdsMap(List<String> channels, double[] times, double[] frequencies, double[][][] percent,
                      double baselineStart, double baselineEnd) {

    public ErdsMap {
        channels = List.copyOf(channels);
        TimeFrequencyPower.checkShape("ERD/ERS map", channels, times, frequencies, percent);
    }

    /** The index of the bin nearest {@code hz}. */
    public int frequencyIndex(double hz) {
        return nearest(frequencies, hz);
    }

    /** The index of the window whose centre is nearest {@code seconds}. */
    public int timeIndex(double seconds) {
        return nearest(times, seconds);
    }

    private static int nearest(double[] axis, double value) {
        int best = 0;
        for (int i = 1; i < axis.length; i++) {
            if (Math.abs(axis[i] - value) < Math.abs(axis[best] - value)) {
                best = i;
            }
        }
        return best;
    }
}
