package org.mistudio.dsp.connectivity;

import java.util.List;

/**
 * A one-sided cross-spectral density matrix per frequency, S_ij(f) = {@code <X_i(f) X_j(f)^*>}.
 *
 * @param channels    channel labels
 * @param frequencies bin centres in Hz, ascending
 * @param real        {@code [i][j][frequency]} real part, unit^2/Hz
 * @param imag        {@code [i][j][frequency]} imaginary part, unit^2/Hz
 * @param segments    how many segments were averaged
 */
public record CrossSpectra(List<String> channels, double[] frequencies, double[][][] real, double[][][] imag,
                           int segments) {

    public CrossSpectra {
        channels = List.copyOf(channels);
        ConnectivityMatrix.checkShape("cross-spectra", channels, frequencies, real);
        ConnectivityMatrix.checkShape("cross-spectra", channels, frequencies, imag);
        if (segments < 1) {
            throw new IllegalArgumentException("cross-spectra: segment count must be >= 1, got " + segments);
        }
    }

    /** The auto-spectrum (power spectral density) of channel {@code i}. */
    public double[] power(int i) {
        return real[i][i].clone();
    }

    /** Magnitude-squared coherence |S_ij|^2 / (S_ii S_jj), in [0, 1] (scipy.signal.coherence). */
    public ConnectivityMatrix coherence() {
        int nc = channels.size();
        int bins = frequencies.length;
        double[][][] c = new double[nc][nc][bins];
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < nc; j++) {
                for (int k = 0; k < bins; k++) {
                    double re = real[i][j][k];
                    double im = imag[i][j][k];
                    c[i][j][k] = (re * re + im * im) / (real[i][i][k] * real[j][j][k]);
                }
            }
        }
        return new ConnectivityMatrix(ConnectivityMatrix.Measure.COHERENCE, channels, frequencies, c);
    }

    /**
     * Imaginary part of coherency, Im(S_ij) / sqrt(S_ii S_jj), in [-1, 1] (Nolte et al. 2004): insensitive to
     * zero-lag (volume-conducted) coupling. Antisymmetric in i and j; positive when channel i leads channel j by
     * less than half a period.
     */
    public ConnectivityMatrix imaginaryCoherence() {
        int nc = channels.size();
        int bins = frequencies.length;
        double[][][] c = new double[nc][nc][bins];
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < nc; j++) {
                for (int k = 0; k < bins; k++) {
                    c[i][j][k] = imag[i][j][k] / Math.sqrt(real[i][i][k] * real[j][j][k]);
                }
            }
        }
        return new ConnectivityMatrix(ConnectivityMatrix.Measure.IMAGINARY_COHERENCE, channels, frequencies, c);
    }
}
