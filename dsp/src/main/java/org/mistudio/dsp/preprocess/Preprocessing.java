package org.mistudio.dsp.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.filter.Butterworth;
import org.mistudio.dsp.filter.Notch;
import org.mistudio.dsp.filter.Sos;
import org.mistudio.dsp.filter.SosFiltering;
import org.mistudio.dsp.filter.fir.FirFilter;
import org.mistudio.dsp.reference.Rereference;
import org.mistudio.dsp.resample.RecordingResampler;

/**
 * The offline preprocessing chain, in the order it runs: re-reference, notch, band-pass, resample. Filters are
 * zero-phase and apply to the electrophysiological channels (EEG, EOG, EMG); stim and misc channels pass through
 * unfiltered, as MNE-Python's {@code Raw.filter} leaves them.
 *
 * @param reference    {@code average}, a channel label, or empty for none
 * @param notchHz      line-noise frequency to notch (iirnotch, Q = {@link #NOTCH_Q}), or empty
 * @param bandpassHz   [low, high] Hz, or empty
 * @param iirOrder     0 for MNE's default FIR band-pass; N > 0 for a zero-phase Butterworth of order N
 * @param resampleHz   target sampling rate, or empty
 */
public record Preprocessing(Optional<String> reference, Optional<Double> notchHz, Optional<double[]> bandpassHz,
                            int iirOrder, Optional<Double> resampleHz) {

    /** Quality factor of the notch: -3 dB bandwidth f0 / Q = 1.7 Hz at 50 Hz. */
    public static final double NOTCH_Q = 30;

    public Preprocessing {
        bandpassHz.ifPresent(b -> {
            if (b.length != 2 || !(b[0] > 0) || !(b[1] > b[0])) {
                throw new IllegalArgumentException("band-pass: need 0 < low < high Hz, got "
                        + java.util.Arrays.toString(b));
            }
        });
        if (iirOrder < 0) {
            throw new IllegalArgumentException("IIR order must be >= 0 (0 = FIR), got " + iirOrder);
        }
    }

    public static Preprocessing none() {
        return new Preprocessing(Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty());
    }

    /** The steps as a person reads them, e.g. for a log or a report. */
    public List<String> describe() {
        List<String> steps = new ArrayList<>();
        reference.ifPresent(r -> steps.add("reference: " + r));
        notchHz.ifPresent(f -> steps.add(String.format(Locale.ROOT, "notch %s Hz (IIR, Q %s, zero-phase)", f,
                NOTCH_Q)));
        bandpassHz.ifPresent(b -> steps.add(String.format(Locale.ROOT, "band-pass %s-%s Hz (%s, zero-phase)", b[0],
                b[1], iirOrder == 0 ? "FIR, MNE defaults" : "Butterworth order " + iirOrder)));
        resampleHz.ifPresent(f -> steps.add(String.format(Locale.ROOT, "resample to %s Hz (polyphase)", f)));
        return steps;
    }

    public Recording apply(Recording recording) {
        Recording r = recording;
        if (reference.isPresent()) {
            r = reference.get().equalsIgnoreCase("average") ? Rereference.average(r)
                    : Rereference.toChannel(r, reference.get());
        }
        if (notchHz.isPresent()) {
            Sos notch = Notch.sos(notchHz.get(), NOTCH_Q, r.samplingRate());
            r = filtered(r, x -> SosFiltering.sosfiltfilt(notch, x));
        }
        if (bandpassHz.isPresent()) {
            double[] b = bandpassHz.get();
            double fs = r.samplingRate();
            if (iirOrder > 0) {
                Sos sos = Butterworth.bandpass(iirOrder, b[0], b[1], fs);
                r = filtered(r, x -> SosFiltering.sosfiltfilt(sos, x));
            } else {
                FirFilter fir = FirFilter.bandPass(fs, b[0], b[1]);
                r = filtered(r, x -> {
                    float[][] y = new float[x.length][];
                    for (int c = 0; c < x.length; c++) {
                        y[c] = fir.apply(x[c]);
                    }
                    return y;
                });
            }
        }
        if (resampleHz.isPresent()) {
            r = RecordingResampler.resample(r, resampleHz.get());
        }
        return r;
    }

    /** Applies {@code filter} to the EEG, EOG and EMG channels together; other channels pass through. */
    private static Recording filtered(Recording r, java.util.function.UnaryOperator<float[][]> filter) {
        float[][] x = r.samples();
        java.util.List<Integer> physiological = new java.util.ArrayList<>();
        for (int c = 0; c < x.length; c++) {
            ChannelType t = r.channels().get(c).type();
            if (t == ChannelType.EEG || t == ChannelType.EOG || t == ChannelType.EMG) {
                physiological.add(c);
            }
        }
        float[][] in = new float[physiological.size()][];
        for (int k = 0; k < in.length; k++) {
            in[k] = x[physiological.get(k)];
        }
        float[][] filteredRows = filter.apply(in);
        float[][] out = x.clone();
        for (int k = 0; k < in.length; k++) {
            out[physiological.get(k)] = filteredRows[k];
        }
        return new Recording(r.channels(), out, r.start(), r.annotations());
    }
}
