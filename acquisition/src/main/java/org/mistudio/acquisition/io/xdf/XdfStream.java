package org.mistudio.acquisition.io.xdf;

import java.util.List;
import java.util.Objects;

/**
 * One stream of an XDF file, after clock synchronisation and jitter removal (as configured in
 * {@link XdfReader.Options}).
 *
 * <p>Exactly one of {@code numericSamples} and {@code stringSamples} is non-null, chosen by {@code format}. Both
 * are indexed {@code [channel][sample]}; numeric values are converted to {@code float} (int64 and double64 values
 * beyond float's 24-bit mantissa lose precision, which EEG never needs). Arrays are handed over, not copied.
 *
 * @param id             the StreamID of the stream's chunks (an unsigned 32-bit number)
 * @param name           {@code <name>}, empty when absent
 * @param type           {@code <type>} (content type, e.g. {@code EEG}, {@code Markers}), empty when absent
 * @param sourceId       {@code <source_id>}, empty when absent
 * @param format         {@code <channel_format>}
 * @param nominalRate    {@code <nominal_srate>} in Hz; 0 for irregular streams (markers)
 * @param createdAt      {@code <created_at>} in seconds of the LSL clock of the sending host, NaN when absent
 * @param channels       one entry per channel ({@code <channel_count>} of them)
 * @param timestamps     one time stamp per sample, in seconds of the recording computer's LSL clock
 * @param numericSamples {@code float[channel][sample]} for numeric formats, else null
 * @param stringSamples  {@code String[channel][sample]} for {@code string} streams, else null
 * @param effectiveRate  measured rate of a regular stream as pyxdf computes it; 0 for irregular or empty ones
 * @param segments       pyxdf's {@code segments}: sample index ranges between time-stamp breaks
 * @param clockSegments  pyxdf's {@code clock_segments}: sample index ranges between clock resets (empty when
 *                       clocks were not synchronised or the stream has no clock offsets)
 * @param clockTimes     the ClockOffset chunks' collection times, in file order
 * @param clockValues    the ClockOffset chunks' offset values, in file order
 * @param footer         the StreamFooter, or null when the file has none for this stream
 */
public record XdfStream(long id, String name, String type, String sourceId, XdfChannelFormat format,
                        double nominalRate, double createdAt, List<XdfChannel> channels, double[] timestamps,
                        float[][] numericSamples, String[][] stringSamples, double effectiveRate,
                        List<Segment> segments, List<Segment> clockSegments, double[] clockTimes,
                        double[] clockValues, XdfFooter footer) {

    /** An inclusive range of sample indices, as pyxdf reports segments: {@code (first, last)}. */
    public record Segment(int first, int last) {
    }

    public XdfStream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(format, "format");
        channels = List.copyOf(channels);
        Objects.requireNonNull(timestamps, "timestamps");
        segments = List.copyOf(segments);
        clockSegments = List.copyOf(clockSegments);
        Objects.requireNonNull(clockTimes, "clockTimes");
        Objects.requireNonNull(clockValues, "clockValues");
        if ((numericSamples == null) == (stringSamples == null)) {
            throw new IllegalArgumentException("exactly one of numeric and string samples must be given");
        }
        if (format.isNumeric() != (numericSamples != null)) {
            throw new IllegalArgumentException("format " + format.xmlName() + " does not match the sample type");
        }
    }

    public int channelCount() {
        return channels.size();
    }

    public int sampleCount() {
        return timestamps.length;
    }

    public boolean isNumeric() {
        return format.isNumeric();
    }

    /** True for a stream with a nominal rate (pyxdf dejitters these). */
    public boolean isRegular() {
        return nominalRate > 0;
    }

    /**
     * True for streams MI Studio turns into annotations: string streams (whatever their declared rate) and numeric
     * streams with an irregular rate.
     */
    public boolean isMarker() {
        return !isNumeric() || !isRegular();
    }

    /** The text of sample {@code k}: string channels (or numeric values) joined by {@code ", "}. */
    public String sampleText(int k) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < channels.size(); c++) {
            if (c > 0) {
                b.append(", ");
            }
            if (stringSamples != null) {
                b.append(stringSamples[c][k]);
            } else {
                float v = numericSamples[c][k];
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    b.append((long) v);
                } else {
                    b.append(v);
                }
            }
        }
        return b.toString();
    }
}
