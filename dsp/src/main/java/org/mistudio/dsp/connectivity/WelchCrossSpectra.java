package org.mistudio.dsp.connectivity;

import java.util.ArrayList;
import java.util.List;

import org.jtransforms.fft.DoubleFFT_1D;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.spectrum.FftPlans;
import org.mistudio.dsp.spectrum.FftUtil;
import org.mistudio.dsp.spectrum.Window;

/**
 * Cross-spectral density matrices by Welch's method with SciPy's conventions ({@code scipy.signal.csd} and
 * {@code scipy.signal.coherence}): segments of {@code segmentLength} samples stepping by
 * {@code segmentLength - overlap}, the last partial segment dropped, each segment mean-removed and tapered, density
 * scaling 1 / (fs sum w^2), one-sided with the non-DC, non-Nyquist bins doubled, mean over segments. For
 * {@link Epochs}, segments never cross trial boundaries and the mean runs over every segment of every trial.
 *
 * <p>Entry (i, j) is {@code <X_i X_j^*>} (Nolte et al. 2004, Clin Neurophysiol 115:2292-2307), the complex
 * conjugate of SciPy's {@code csd(x_i, x_j)}; the sign matters only for the imaginary part.
 *
 * @param segmentLength samples per segment (SciPy's nperseg), at least 2
 * @param overlap       samples shared by consecutive segments (noverlap), in [0, segmentLength)
 * @param window        taper for each segment
 */
public record WelchCrossSpectra(int segmentLength, int overlap, Window window) {

    public WelchCrossSpectra {
        if (segmentLength < 2) {
            throw new IllegalArgumentException("cross-spectra: segment length must be >= 2 samples, got "
                    + segmentLength);
        }
        if (overlap < 0 || overlap >= segmentLength) {
            throw new IllegalArgumentException("cross-spectra: overlap must be in [0, " + segmentLength + "), got "
                    + overlap);
        }
        if (window == null) {
            throw new IllegalArgumentException("cross-spectra: window must be one of boxcar, hann, hamming, "
                    + "blackman, got null");
        }
    }

    /** Hann window, half overlap: SciPy's defaults for a given segment length. */
    public static WelchCrossSpectra of(int segmentLength) {
        return new WelchCrossSpectra(segmentLength, segmentLength / 2, Window.HANN);
    }

    /** Cross-spectra of all channels of a continuous recording (uniform sampling rate required). */
    public CrossSpectra estimate(Recording recording) {
        return estimate(recording.samples(), recording.labels(), recording.samplingRate());
    }

    /** Cross-spectra of {@code data[channel][sample]} sampled at {@code fs} Hz. */
    public CrossSpectra estimate(float[][] data, List<String> channels, double fs) {
        return estimate(new float[][][] {data}, channels, fs);
    }

    /** Cross-spectra averaged over the segments of all trials. */
    public CrossSpectra estimate(Epochs epochs) {
        List<String> names = new ArrayList<>();
        for (ChannelInfo ch : epochs.channels()) {
            names.add(ch.label());
        }
        return estimate(epochs.data(), names, epochs.samplingRate());
    }

    private CrossSpectra estimate(float[][][] trials, List<String> channels, double fs) {
        if (!Double.isFinite(fs) || fs <= 0) {
            throw new IllegalArgumentException("cross-spectra: sampling rate must be a finite positive number of Hz, "
                    + "got " + fs);
        }
        int nc = channels.size();
        if (nc < 1) {
            throw new IllegalArgumentException("cross-spectra: need at least 1 channel, got 0");
        }
        if (trials.length == 0) {
            throw new IllegalArgumentException("cross-spectra: need at least 1 trial, got 0");
        }
        int step = segmentLength - overlap;
        int n = segmentLength;
        int bins = FftUtil.bins(n);
        double[] w = FftPlans.window(window, n);
        double ss = 0;
        for (double v : w) {
            ss += v * v;
        }
        double[][][] re = new double[nc][nc][bins];
        double[][][] im = new double[nc][nc][bins];
        double[][] fre = new double[nc][bins];
        double[][] fim = new double[nc][bins];
        double[] buffer = new double[n];
        DoubleFFT_1D fft = FftPlans.fft(n);
        int segments = 0;
        for (int t = 0; t < trials.length; t++) {
            float[][] trial = trials[t];
            if (trial.length != nc) {
                throw new IllegalArgumentException("cross-spectra: trial " + t + " has " + trial.length
                        + " channels but " + nc + " labels were given");
            }
            int length = trial[0].length;
            for (float[] ch : trial) {
                if (ch.length != length) {
                    throw new IllegalArgumentException("cross-spectra: channels of trial " + t
                            + " differ in length");
                }
            }
            if (length < n) {
                throw new IllegalArgumentException("cross-spectra: " + length + " samples"
                        + (trials.length > 1 ? " per trial" : "") + " are fewer than one segment of " + n);
            }
            int count = (length - overlap) / step;
            for (int s = 0; s < count; s++) {
                int start = s * step;
                for (int c = 0; c < nc; c++) {
                    double mean = 0;
                    for (int i = 0; i < n; i++) {
                        mean += trial[c][start + i];
                    }
                    mean /= n;
                    for (int i = 0; i < n; i++) {
                        buffer[i] = (trial[c][start + i] - mean) * w[i];
                    }
                    fft.realForward(buffer);
                    FftUtil.unpack(buffer, n, fre[c], fim[c]);
                }
                for (int i = 0; i < nc; i++) {
                    for (int j = i; j < nc; j++) {
                        double[] rij = re[i][j];
                        double[] iij = im[i][j];
                        double[] ar = fre[i];
                        double[] ai = fim[i];
                        double[] br = fre[j];
                        double[] bi = fim[j];
                        for (int k = 0; k < bins; k++) { // X_i conj(X_j)
                            rij[k] += ar[k] * br[k] + ai[k] * bi[k];
                            iij[k] += ai[k] * br[k] - ar[k] * bi[k];
                        }
                    }
                }
                segments++;
            }
        }
        double[] freqs = new double[bins];
        double[] scale = new double[bins];
        for (int k = 0; k < bins; k++) {
            freqs[k] = k * fs / n;
            boolean single = k == 0 || (n % 2 == 0 && k == n / 2);
            scale[k] = (single ? 1 : 2) / (fs * ss * segments);
        }
        for (int i = 0; i < nc; i++) {
            for (int j = i; j < nc; j++) {
                for (int k = 0; k < bins; k++) {
                    re[i][j][k] *= scale[k];
                    im[i][j][k] *= scale[k];
                    if (j != i) { // Hermitian: S_ji = conj(S_ij)
                        re[j][i][k] = re[i][j][k];
                        im[j][i][k] = -im[i][j][k];
                    }
                }
            }
        }
        return new CrossSpectra(channels, freqs, re, im, segments);
    }
}
