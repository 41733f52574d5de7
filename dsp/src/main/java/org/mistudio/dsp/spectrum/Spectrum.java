package org.mistudio.dsp.spectrum;

/**
 * A one-sided power spectrum.
 *
 * @param frequencies bin centres in Hz, ascending
 * @param power       power per bin: a density (unit^2/Hz) or a spectrum (unit^2), as the estimator was asked
 */
public record Spectrum(double[] frequencies, double[] power) {

    public Spectrum {
        if (frequencies.length != power.length) {
            throw new IllegalArgumentException("spectrum: " + frequencies.length + " frequencies but "
                    + power.length + " power values");
        }
    }

    /** Bin spacing in Hz. */
    public double resolution() {
        return frequencies.length > 1 ? frequencies[1] - frequencies[0] : 0;
    }

    /**
     * Power in [{@code low}, {@code high}] Hz: the density summed over the bins whose centres lie in the band, times
     * the bin width (the rectangle rule, as band power is commonly taken from Welch estimates).
     */
    public double bandPower(double low, double high) {
        if (!(high >= low)) {
            throw new IllegalArgumentException("band [" + low + ", " + high + "] Hz: high must be >= low");
        }
        double sum = 0;
        int bins = 0;
        for (int i = 0; i < frequencies.length; i++) {
            if (frequencies[i] >= low - 1e-9 && frequencies[i] <= high + 1e-9) {
                sum += power[i];
                bins++;
            }
        }
        if (bins == 0) {
            throw new IllegalArgumentException("band [" + low + ", " + high + "] Hz holds no bin of a spectrum with "
                    + resolution() + " Hz resolution up to " + frequencies[frequencies.length - 1] + " Hz");
        }
        return sum * resolution();
    }
}
