package org.mistudio.dsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A selected feature in HappyFeat's notation: {@code C4;13} is channel C4 at 13 Hz, {@code C4;13:16} the mean
 * over the bins from 13 to 16 Hz.
 */
public record Feature(String channel, double low, double high) {

    public Feature {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("feature: channel is empty");
        }
        if (!(high >= low) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("feature '" + channel + "': need low <= high Hz, got " + low + ":" + high);
        }
    }

    /** Parses {@code CH;F} or {@code CH;LOW:HIGH}. */
    public static Feature parse(String spec) {
        String s = spec.trim();
        int semi = s.indexOf(';');
        if (semi <= 0 || semi == s.length() - 1) {
            throw new IllegalArgumentException("feature '" + spec + "': expected CHANNEL;HZ or CHANNEL;LOW:HIGH, e.g. "
                    + "C4;13 or C4;13:16");
        }
        String ch = s.substring(0, semi).trim();
        String f = s.substring(semi + 1).trim();
        try {
            int colon = f.indexOf(':');
            if (colon < 0) {
                double hz = Double.parseDouble(f);
                return new Feature(ch, hz, hz);
            }
            return new Feature(ch, Double.parseDouble(f.substring(0, colon)), Double.parseDouble(f.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("feature '" + spec + "': '" + f + "' is not a frequency or LOW:HIGH band");
        }
    }

    /** Parses a comma-separated list. */
    public static List<Feature> parseList(String specs) {
        List<Feature> out = new ArrayList<>();
        for (String p : specs.split(",")) {
            if (!p.isBlank()) {
                out.add(parse(p));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("features: none given in '" + specs + "'");
        }
        return out;
    }

    @Override
    public String toString() {
        return low == high ? String.format(Locale.ROOT, "%s;%s", channel, num(low))
                : String.format(Locale.ROOT, "%s;%s:%s", channel, num(low), num(high));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
