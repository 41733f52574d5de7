package org.mistudio.dsp.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A transfer function as zeros, poles and gain; the intermediate form of the IIR design chain. The frequency
 * transformations and the bilinear transform below follow the definitions of SciPy's {@code lp2lp_zpk},
 * {@code lp2hp_zpk}, {@code lp2bp_zpk}, {@code lp2bs_zpk} and {@code bilinear_zpk}.
 */
record Zpk(List<Complex> zeros, List<Complex> poles, double gain) {

    Zpk {
        zeros = List.copyOf(zeros);
        poles = List.copyOf(poles);
    }

    private int relativeDegree() {
        int degree = poles.size() - zeros.size();
        if (degree < 0) {
            throw new IllegalArgumentException("improper transfer function: more zeros (" + zeros.size()
                    + ") than poles (" + poles.size() + ")");
        }
        return degree;
    }

    /** s -> s / wo. */
    Zpk lowpassToLowpass(double wo) {
        List<Complex> z = new ArrayList<>();
        List<Complex> p = new ArrayList<>();
        zeros.forEach(x -> z.add(x.times(wo)));
        poles.forEach(x -> p.add(x.times(wo)));
        return new Zpk(z, p, gain * Math.pow(wo, relativeDegree()));
    }

    /** s -> wo / s; zeros at infinity move to the origin. */
    Zpk lowpassToHighpass(double wo) {
        int degree = relativeDegree();
        List<Complex> z = new ArrayList<>();
        List<Complex> p = new ArrayList<>();
        zeros.forEach(x -> z.add(Complex.div(wo, x)));
        poles.forEach(x -> p.add(Complex.div(wo, x)));
        for (int i = 0; i < degree; i++) {
            z.add(Complex.ZERO);
        }
        return new Zpk(z, p, gain * productOfNegated(zeros).div(productOfNegated(poles)).re());
    }

    /** s -> (s^2 + wo^2) / (s bw): every root splits into two, shifted to +-wo; zeros at infinity go to the origin. */
    Zpk lowpassToBandpass(double wo, double bw) {
        int degree = relativeDegree();
        List<Complex> z = splitAround(scaled(zeros, bw / 2), wo);
        List<Complex> p = splitAround(scaled(poles, bw / 2), wo);
        for (int i = 0; i < degree; i++) {
            z.add(Complex.ZERO);
        }
        return new Zpk(z, p, gain * Math.pow(bw, degree));
    }

    /** s -> s bw / (s^2 + wo^2): a high-pass inversion, then the band-pass split; zeros at infinity go to +-j wo. */
    Zpk lowpassToBandstop(double wo, double bw) {
        int degree = relativeDegree();
        List<Complex> zh = new ArrayList<>();
        List<Complex> ph = new ArrayList<>();
        zeros.forEach(x -> zh.add(Complex.div(bw / 2, x)));
        poles.forEach(x -> ph.add(Complex.div(bw / 2, x)));
        List<Complex> z = splitAround(zh, wo);
        List<Complex> p = splitAround(ph, wo);
        for (int i = 0; i < degree; i++) {
            z.add(new Complex(0, wo));
        }
        for (int i = 0; i < degree; i++) {
            z.add(new Complex(0, -wo));
        }
        return new Zpk(z, p, gain * productOfNegated(zeros).div(productOfNegated(poles)).re());
    }

    /**
     * The bilinear transform s = 2 fs (z - 1) / (z + 1) (Oppenheim &amp; Schafer, Discrete-Time Signal Processing,
     * 3rd ed., sec. 7.2); zeros at infinity map to z = -1.
     */
    Zpk bilinear(double fs) {
        int degree = relativeDegree();
        double fs2 = 2 * fs;
        List<Complex> z = new ArrayList<>();
        List<Complex> p = new ArrayList<>();
        Complex numerator = real(1);
        Complex denominator = real(1);
        for (Complex x : zeros) {
            z.add(x.plus(fs2).div(real(fs2).minus(x)));
            numerator = numerator.times(real(fs2).minus(x));
        }
        for (Complex x : poles) {
            p.add(x.plus(fs2).div(real(fs2).minus(x)));
            denominator = denominator.times(real(fs2).minus(x));
        }
        for (int i = 0; i < degree; i++) {
            z.add(real(-1));
        }
        return new Zpk(z, p, gain * numerator.div(denominator).re());
    }

    private static Complex real(double x) {
        return Complex.real(x);
    }

    private static List<Complex> scaled(List<Complex> roots, double factor) {
        List<Complex> out = new ArrayList<>();
        roots.forEach(x -> out.add(x.times(factor)));
        return out;
    }

    /** r -> r +- sqrt(r^2 - wo^2), all "+" roots first, then all "-" roots (SciPy's order). */
    private static List<Complex> splitAround(List<Complex> roots, double wo) {
        List<Complex> out = new ArrayList<>();
        List<Complex> minus = new ArrayList<>();
        for (Complex r : roots) {
            Complex root = r.times(r).minus(real(wo * wo)).sqrt();
            out.add(r.plus(root));
            minus.add(r.minus(root));
        }
        out.addAll(minus);
        return out;
    }

    private static Complex productOfNegated(List<Complex> roots) {
        Complex product = real(1);
        for (Complex r : roots) {
            product = product.times(r.negate());
        }
        return product;
    }
}
