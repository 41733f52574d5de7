package org.mistudio.acquisition.io.xdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mistudio.acquisition.io.xdf.XdfStream.Segment;

/**
 * Time-stamp post-processing as pyxdf's {@code load_xdf} does it by default (xdf-modules/pyxdf 1.17.5+, commit 8ceb102,
 * {@code src/pyxdf/pyxdf.py}): clock synchronisation with clock-reset handling ({@code _clock_sync},
 * {@code _detect_clock_resets}, {@code _robust_fit}), the pylsl#67 corrupted-last-offset check
 * ({@code _truncate_corrupted_offsets}) and jitter removal ({@code _jitter_removal}). The rules and thresholds are
 * pyxdf's defaults; this is an independent Java implementation of the same arithmetic.
 */
final class XdfTiming {

    /** pyxdf {@code clock_reset_threshold_stds}: a gap between clock-offset times this many MADs out. */
    static final double RESET_THRESHOLD_STDS = 5;
    /** pyxdf {@code clock_reset_threshold_seconds}. */
    static final double RESET_THRESHOLD_SECONDS = 5;
    /** pyxdf {@code clock_reset_threshold_offset_stds}. */
    static final double RESET_THRESHOLD_OFFSET_STDS = 10;
    /** pyxdf {@code clock_reset_threshold_offset_seconds}. */
    static final double RESET_THRESHOLD_OFFSET_SECONDS = 1;
    /** pyxdf {@code winsor_threshold}: the Huber loss is quadratic for residuals below this many seconds. */
    static final double WINSOR_THRESHOLD = 0.0001;
    /** pyxdf {@code jitter_break_threshold_seconds}. */
    static final double JITTER_BREAK_SECONDS = 1;
    /** pyxdf {@code jitter_break_threshold_samples}. */
    static final double JITTER_BREAK_SAMPLES = 500;
    /** numpy's {@code np.finfo(float).eps}, which pyxdf adds to the MAD. */
    private static final double EPS = Math.ulp(1.0);

    private XdfTiming() {
    }

    /**
     * pyxdf {@code _detect_corrupted_clock_offset}: whether the last clock offset is an outlier, either in its
     * time interval (more than 10 times the median of the earlier intervals) or in its value (MAD z-score above
     * 10, MAD scaled by 1.4826). Needs at least 3 offsets.
     */
    static boolean lastClockOffsetCorrupted(double[] times, double[] values) {
        int n = times.length;
        if (n < 3) {
            return false;
        }
        double[] intervals = new double[n - 2];
        for (int i = 0; i < n - 2; i++) {
            intervals[i] = times[i + 1] - times[i];
        }
        double medianInterval = median(intervals);
        double lastInterval = Math.abs(times[n - 1] - times[n - 2]);
        double timeRatio;
        if (medianInterval > 0) {
            timeRatio = lastInterval / medianInterval;
        } else {
            timeRatio = lastInterval > 0 ? Double.POSITIVE_INFINITY : 1.0;
        }
        double[] earlier = Arrays.copyOf(values, n - 1);
        double medianValue = median(earlier);
        double[] dev = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            dev[i] = Math.abs(earlier[i] - medianValue);
        }
        double mad = median(dev);
        double z = mad > EPS ? Math.abs(values[n - 1] - medianValue) / (1.4826 * mad) : 0.0;
        return timeRatio > 10.0 || z > 10.0;
    }

    /**
     * pyxdf {@code _detect_clock_resets}: the clock offsets are split where the collection time decreases, or where
     * both the time interval and the value change are outliers ({@link #segmentClockDiff}).
     *
     * @return inclusive index ranges into the clock-offset arrays
     */
    static List<Segment> detectClockResets(double[] times, double[] values) {
        int m = times.length - 1;
        double[] timeDiff = new double[m];
        double[] valueDiff = new double[m];
        for (int i = 0; i < m; i++) {
            timeDiff[i] = times[i + 1] - times[i];
            valueDiff[i] = values[i + 1] - values[i];
        }
        boolean[] timeGlitch = segmentClockDiff(timeDiff, RESET_THRESHOLD_STDS, RESET_THRESHOLD_SECONDS);
        boolean[] valueGlitch = segmentClockDiff(valueDiff, RESET_THRESHOLD_OFFSET_STDS,
                RESET_THRESHOLD_OFFSET_SECONDS);
        boolean[] resets = new boolean[m];
        for (int i = 0; i < m; i++) {
            resets[i] = timeDiff[i] < 0 || (timeGlitch[i] && valueGlitch[i]);
        }
        return segmentsBetween(resets);
    }

    /**
     * pyxdf {@code _segment_clock_diff}: a difference is a glitch when it is more than {@code thresholdStds}
     * median absolute deviations (plus machine epsilon) from the median and more than {@code thresholdSeconds}
     * from it.
     */
    static boolean[] segmentClockDiff(double[] diff, double thresholdStds, double thresholdSeconds) {
        double median = median(diff);
        double[] shiftAbs = new double[diff.length];
        for (int i = 0; i < diff.length; i++) {
            shiftAbs[i] = Math.abs(diff[i] - median);
        }
        double mad = median(shiftAbs) + EPS;
        boolean[] glitch = new boolean[diff.length];
        for (int i = 0; i < diff.length; i++) {
            double shift = diff[i] - median;
            glitch[i] = Math.abs(shift / mad) > thresholdStds && Math.abs(shift) > thresholdSeconds;
        }
        return glitch;
    }

    /** pyxdf {@code _find_segment_indices}: breaks between consecutive values to inclusive index ranges. */
    static List<Segment> segmentsBetween(boolean[] breaks) {
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < breaks.length; i++) {
            if (breaks[i]) {
                segments.add(new Segment(start, i));
                start = i + 1;
            }
        }
        segments.add(new Segment(start, breaks.length));
        return segments;
    }

    /**
     * pyxdf {@code _clock_sync} for one stream: fits {@code offset = a + b * time} to each clock segment's offsets
     * (robustly, {@link #robustFit}; a one-offset segment gets {@code a = offset, b = 0}) and adds
     * {@code a + b * t} to the time stamps {@code t} of that segment. With several clock segments, the time stamps
     * are split at the first one closer to the next segment's first collection time than to the current segment's
     * last (pyxdf assumes increasing time stamps within a segment, and so do we).
     *
     * @param stamps modified in place
     * @return pyxdf's {@code clock_segments}; empty when nothing was done
     */
    static List<Segment> synchronize(double[] stamps, double[] clockTimes, double[] clockValues,
                                     boolean handleClockResets) {
        List<Segment> clockSegments = new ArrayList<>();
        if (stamps.length == 0 || clockTimes.length == 0) {
            return clockSegments;
        }
        List<Segment> ranges = handleClockResets && clockTimes.length > 1
                ? detectClockResets(clockTimes, clockValues)
                : List.of(new Segment(0, clockTimes.length - 1));
        List<double[]> coefs = new ArrayList<>();
        for (Segment r : ranges) {
            if (r.first() != r.last()) {
                double[] c = robustFit(Arrays.copyOfRange(clockTimes, r.first(), r.last() + 1),
                        Arrays.copyOfRange(clockValues, r.first(), r.last() + 1));
                // pyxdf: "cannot be used for synchronization" when the normal matrix is singular -> [0, 0]
                coefs.add(c != null ? c : new double[] {0, 0});
            } else {
                coefs.add(new double[] {clockValues[r.first()], 0});
            }
        }
        int n = stamps.length;
        if (ranges.size() == 1) {
            apply(stamps, 0, n, coefs.get(0));
            clockSegments.add(new Segment(0, n - 1));
            return clockSegments;
        }
        int tsStart = 0;
        for (int i = 0; i < ranges.size(); i++) {
            Segment r = ranges.get(i);
            int stop = r.last() + 1;
            int tsStop;
            if (stop < clockTimes.length) {
                double currentEnd = clockTimes[r.last()];
                double nextStart = clockTimes[stop];
                tsStop = n;
                for (int k = tsStart; k < n; k++) {
                    if (!(Math.abs(stamps[k] - currentEnd) < Math.abs(stamps[k] - nextStart))) {
                        tsStop = k;
                        break;
                    }
                }
            } else {
                tsStop = n;
            }
            if (tsStart != tsStop) {
                clockSegments.add(new Segment(tsStart, tsStop - 1));
                apply(stamps, tsStart, tsStop, coefs.get(i));
                tsStart = tsStop;
            }
            // else: pyxdf warns "No samples in clock offsets ..., skipping"
        }
        return clockSegments;
    }

    private static void apply(double[] stamps, int from, int to, double[] coef) {
        for (int k = from; k < to; k++) {
            stamps[k] += coef[0] + coef[1] * stamps[k];
        }
    }

    /**
     * pyxdf {@code _robust_fit} as {@code _clock_sync} calls it: the design matrix {@code [1, t/w]} and target
     * {@code v/w} with {@code w} the winsor threshold (so the Huber loss turns linear for residuals above
     * {@code w} seconds), the time column shifted by its minimum for conditioning, solved by 1000 ADMM iterations
     * with rho = 1 (Boyd et al., "Distributed optimization and statistical learning via ADMM", Huber fitting).
     *
     * @return {intercept a, slope b} of {@code offset = a + b * time}, or null when the normal matrix is not
     *         positive definite (numpy's Cholesky would raise LinAlgError)
     */
    static double[] robustFit(double[] times, double[] values) {
        int n = times.length;
        double w = WINSOR_THRESHOLD;
        double[] a1 = new double[n];
        double[] y = new double[n];
        double shift = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            a1[i] = times[i] / w;
            shift = Math.min(shift, a1[i]);
            y[i] = values[i] / w;
        }
        for (int i = 0; i < n; i++) {
            a1[i] -= shift;
        }
        // A^T A = [[s00, s01], [s01, s11]], Cholesky L = [[l00, 0], [l10, l11]]
        double s00 = n;
        double s01 = 0;
        double s11 = 0;
        double aty0 = 0;
        double aty1 = 0;
        for (int i = 0; i < n; i++) {
            s01 += a1[i];
            s11 += a1[i] * a1[i];
            aty0 += y[i];
            aty1 += a1[i] * y[i];
        }
        double l00 = Math.sqrt(s00);
        double l10 = s01 / l00;
        double d = s11 - l10 * l10;
        if (!(d > 0) || !Double.isFinite(d)) {
            return null;
        }
        double l11 = Math.sqrt(d);
        double[] z = new double[n];
        double[] u = new double[n];
        double x0 = 0;
        double x1 = 0;
        double rho = 1;
        for (int it = 0; it < 1000; it++) {
            double r0 = aty0;
            double r1 = aty1;
            for (int i = 0; i < n; i++) {
                double zu = z[i] - u[i];
                r0 += zu;
                r1 += a1[i] * zu;
            }
            // solve L q = r, then L^T x = q
            double q0 = r0 / l00;
            double q1 = (r1 - l10 * q0) / l11;
            x1 = q1 / l11;
            x0 = (q0 - l10 * x1) / l00;
            for (int i = 0; i < n; i++) {
                double di = x0 + x1 * a1[i] - y[i] + u[i];
                double dInv = di != 0 ? 1 / di : 0;
                double tmp = Math.max(0, 1 - (1 + 1 / rho) * Math.abs(dInv));
                z[i] = rho / (1 + rho) * di + 1 / (1 + rho) * tmp * di;
                u[i] = di - z[i];
            }
        }
        x0 -= x1 * shift;
        // back from the scaled problem: v/w = x0 + x1 * t/w  =>  v = x0*w + x1*t
        return new double[] {x0 * w, x1};
    }

    /** The result of {@link #removeJitter}. */
    record Jitter(List<Segment> segments, double effectiveRate) {
    }

    /**
     * pyxdf {@code _jitter_removal} for one stream. Irregular streams (nominal rate 0) are left alone with one
     * segment and effective rate 0. Streams whose header says {@code desc/synchronization/can_drop_samples} is
     * {@code true} are not dejittered either; their effective rate is {@code (n-1)/duration}. Otherwise the time
     * stamps are split where consecutive stamps differ (in absolute value) by more than
     * {@code max(1 s, 500 / nominal rate)}, each segment's stamps are replaced by the least-squares line through
     * them against the sample index, and the effective rate is {@code sum(count-1) / sum(duration)} over the
     * segments.
     *
     * @param stamps modified in place
     */
    static Jitter removeJitter(double[] stamps, double nominalRate, boolean canDropSamples) {
        int n = stamps.length;
        List<Segment> segments = new ArrayList<>();
        if (n == 0) {
            return new Jitter(segments, 0);
        }
        if (nominalRate == 0) {
            segments.add(new Segment(0, n - 1));
            return new Jitter(segments, 0);
        }
        if (canDropSamples) {
            segments.add(new Segment(0, n - 1));
            double duration = stamps[n - 1] - stamps[0];
            return new Jitter(segments, n > 1 && duration > 0 ? (n - 1) / duration : 0);
        }
        double threshold = Math.max(JITTER_BREAK_SECONDS, JITTER_BREAK_SAMPLES / nominalRate);
        boolean[] breaks = new boolean[n - 1];
        for (int i = 0; i < n - 1; i++) {
            breaks[i] = Math.abs(stamps[i + 1] - stamps[i]) > threshold;
        }
        segments = segmentsBetween(breaks);
        long countsMinusOne = 0;
        double durations = 0;
        boolean anyLong = false;
        for (Segment s : segments) {
            int len = s.last() - s.first() + 1;
            if (len > 1) {
                // least squares t = a + b*i, centred for accuracy (same line as numpy's lstsq on [1, i])
                double meanI = (s.first() + s.last()) / 2.0;
                double meanT = 0;
                for (int i = s.first(); i <= s.last(); i++) {
                    meanT += stamps[i];
                }
                meanT /= len;
                double sxy = 0;
                double sxx = 0;
                for (int i = s.first(); i <= s.last(); i++) {
                    sxy += (i - meanI) * (stamps[i] - meanT);
                    sxx += (i - meanI) * (i - meanI);
                }
                double slope = sxy / sxx;
                for (int i = s.first(); i <= s.last(); i++) {
                    stamps[i] = meanT + slope * (i - meanI);
                }
                anyLong = true;
            }
            // a one-sample segment: numpy's minimum-norm lstsq solution reproduces the stamp unchanged
            countsMinusOne += len - 1;
            durations += stamps[s.last()] - stamps[s.first()];
        }
        return new Jitter(segments, anyLong ? countsMinusOne / durations : 0);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
