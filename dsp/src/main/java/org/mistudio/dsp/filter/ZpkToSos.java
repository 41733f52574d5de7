package org.mistudio.dsp.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Zeros-poles-gain to second-order sections with SciPy's default digital pairing, {@code 'nearest'}
 * ({@code scipy.signal.zpk2sos}, SciPy 1.10): poles closest to the unit circle are taken first and placed in the
 * last sections; each pole (pair) gets the nearest zero (pair); the overall gain goes into the first section. Same
 * rules, so the same sections in the same order as SciPy.
 */
final class ZpkToSos {

    /** Tolerance of SciPy's {@code _cplxreal}: 100 machine epsilons, relative. */
    private static final double TOL = 100 * Math.ulp(1.0);

    private enum Which { REAL, COMPLEX, ANY }

    private ZpkToSos() {
    }

    static Sos convert(Zpk zpk) {
        List<Complex> z = new ArrayList<>(zpk.zeros());
        List<Complex> p = new ArrayList<>(zpk.poles());
        double k = zpk.gain();
        if (z.isEmpty() && p.isEmpty()) {
            return new Sos(new double[][] {{k, 0, 0, 1, 0, 0}});
        }
        while (p.size() < z.size()) {
            p.add(Complex.ZERO);
        }
        while (z.size() < p.size()) {
            z.add(Complex.ZERO);
        }
        int sections = (p.size() + 1) / 2;
        if (p.size() % 2 == 1) { // 'nearest' pads an odd count with a pole and a zero at the origin
            p.add(Complex.ZERO);
            z.add(Complex.ZERO);
        }
        z = complexThenReal(z);
        p = complexThenReal(p);

        double[][] sos = new double[sections][];
        for (int si = sections - 1; si >= 0; si--) {
            Complex p1 = p.remove(worst(p, false));
            if (p1.isReal() && countReal(p) == 0) {
                // Last remaining real pole: pair it with the nearest real zero (and the origin).
                Complex z1 = z.remove(nearest(z, p1, Which.REAL));
                sos[si] = section(new Complex[] {z1, Complex.ZERO}, new Complex[] {p1, Complex.ZERO});
            } else if (p.size() + 1 == z.size() && !p1.isReal() && countReal(p) == 1 && countReal(z) == 1) {
                // One real pole and one real zero left: this complex pole must take a complex zero pair.
                Complex z1 = z.remove(nearest(z, p1, Which.COMPLEX));
                sos[si] = section(new Complex[] {z1, z1.conj()}, new Complex[] {p1, p1.conj()});
            } else {
                Complex p2 = p1.isReal() ? p.remove(worst(p, true)) : p1.conj();
                if (z.isEmpty()) {
                    sos[si] = section(new Complex[0], new Complex[] {p1, p2});
                    continue;
                }
                Complex z1 = z.remove(nearest(z, p1, Which.ANY));
                if (!z1.isReal()) {
                    sos[si] = section(new Complex[] {z1, z1.conj()}, new Complex[] {p1, p2});
                } else if (!z.isEmpty()) {
                    Complex z2 = z.remove(nearest(z, p1, Which.REAL));
                    sos[si] = section(new Complex[] {z1, z2}, new Complex[] {p1, p2});
                } else {
                    sos[si] = section(new Complex[] {z1}, new Complex[] {p1, p2});
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            sos[0][i] *= k;
        }
        return new Sos(sos);
    }

    /** Index of the pole closest to the unit circle (first on ties, as numpy.argmin), optionally among reals only. */
    private static int worst(List<Complex> p, boolean realOnly) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            if (realOnly && !p.get(i).isReal()) {
                continue;
            }
            double d = Math.abs(1 - p.get(i).abs());
            if (best < 0 || d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no pole left to pair");
        }
        return best;
    }

    /** SciPy's {@code _nearest_real_complex_idx}: the nearest root of the wanted kind, earliest on ties. */
    private static int nearest(List<Complex> roots, Complex to, Which which) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < roots.size(); i++) {
            Complex r = roots.get(i);
            if ((which == Which.REAL && !r.isReal()) || (which == Which.COMPLEX && r.isReal())) {
                continue;
            }
            double d = r.minus(to).abs();
            if (best < 0 || d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no " + which.name().toLowerCase() + " zero left to pair");
        }
        return best;
    }

    private static int countReal(List<Complex> roots) {
        int n = 0;
        for (Complex r : roots) {
            if (r.isReal()) {
                n++;
            }
        }
        return n;
    }

    /**
     * SciPy's {@code _cplxreal}: one representative (positive imaginary part, averaged with its conjugate) of each
     * complex pair, sorted by real part then |imag|, followed by the real roots sorted by value.
     */
    static List<Complex> complexThenReal(List<Complex> roots) {
        List<Complex> sorted = new ArrayList<>(roots);
        sorted.sort(Comparator.comparingDouble(Complex::re).thenComparingDouble(c -> Math.abs(c.im())));
        List<Complex> reals = new ArrayList<>();
        List<Complex> positive = new ArrayList<>();
        List<Complex> negative = new ArrayList<>();
        for (Complex c : sorted) {
            if (Math.abs(c.im()) <= TOL * c.abs()) {
                reals.add(Complex.real(c.re()));
            } else if (c.im() > 0) {
                positive.add(c);
            } else {
                negative.add(c);
            }
        }
        if (positive.size() != negative.size()) {
            throw new IllegalArgumentException("roots contain a complex value with no matching conjugate");
        }
        // Within runs of (nearly) equal real parts, order by |imag| so that conjugates line up.
        Comparator<Complex> byImag = Comparator.comparingDouble(c -> Math.abs(c.im()));
        int start = 0;
        while (start < positive.size()) {
            int stop = start;
            while (stop + 1 < positive.size()
                    && positive.get(stop + 1).re() - positive.get(stop).re() <= TOL * positive.get(stop).abs()) {
                stop++;
            }
            positive.subList(start, stop + 1).sort(byImag);
            negative.subList(start, stop + 1).sort(byImag);
            start = stop + 1;
        }
        List<Complex> out = new ArrayList<>();
        for (int i = 0; i < positive.size(); i++) {
            Complex zp = positive.get(i);
            Complex zn = negative.get(i);
            if (zp.minus(zn.conj()).abs() > TOL * zn.abs()) {
                throw new IllegalArgumentException("roots contain a complex value with no matching conjugate");
            }
            out.add(zp.plus(zn.conj()).times(0.5));
        }
        out.addAll(reals);
        return out;
    }

    /** SciPy's {@code _single_zpksos}: polynomials of up to two zeros and poles, right-aligned in b and a. */
    private static double[] section(Complex[] zeros, Complex[] poles) {
        double[] row = new double[6];
        double[] b = poly(zeros);
        double[] a = poly(poles);
        System.arraycopy(b, 0, row, 3 - b.length, b.length);
        System.arraycopy(a, 0, row, 6 - a.length, a.length);
        return row;
    }

    /** Monic polynomial with the given roots, highest power first; real because roots are real or conjugate pairs. */
    private static double[] poly(Complex[] roots) {
        Complex[] c = {Complex.real(1)};
        for (Complex r : roots) {
            Complex[] next = new Complex[c.length + 1];
            next[0] = c[0];
            for (int i = 1; i < c.length; i++) {
                next[i] = c[i].minus(r.times(c[i - 1]));
            }
            next[c.length] = r.negate().times(c[c.length - 1]);
            c = next;
        }
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i].re();
        }
        return out;
    }
}
