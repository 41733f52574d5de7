package org.mistudio.acquisition.lsl;

/**
 * Removes network and scheduling jitter from the timestamps of a regular stream: each timestamp is replaced by the
 * value at the newest sample of a straight line (time against sample number) fitted by exponentially weighted
 * least squares, so older samples count less and clock drift is followed. The weight halves every
 * {@code halftimeSeconds} of samples; liblsl's default smoothing half-time is 90 s (liblsl
 * {@code src/api_config.cpp}, {@code smoothing_halftime}). A sample marked as following a gap restarts the fit,
 * since the line does not continue across a reconnection.
 *
 * <p>Not thread-safe: one instance per consumer, fed in arrival order.
 */
public final class Dejitter {

    /** liblsl's default smoothing half-time, seconds. */
    public static final double DEFAULT_HALFTIME = 90;

    private final double lambda;
    private boolean started;
    private double origin;
    // Weighted sums with the newest sample at index 0 and older ones at -1, -2, ... (re-centred at each sample,
    // so the numbers stay small however long the stream runs).
    private double s0;
    private double sk;
    private double skk;
    private double st;
    private double skt;

    /**
     * @param nominalRate     the stream's nominal sampling rate, Hz (> 0: irregular streams have no line to fit)
     * @param halftimeSeconds how fast old samples are forgotten
     */
    public Dejitter(double nominalRate, double halftimeSeconds) {
        if (!(nominalRate > 0) || !Double.isFinite(nominalRate)) {
            throw new IllegalArgumentException("dejitter needs a regular stream: nominal rate must be > 0 Hz, got "
                    + nominalRate);
        }
        if (!(halftimeSeconds > 0)) {
            throw new IllegalArgumentException("dejitter half-time must be > 0 s, got " + halftimeSeconds);
        }
        this.lambda = Math.pow(0.5, 1.0 / (halftimeSeconds * nominalRate));
    }

    public static Dejitter of(StreamInfo info) {
        return new Dejitter(info.nominalSrate(), DEFAULT_HALFTIME);
    }

    /** The dejittered timestamp of the next sample (its raw timestamp and whether a gap precedes it). */
    public double next(double timestamp, boolean gapBefore) {
        if (!started || gapBefore) {
            reset();
            started = true;
            origin = timestamp;
        }
        double t = timestamp - origin;
        // Age every earlier sample by one index and forget a little: k -> k - 1.
        double sk1 = sk - s0;
        double skk1 = skk - 2 * sk + s0;
        double skt1 = skt - st;
        s0 = lambda * s0 + 1;
        sk = lambda * sk1;
        skk = lambda * skk1;
        st = lambda * st + t;
        skt = lambda * skt1;
        double det = s0 * skk - sk * sk;
        if (s0 < 2.5 || det <= 1e-12 * s0 * skk) {
            return timestamp;
        }
        // Intercept of t = a + b k at k = 0, the newest sample.
        double a = (st * skk - sk * skt) / det;
        return origin + a;
    }

    /** The dejittered copy of a pulled sample. */
    public Sample apply(Sample sample) {
        return new Sample(next(sample.timestamp(), sample.gapBefore()), sample.values(), sample.gapBefore());
    }

    public void reset() {
        started = false;
        s0 = 0;
        sk = 0;
        skk = 0;
        st = 0;
        skt = 0;
    }
}
