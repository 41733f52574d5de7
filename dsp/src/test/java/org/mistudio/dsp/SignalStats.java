package org.mistudio.dsp;

/**
 * Summary statistics of a signal as the golden files record them (numpy: mean, std with ddof = 0, min, max).
 */
public record SignalStats(double mean, double std, double min, double max) {

    public static SignalStats of(double[] y) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / y.length;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        return new SignalStats(mean, Math.sqrt(ss / y.length), min, max);
    }

    public static SignalStats of(float[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = y[i];
        }
        return of(d);
    }
}
