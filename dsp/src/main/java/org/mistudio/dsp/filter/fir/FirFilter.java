package org.mistudio.dsp.filter.fir;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/**
 * A zero-phase, linear-phase FIR low-, high- or band-pass filter designed and applied with the defaults of
 * MNE-Python 1.3's {@code mne.filter.filter_data(x, sfreq, l_freq, h_freq)}: {@code method='fir'},
 * {@code fir_design='firwin'}, {@code fir_window='hamming'}, {@code phase='zero'}, automatic transition bands and
 * filter length, {@code pad='reflect_limited'}. The output has the length of the input and no delay.
 *
 * <p>Design (the facts of MNE's {@code _triage_filter_params}, {@code create_filter} and {@code _firwin_design}):
 * <ul>
 * <li>transition bands: lower {@code min(max(0.25 l_freq, 2), l_freq)}, upper
 * {@code min(max(0.25 h_freq, 2), sfreq/2 - h_freq)} Hz;</li>
 * <li>length: {@code ceil(3.3 / min(transition bands) * sfreq)} samples, made odd; 3.3 is the Hamming window's
 * main-lobe width in cycles/sample times length (Hamming window: about 0.02% pass-band ripple and 53 dB
 * stop-band attenuation);</li>
 * <li>the response is a sum of windowed-sinc low-passes ({@link Firwin#lowPass}), one per transition band, each
 * with its cutoff in the middle of its band (the -6 dB point) and its own length {@code round(3.3 / band)} made
 * odd, centred in the full length: a band-pass is the low-pass at the upper cutoff minus the low-pass at the
 * lower cutoff, a high-pass is a unit impulse minus a low-pass.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class FirFilter {

    /** What the filter passes. */
    public enum Type { LOW_PASS, HIGH_PASS, BAND_PASS }

    /** MNE's filter-length factor for the Hamming window ({@code _length_factors['hamming']}). */
    public static final double HAMMING_LENGTH_FACTOR = 3.3;

    private final FirParameters parameters;
    private final double[] taps;

    private FirFilter(FirParameters parameters, double[] taps) {
        this.parameters = parameters;
        this.taps = taps;
    }

    /** A band-pass from {@code lFreq} to {@code hFreq} Hz with automatic transition bands and length. */
    public static FirFilter bandPass(double samplingRate, double lFreq, double hFreq) {
        checkRate(samplingRate);
        checkEdge("l_freq", lFreq, samplingRate);
        checkEdge("h_freq", hFreq, samplingRate);
        if (lFreq >= hFreq) {
            throw new IllegalArgumentException("band-pass needs l_freq < h_freq, got l_freq=" + lFreq
                    + " Hz, h_freq=" + hFreq + " Hz");
        }
        return design(samplingRate, lFreq, hFreq);
    }

    /** A low-pass passing up to {@code hFreq} Hz. */
    public static FirFilter lowPass(double samplingRate, double hFreq) {
        checkRate(samplingRate);
        checkEdge("h_freq", hFreq, samplingRate);
        return design(samplingRate, Double.NaN, hFreq);
    }

    /** A high-pass passing from {@code lFreq} Hz. */
    public static FirFilter highPass(double samplingRate, double lFreq) {
        checkRate(samplingRate);
        checkEdge("l_freq", lFreq, samplingRate);
        return design(samplingRate, lFreq, Double.NaN);
    }

    /** MNE's automatic lower transition bandwidth: {@code min(max(0.25 l_freq, 2), l_freq)} Hz. */
    public static double autoLowTransitionBandwidth(double lFreq) {
        return Math.min(Math.max(0.25 * lFreq, 2.0), lFreq);
    }

    /** MNE's automatic upper transition bandwidth: {@code min(max(0.25 h_freq, 2), sfreq/2 - h_freq)} Hz. */
    public static double autoHighTransitionBandwidth(double hFreq, double samplingRate) {
        return Math.min(Math.max(0.25 * hFreq, 2.0), samplingRate / 2.0 - hFreq);
    }

    private static FirFilter design(double fs, double lFreq, double hFreq) {
        boolean hasLow = !Double.isNaN(lFreq);
        boolean hasHigh = !Double.isNaN(hFreq);
        double nyquist = fs / 2.0;
        double lTrans = hasLow ? autoLowTransitionBandwidth(lFreq) : Double.NaN;
        double hTrans = hasHigh ? autoHighTransitionBandwidth(hFreq, fs) : Double.NaN;
        double minTrans = Math.min(hasLow ? lTrans : Double.POSITIVE_INFINITY,
                hasHigh ? hTrans : Double.POSITIVE_INFINITY);
        // filter_length='auto': "<3.3 / min band>s" converted to samples with ceil, then made odd.
        int length = (int) Math.max(Math.ceil(HAMMING_LENGTH_FACTOR / minTrans * fs), 1);
        length += (length - 1) % 2;

        // Gain control points from 0 to Nyquist, as create_filter lays them out.
        List<double[]> points = new ArrayList<>(); // {frequency Hz, gain}
        Type type;
        if (hasLow && hasHigh) {
            type = Type.BAND_PASS;
            double lStop = lFreq - lTrans;
            double hStop = hFreq + hTrans;
            if (lStop != 0) {
                points.add(new double[] {0, 0});
            }
            points.add(new double[] {lStop, 0});
            points.add(new double[] {lFreq, 1});
            points.add(new double[] {hFreq, 1});
            points.add(new double[] {hStop, 0});
            if (hStop != nyquist) {
                points.add(new double[] {nyquist, 0});
            }
        } else if (hasHigh) {
            type = Type.LOW_PASS;
            double hStop = hFreq + hTrans;
            points.add(new double[] {0, 1});
            points.add(new double[] {hFreq, 1});
            points.add(new double[] {hStop, 0});
            if (hStop != nyquist) {
                points.add(new double[] {nyquist, 0});
            }
        } else {
            type = Type.HIGH_PASS;
            double lStop = lFreq - lTrans;
            if (lStop != 0) {
                points.add(new double[] {0, 0});
            }
            points.add(new double[] {lStop, 0});
            points.add(new double[] {lFreq, 1});
            points.add(new double[] {nyquist, 1});
        }
        double[] taps = firwinDesign(length, points, fs);
        FirParameters p = new FirParameters(type, fs, hasLow ? lFreq : Double.NaN, hasHigh ? hFreq : Double.NaN,
                lTrans, hTrans, length, "hamming");
        return new FirFilter(p, taps);
    }

    /**
     * Builds the taps from gain control points (gains 0 or 1) by walking down from Nyquist and adding (gain step
     * up) or subtracting (step down) one Hamming-windowed low-pass per transition, as MNE's
     * {@code _firwin_design}.
     */
    private static double[] firwinDesign(int n, List<double[]> points, double fs) {
        double nyquist = fs / 2.0;
        double[] h = new double[n];
        int last = points.size() - 1;
        double prevFreq = points.get(last)[0] / nyquist;
        double prevGain = points.get(last)[1];
        if (prevGain == 1) {
            h[n / 2] = 1; // start from an all-pass
        }
        for (int i = last - 1; i >= 0; i--) {
            double thisFreq = points.get(i)[0] / nyquist;
            double thisGain = points.get(i)[1];
            if (thisGain != prevGain) {
                double transition = (prevFreq - thisFreq) / 2.0; // in cycles per sample
                int thisN = (int) Math.rint(HAMMING_LENGTH_FACTOR / transition); // Python round: half to even
                thisN += 1 - thisN % 2;
                if (thisN > n) {
                    throw new IllegalArgumentException("filter length " + n + " is too short for the "
                            + transition * fs + " Hz transition band, which needs " + thisN + " samples");
                }
                double[] lowPass = Firwin.lowPass((prevFreq + thisFreq) / 2.0, Firwin.hamming(thisN));
                int offset = (n - thisN) / 2;
                double sign = thisGain == 0 ? -1 : 1;
                for (int k = 0; k < thisN; k++) {
                    h[offset + k] += sign * lowPass[k];
                }
            }
            prevGain = thisGain;
            prevFreq = thisFreq;
        }
        return h;
    }

    public FirParameters parameters() {
        return parameters;
    }

    /** A copy of the filter's taps (impulse response), symmetric and of odd length; centre tap at time zero. */
    public double[] taps() {
        return taps.clone();
    }

    public int length() {
        return taps.length;
    }

    /**
     * The zero-phase amplitude response at {@code freqHz}: {@code sum_k h[k] cos(2 pi f (k - c) / fs)} with
     * {@code c} the centre tap. It is real because the filter is symmetric; its absolute value is the magnitude
     * response, {@code 20 log10|.|} the gain in dB.
     */
    public double amplitudeAt(double freqHz) {
        int c = taps.length / 2;
        double w = 2 * Math.PI * freqHz / parameters.samplingRate();
        double sum = taps[c];
        for (int k = 1; k <= c; k++) {
            sum += 2 * taps[c + k] * Math.cos(w * k);
        }
        return sum;
    }

    /** {@link #amplitudeAt} for each frequency, for plotting the response. */
    public double[] amplitudeResponse(double[] freqsHz) {
        double[] a = new double[freqsHz.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = amplitudeAt(freqsHz[i]);
        }
        return a;
    }

    /**
     * Filters a signal sampled at the design rate; the result has the same length and no delay.
     *
     * @throws IllegalArgumentException when the signal is shorter than the filter (MNE only warns that
     *                                  "distortion is likely"; we refuse)
     */
    public double[] apply(double[] x) {
        checkLength(x.length);
        return ZeroPhaseConvolution.filter(x, taps);
    }

    /** {@link #apply(double[])} for single-precision samples; computed in double precision. */
    public float[] apply(float[] x) {
        checkLength(x.length);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i];
        }
        double[] y = ZeroPhaseConvolution.filter(d, taps);
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    /**
     * Filters every channel of a recording whose channels all have the design's sampling rate; channel infos,
     * start time and annotations are kept.
     */
    public Recording apply(Recording recording) {
        double fs = parameters.samplingRate();
        for (ChannelInfo ch : recording.channels()) {
            if (Math.abs(ch.samplingRate() - fs) > 1e-9 * fs) {
                throw new IllegalArgumentException("channel '" + ch.label() + "' is sampled at "
                        + ch.samplingRate() + " Hz but the filter was designed for " + fs + " Hz");
            }
        }
        float[][] out = new float[recording.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = apply(recording.samples()[c]);
        }
        return new Recording(recording.channels(), out, recording.start(), recording.annotations());
    }

    private void checkLength(int n) {
        if (n < taps.length) {
            throw new IllegalArgumentException("signal of " + n + " samples is too short for this "
                    + taps.length + "-tap FIR filter (" + parameters.durationSeconds() + " s at "
                    + parameters.samplingRate() + " Hz); use a longer signal or wider transition bands");
        }
    }

    private static void checkRate(double fs) {
        if (!Double.isFinite(fs) || fs <= 0) {
            throw new IllegalArgumentException("sampling rate must be a finite positive number of Hz, got " + fs);
        }
    }

    private static void checkEdge(String name, double f, double fs) {
        if (!(f > 0 && f < fs / 2.0)) {
            throw new IllegalArgumentException(name + " must lie strictly between 0 and Nyquist (" + fs / 2.0
                    + " Hz), got " + f + " Hz");
        }
    }

    @Override
    public String toString() {
        return "FirFilter" + parameters;
    }
}
