package org.mistudio.dsp.filter;

import java.util.Arrays;

/**
 * A rational transfer function {@code H(z) = (b0 + b1 z^-1 + ...) / (a0 + a1 z^-1 + ...)}, SciPy's "ba" form.
 * Immutable (copies in and out).
 */
public record TransferFunction(double[] b, double[] a) {

    public TransferFunction {
        if (b == null || b.length == 0) {
            throw new IllegalArgumentException("b must hold at least one coefficient");
        }
        if (a == null || a.length == 0 || a[0] == 0) {
            throw new IllegalArgumentException("a must hold at least one coefficient and a[0] must be non-zero");
        }
        for (double v : b) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("b must be finite, got " + Arrays.toString(b));
            }
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a must be finite, got " + Arrays.toString(a));
            }
        }
        b = b.clone();
        a = a.clone();
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    /** One second-order section (both polynomials of degree &lt;= 2), normalised so that a0 = 1. */
    public Sos toSos() {
        if (b.length > 3 || a.length > 3) {
            throw new IllegalArgumentException("only a transfer function of degree <= 2 fits one section; b has "
                    + b.length + " and a has " + a.length + " coefficients");
        }
        double[] row = new double[6];
        for (int i = 0; i < b.length; i++) {
            row[i] = b[i] / a[0];
        }
        for (int i = 0; i < a.length; i++) {
            row[3 + i] = a[i] / a[0];
        }
        return new Sos(new double[][] {row});
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferFunction t && Arrays.equals(b, t.b) && Arrays.equals(a, t.a);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(b) + Arrays.hashCode(a);
    }

    @Override
    public String toString() {
        return "TransferFunction[b=" + Arrays.toString(b) + ", a=" + Arrays.toString(a) + "]";
    }
}
