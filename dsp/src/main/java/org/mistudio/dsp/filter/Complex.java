package org.mistudio.dsp.filter;

/**
 * A minimal immutable complex number for filter design (zeros, poles, frequency responses).
 *
 * <p>"Real" means an imaginary part of exactly zero, as {@code numpy.isreal} decides it; SciPy's pairing rules in
 * {@code zpk2sos} depend on that exact test.
 */
record Complex(double re, double im) {

    static final Complex ZERO = new Complex(0, 0);

    static Complex real(double x) {
        return new Complex(x, 0);
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex plus(double x) {
        return new Complex(re + x, im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex times(double x) {
        return new Complex(re * x, im * x);
    }

    /** Smith's algorithm (Smith 1962, CACM 5(8):435) to avoid needless overflow. */
    Complex div(Complex o) {
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double r = o.im / o.re;
            double d = o.re + o.im * r;
            return new Complex((re + im * r) / d, (im - re * r) / d);
        }
        double r = o.re / o.im;
        double d = o.re * r + o.im;
        return new Complex((re * r + im) / d, (im * r - re) / d);
    }

    static Complex div(double x, Complex o) {
        return real(x).div(o);
    }

    Complex negate() {
        return new Complex(-re, -im);
    }

    Complex conj() {
        return new Complex(re, -im);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    /** Principal square root (non-negative real part; the sign of a zero imaginary part picks the branch, as C99 csqrt). */
    Complex sqrt() {
        if (re == 0 && im == 0) {
            return new Complex(0, im);
        }
        double m = abs();
        if (re >= 0) {
            double t = Math.sqrt((m + re) / 2);
            return new Complex(t, im / (2 * t));
        }
        double t = Math.sqrt((m - re) / 2);
        return new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
    }

    /** e^{i theta}. */
    static Complex expi(double theta) {
        return new Complex(Math.cos(theta), Math.sin(theta));
    }

    boolean isReal() {
        return im == 0;
    }
}
