package org.mistudio.acquisition.io.edf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/**
 * Writes a recording as EDF+ (16-bit) or BDF+ (24-bit), continuous, with its annotations.
 *
 * <p>Each channel's physical minimum and maximum are the data's own extremes, written in the 8 characters the
 * header allows (rounded outwards), so the digital range covers the data and the quantisation error is at most
 * half a digital step. The file is written to a temporary sibling and moved into place, so a reader never sees
 * half a file.
 */
public final class EdfWriter {

    private static final DateTimeFormatter EDF_PLUS_DATE =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ROOT);

    private EdfWriter() {
    }

    /**
     * @param variant {@link EdfVariant#EDF_PLUS_C} or {@link EdfVariant#BDF_PLUS_C}
     */
    public static void write(Recording recording, Path file, EdfVariant variant) throws IOException {
        if (variant != EdfVariant.EDF_PLUS_C && variant != EdfVariant.BDF_PLUS_C) {
            throw new IllegalArgumentException("can write EDF+C or BDF+C, not " + variant);
        }
        List<ChannelInfo> channels = recording.channels();
        if (channels.isEmpty()) {
            throw new IllegalArgumentException(file + ": a recording without channels has nothing to write");
        }
        for (ChannelInfo ch : channels) {
            check(file, "label", ch.label(), 16);
            check(file, "physical dimension of '" + ch.label() + "'", ch.unit(), 8);
        }
        float[][] samples = recording.samples();
        Layout layout = Layout.choose(file, channels, samples);

        int ns = channels.size() + 1;
        double frac = recording.start().getNano() / 1e9;
        LocalDateTime start = recording.start().withNano(0);
        byte[][] tals = annotationBlocks(file, recording.annotations(), layout, frac);
        int width = variant.bytesPerSample();
        int talBytes = 0;
        for (byte[] t : tals) {
            talBytes = Math.max(talBytes, t.length);
        }
        int talSamples = (talBytes + width - 1) / width;

        // Header.
        StringBuilder hdr = new StringBuilder();
        String version = variant.isBdf() ? "BIOSEMI" : "0";
        hdr.append(pad(version, 8));
        hdr.append(pad("X X X X", 80));
        hdr.append(pad("Startdate " + start.format(EDF_PLUS_DATE).toUpperCase(Locale.ROOT) + " X X MI_Studio", 80));
        hdr.append(String.format(Locale.ROOT, "%02d.%02d.%02d", start.getDayOfMonth(), start.getMonthValue(),
                start.getYear() % 100));
        hdr.append(String.format(Locale.ROOT, "%02d.%02d.%02d", start.getHour(), start.getMinute(),
                start.getSecond()));
        hdr.append(pad(Integer.toString(256 * (ns + 1)), 8));
        hdr.append(pad(variant.isBdf() ? "BDF+C" : "EDF+C", 44));
        hdr.append(pad(Long.toString(layout.records), 8));
        hdr.append(pad(layout.durationText, 8));
        hdr.append(pad(Integer.toString(ns), 4));
        String[] physMin = new String[ns];
        String[] physMax = new String[ns];
        double[] gain = new double[ns];
        double[] physMinValue = new double[ns];
        for (int c = 0; c < channels.size(); c++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : samples[c]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(file + ": channel '" + channels.get(c).label()
                            + "' holds " + v + ", which EDF cannot store");
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (!(hi > lo)) {
                // A constant channel still needs a range; centre it on the value.
                lo -= 1;
                hi += 1;
            }
            physMin[c] = eightChars(file, channels.get(c).label(), lo, RoundingMode.FLOOR);
            physMax[c] = eightChars(file, channels.get(c).label(), hi, RoundingMode.CEILING);
            physMinValue[c] = Double.parseDouble(physMin[c]);
            gain[c] = (Double.parseDouble(physMax[c]) - physMinValue[c])
                    / ((double) variant.digitalMaximum() - variant.digitalMinimum());
        }
        physMin[ns - 1] = "-1";
        physMax[ns - 1] = "1";
        String annotationLabel = variant.isBdf() ? EdfSignal.BDF_ANNOTATIONS_LABEL : EdfSignal.ANNOTATIONS_LABEL;
        for (int c = 0; c < ns; c++) {
            hdr.append(pad(c < ns - 1 ? channels.get(c).label() : annotationLabel, 16));
        }
        appendAll(hdr, ns, 80, c -> "");
        appendAll(hdr, ns, 8, c -> c < ns - 1 ? channels.get(c).unit() : "");
        appendAll(hdr, ns, 8, c -> physMin[c]);
        appendAll(hdr, ns, 8, c -> physMax[c]);
        appendAll(hdr, ns, 8, c -> Integer.toString(variant.digitalMinimum()));
        appendAll(hdr, ns, 8, c -> Integer.toString(variant.digitalMaximum()));
        appendAll(hdr, ns, 80, c -> "");
        appendAll(hdr, ns, 8, c -> Integer.toString(c < ns - 1 ? layout.perRecord[c] : talSamples));
        appendAll(hdr, ns, 32, c -> "");
        byte[] headerBytes = hdr.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (variant.isBdf()) {
            headerBytes[0] = (byte) 0xff;
            System.arraycopy("BIOSEMI".getBytes(StandardCharsets.US_ASCII), 0, headerBytes, 1, 7);
        }

        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            out.write(headerBytes);
            int maxPerRecord = Arrays.stream(layout.perRecord).max().orElse(0);
            byte[] buffer = new byte[Math.max(maxPerRecord, talSamples) * width];
            for (long r = 0; r < layout.records; r++) {
                for (int c = 0; c < channels.size(); c++) {
                    int per = layout.perRecord[c];
                    int from = (int) (r * per);
                    float[] row = samples[c];
                    int lo = variant.digitalMinimum();
                    int hi = variant.digitalMaximum();
                    for (int i = 0; i < per; i++) {
                        long d = Math.round((row[from + i] - physMinValue[c]) / gain[c]) + lo;
                        int digital = (int) Math.max(lo, Math.min(hi, d));
                        int p = i * width;
                        buffer[p] = (byte) digital;
                        buffer[p + 1] = (byte) (digital >> 8);
                        if (width == 3) {
                            buffer[p + 2] = (byte) (digital >> 16);
                        }
                    }
                    out.write(buffer, 0, per * width);
                }
                byte[] tal = tals[(int) r];
                Arrays.fill(buffer, 0, talSamples * width, (byte) 0);
                System.arraycopy(tal, 0, buffer, 0, tal.length);
                out.write(buffer, 0, talSamples * width);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The TALs of each data record: the time-keeping TAL, then the annotations whose onset falls in it. */
    private static byte[][] annotationBlocks(Path file, List<Annotation> annotations, Layout layout, double frac) {
        List<List<Annotation>> perRecord = new ArrayList<>();
        for (long r = 0; r < layout.records; r++) {
            perRecord.add(new ArrayList<>());
        }
        for (Annotation a : annotations) {
            if (a.label().indexOf('\u0014') >= 0 || a.label().indexOf('\u0015') >= 0 || a.label().indexOf('\0') >= 0) {
                throw new IllegalArgumentException(file + ": annotation '" + a.label() + "' at " + a.onset()
                        + " s contains a control character (0, 20 or 21) that EDF+ reserves");
            }
            long r = (long) Math.floor(a.onset() / layout.duration);
            perRecord.get((int) Math.max(0, Math.min(layout.records - 1, r))).add(a);
        }
        byte[][] out = new byte[(int) layout.records][];
        for (int r = 0; r < layout.records; r++) {
            StringBuilder sb = new StringBuilder();
            sb.append(signed(r * layout.duration + frac)).append("\u0014\u0014\0");
            for (Annotation a : perRecord.get(r)) {
                sb.append(signed(a.onset() + frac));
                if (a.duration() > 0) {
                    sb.append('\u0015').append(plain(a.duration()));
                }
                sb.append('\u0014').append(a.label()).append("\u0014\0");
            }
            out[r] = sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static String signed(double v) {
        return (v < 0 ? "-" : "+") + plain(Math.abs(v));
    }

    private static String plain(double v) {
        // Microsecond resolution is finer than any sampling interval we write; no exponent notation in TALs.
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** The closest 8-character decimal to {@code v}, rounded in the given direction. */
    static String eightChars(Path file, String label, double v, RoundingMode mode) {
        for (int scale = 7; scale >= 0; scale--) {
            String s = new BigDecimal(v).setScale(scale, mode).stripTrailingZeros().toPlainString();
            if (s.length() <= 8) {
                return s;
            }
        }
        throw new IllegalArgumentException(file + ": channel '" + label + "' reaches " + v
                + ", which does not fit the 8 characters of an EDF physical minimum/maximum; change its unit");
    }

    private static void check(Path file, String what, String value, int max) {
        if (value.length() > max || !StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
            throw new IllegalArgumentException(file + ": " + what + " '" + value + "' must be at most " + max
                    + " ASCII characters in an EDF header");
        }
    }

    private interface FieldValue {
        String of(int signal);
    }

    private static void appendAll(StringBuilder sb, int ns, int width, FieldValue value) {
        for (int c = 0; c < ns; c++) {
            sb.append(pad(value.of(c), width));
        }
    }

    private static String pad(String s, int width) {
        if (s.length() > width) {
            throw new IllegalStateException("header field '" + s + "' longer than " + width);
        }
        return s + " ".repeat(width - s.length());
    }

    /** How the samples split into data records. */
    private static final class Layout {
        long records;
        double duration;
        String durationText;
        int[] perRecord;

        /**
         * Picks the fewest records of at most one second each whose sample counts are whole for every channel and
         * whose duration the 8-character field states exactly; the data are never padded or cut.
         */
        static Layout choose(Path file, List<ChannelInfo> channels, float[][] samples) {
            long g = 0;
            for (float[] row : samples) {
                g = gcd(g, row.length);
            }
            double span = samples[0].length / channels.get(0).samplingRate();
            if (g == 0) {
                throw new IllegalArgumentException(file + ": the recording has no samples");
            }
            for (long records = Math.max(1, (long) Math.ceil(span - 1e-9)); records <= g; records++) {
                if (g % records != 0) {
                    continue;
                }
                int[] per = new int[channels.size()];
                for (int c = 0; c < per.length; c++) {
                    per[c] = (int) (samples[c].length / records);
                }
                double duration = per[0] / channels.get(0).samplingRate();
                String text = durationText(duration);
                if (text == null) {
                    continue;
                }
                double stated = Double.parseDouble(text);
                boolean exact = true;
                for (int c = 0; c < per.length; c++) {
                    double rate = per[c] / stated;
                    if (Math.abs(rate - channels.get(c).samplingRate()) > 1e-9 * rate) {
                        exact = false;
                    }
                }
                if (exact) {
                    Layout layout = new Layout();
                    layout.records = records;
                    layout.duration = stated;
                    layout.durationText = text;
                    layout.perRecord = per;
                    return layout;
                }
            }
            throw new IllegalArgumentException(file + ": cannot split " + samples[0].length + " samples at "
                    + channels.get(0).samplingRate() + " Hz into EDF data records of an exactly stated duration; "
                    + "crop the recording to a whole number of seconds");
        }

        private static String durationText(double d) {
            String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return s.length() <= 8 ? s : null;
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }
}
