package org.mistudio.dsp.spectrum;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * FFT plans and window coefficients, made once per size and shared: spectra of 64 channels x hundreds of trials
 * reuse the same few sizes, and building a plan costs more than a short transform. JTransforms' transforms only
 * read their plan, so one plan serves concurrent callers.
 */
public final class FftPlans {

    private static final Map<Integer, DoubleFFT_1D> FFTS = new ConcurrentHashMap<>();
    private static final Map<String, double[]> WINDOWS = new ConcurrentHashMap<>();

    private FftPlans() {
    }

    public static DoubleFFT_1D fft(int n) {
        return FFTS.computeIfAbsent(n, DoubleFFT_1D::new);
    }

    /** The shared coefficients: callers must not modify them. */
    public static double[] window(Window window, int n) {
        return WINDOWS.computeIfAbsent(window.name() + ":" + n, k -> window.coefficients(n));
    }
}
