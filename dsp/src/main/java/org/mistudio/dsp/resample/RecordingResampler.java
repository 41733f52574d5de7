package org.mistudio.dsp.resample;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/**
 * Resamples whole recordings to a target sampling rate with {@link PolyphaseResampler}. Each channel's ratio
 * {@code target / rate} is approximated by a fraction {@code up / down} with {@code down} bounded; the result
 * must reproduce the target within {@value #RELATIVE_TOLERANCE} relative, or the call fails. Sample values keep
 * their unit and scale (the filter has unit pass-band gain), annotations are kept as they are because their
 * onsets and durations are in seconds, and channels of different rates all end up at the target rate.
 */
public final class RecordingResampler {

    /** The default bound on the denominator (and, relative to the ratio, the numerator) of up/down. */
    public static final int DEFAULT_MAX_DENOMINATOR = 1000;

    /** How closely {@code rate * up / down} must reproduce the requested rate. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    private RecordingResampler() {
    }

    /** A reduced fraction {@code up / down}. */
    public record Ratio(int up, int down) {
        public Ratio {
            if (up < 1 || down < 1) {
                throw new IllegalArgumentException("up and down must be >= 1, got " + up + "/" + down);
            }
        }

        public double value() {
            return (double) up / down;
        }
    }

    /**
     * The fraction with the smallest denominator {@code <= maxDenominator} that equals {@code ratio} within
     * {@link #RELATIVE_TOLERANCE}.
     *
     * @throws IllegalArgumentException when there is none, naming the closest fraction found
     */
    public static Ratio ratio(double ratio, int maxDenominator) {
        if (!Double.isFinite(ratio) || ratio <= 0) {
            throw new IllegalArgumentException("resampling ratio must be finite and positive, got " + ratio);
        }
        if (maxDenominator < 1) {
            throw new IllegalArgumentException("maximum denominator must be >= 1, got " + maxDenominator);
        }
        long bestUp = 0;
        int bestDown = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int q = 1; q <= maxDenominator; q++) {
            long p = Math.round(ratio * q);
            if (p < 1) {
                continue;
            }
            double error = Math.abs((double) p / q - ratio) / ratio;
            if (error <= RELATIVE_TOLERANCE && p <= Integer.MAX_VALUE) {
                return new Ratio((int) p, q); // the smallest denominator is in lowest terms
            }
            if (error < bestError) {
                bestError = error;
                bestUp = p;
                bestDown = q;
            }
        }
        throw new IllegalArgumentException("ratio " + ratio + " is not a fraction up/down with down <= "
                + maxDenominator + " (closest: " + bestUp + "/" + bestDown + ", off by " + bestError
                + " relative); choose a target rate that is a simple fraction of the recording's rate");
    }

    /** {@link #resample(Recording, double, int)} with {@link #DEFAULT_MAX_DENOMINATOR}. */
    public static Recording resample(Recording recording, double targetRate) {
        return resample(recording, targetRate, DEFAULT_MAX_DENOMINATOR);
    }

    /**
     * A recording with every channel resampled to {@code targetRate} Hz by {@code resample_poly} with the
     * channel's ratio {@code targetRate / rate}; channels already at the target are copied unchanged. Labels,
     * types, units, start time and annotations are kept.
     *
     * @throws IllegalArgumentException when the target rate is not finite and positive, or a channel's ratio is
     *                                  no fraction with denominator {@code <= maxDenominator}
     */
    public static Recording resample(Recording recording, double targetRate, int maxDenominator) {
        if (!Double.isFinite(targetRate) || targetRate <= 0) {
            throw new IllegalArgumentException("target sampling rate must be a finite positive number of Hz, got "
                    + targetRate);
        }
        List<ChannelInfo> channels = new ArrayList<>(recording.channelCount());
        float[][] samples = new float[recording.channelCount()][];
        for (int c = 0; c < samples.length; c++) {
            ChannelInfo ch = recording.channels().get(c);
            Ratio r;
            try {
                r = ratio(targetRate / ch.samplingRate(), maxDenominator);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot resample channel '" + ch.label() + "' from "
                        + ch.samplingRate() + " Hz to " + targetRate + " Hz: " + e.getMessage(), e);
            }
            float[] x = recording.samples()[c];
            samples[c] = x.length == 0 ? new float[0] : new PolyphaseResampler(r.up(), r.down()).resample(x);
            channels.add(new ChannelInfo(ch.label(), ch.type(), ch.unit(), targetRate));
        }
        return new Recording(channels, samples, recording.start(), recording.annotations());
    }
}
