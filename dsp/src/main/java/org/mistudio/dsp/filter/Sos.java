package org.mistudio.dsp.filter;

import java.util.Arrays;

/**
 * A digital IIR filter as a cascade of second-order sections, in SciPy's layout: one row per section,
 * {@code [b0, b1, b2, a0, a1, a2]} with {@code a0 = 1}, each section
 * {@code H_s(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)} and the filter their product.
 *
 * <p>Immutable: the constructor copies the rows and {@link #sections()} returns a copy.
 *
 * @param sections {@code double[section][6]}, at least one section, finite, {@code a0 == 1}
 */
public record Sos(double[][] sections) {

    public Sos {
        if (sections == null || sections.length == 0) {
            throw new IllegalArgumentException("sections must hold at least one second-order section");
        }
        double[][] copy = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            double[] row = sections[s];
            if (row == null || row.length != 6) {
                throw new IllegalArgumentException("sections[" + s + "] must have 6 coefficients [b0, b1, b2, a0, a1,"
                        + " a2], got " + (row == null ? "null" : row.length));
            }
            for (int i = 0; i < 6; i++) {
                if (!Double.isFinite(row[i])) {
                    throw new IllegalArgumentException("sections[" + s + "][" + i + "] must be finite, got " + row[i]);
                }
            }
            if (row[3] != 1) {
                throw new IllegalArgumentException("sections[" + s + "][3] (a0) must be 1, got " + row[3]
                        + "; divide the section by a0 first (TransferFunction.toSos does)");
            }
            copy[s] = row.clone();
        }
        sections = copy;
    }

    /** A copy of the coefficient rows. */
    @Override
    public double[][] sections() {
        double[][] copy = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            copy[s] = sections[s].clone();
        }
        return copy;
    }

    /** The rows without copying, for the filter loops of this package (never modified there). */
    double[][] rows() {
        return sections;
    }

    public int sectionCount() {
        return sections.length;
    }

    /** A copy of one section's coefficients {@code [b0, b1, b2, a0, a1, a2]}. */
    public double[] section(int index) {
        if (index < 0 || index >= sections.length) {
            throw new IllegalArgumentException("section index must be in [0, " + (sections.length - 1) + "], got "
                    + index);
        }
        return sections[index].clone();
    }

    /** The complex response at the given frequencies in Hz; see {@link FrequencyResponse#of(Sos, double, double...)}. */
    public FrequencyResponse response(double fs, double... frequencies) {
        return FrequencyResponse.of(this, fs, frequencies);
    }

    /** The cascade followed by {@code other} (order matters for rounding, not for the response). */
    public Sos then(Sos other) {
        double[][] rows = new double[sections.length + other.sections.length][];
        System.arraycopy(sections, 0, rows, 0, sections.length);
        System.arraycopy(other.sections, 0, rows, sections.length, other.sections.length);
        return new Sos(rows);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sos other && Arrays.deepEquals(sections, other.sections);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(sections);
    }

    @Override
    public String toString() {
        return "Sos" + Arrays.deepToString(sections);
    }
}
