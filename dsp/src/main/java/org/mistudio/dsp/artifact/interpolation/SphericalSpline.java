package org.mistudio.dsp.artifact.interpolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.montage.Position;

/**
 * Spherical-spline interpolation of bad EEG channels (Perrin, Pernier, Bertrand and Echallier 1989,
 * Electroencephalogr Clin Neurophysiol 72:184-187), with the choices MNE-Python 1.3's {@code interpolate_bads}
 * makes for EEG: positions minus the sphere origin, projected onto the unit sphere; spline order m = 4
 * ({@code stiffness}); g(x) = sum_{n=1..N} (2n+1) / (n^m (n+1)^m 4 pi) P_n(x) with N Legendre terms; the good
 * channels' G matrix regularised by adding {@code alpha} (1e-5) to its diagonal; the constant term of the spline
 * solved together with the weights (the bordered system [[G, 1], [1', 0]], pseudo-inverted).
 *
 * @param stiffness      the spline order m (4)
 * @param legendreTerms  how many Legendre terms N of the series (50, as MNE 1.3 for EEG; 7 gives visibly different weights)
 * @param alpha          the diagonal regularisation (1e-5)
 */
public record SphericalSpline(int stiffness, int legendreTerms, double alpha) {

    public SphericalSpline {
        if (stiffness < 1) {
            throw new IllegalArgumentException("spherical spline: stiffness must be >= 1, got " + stiffness);
        }
        if (legendreTerms < 1) {
            throw new IllegalArgumentException("spherical spline: Legendre terms must be >= 1, got " + legendreTerms);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("spherical spline: alpha must be finite and >= 0, got " + alpha);
        }
    }

    /** MNE-Python 1.3's EEG defaults: m = 4, 50 Legendre terms, alpha = 1e-5. */
    public static SphericalSpline mne() {
        return new SphericalSpline(4, 50, 1e-5);
    }

    /** The spline kernel g(cos angle) as a Legendre series evaluated by the three-term recurrence. */
    public double g(double cosAngle) {
        double x = Math.max(-1, Math.min(1, cosAngle));
        double pPrev = 1; // P0
        double p = x;     // P1
        double sum = 0;
        for (int n = 1; n <= legendreTerms; n++) {
            double nn = n;
            sum += (2 * nn + 1) / (Math.pow(nn, stiffness) * Math.pow(nn + 1, stiffness) * 4 * Math.PI) * p;
            double next = ((2 * nn + 1) * x * p - nn * pPrev) / (nn + 1);
            pPrev = p;
            p = next;
        }
        return sum;
    }

    /**
     * The matrix {@code [to][from]} that maps signals at {@code from} to estimates at {@code to}.
     *
     * @param origin the sphere's centre in the positions' frame (MNE: (0,0,0) for the standard montage here)
     */
    public double[][] matrix(List<Position> from, List<Position> to, Position origin) {
        if (from.size() < 2) {
            throw new IllegalArgumentException("spherical spline: need at least 2 good channels, got " + from.size());
        }
        double[][] u = unit(from, origin);
        double[][] v = unit(to, origin);
        int n = u.length;
        double[][] c = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = g(dot(u[i], u[j]));
            }
            c[i][i] += alpha;
            c[i][n] = 1;
            c[n][i] = 1;
        }
        RealMatrix cInv = new SingularValueDecomposition(new Array2DRowRealMatrix(c, false)).getSolver().getInverse();
        double[][] inv = cInv.getData();
        double[][] out = new double[v.length][n];
        double[] row = new double[n + 1];
        for (int b = 0; b < v.length; b++) {
            for (int j = 0; j < n; j++) {
                row[j] = g(dot(v[b], u[j]));
            }
            row[n] = 1;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k <= n; k++) {
                    s += row[k] * inv[k][j];
                }
                out[b][j] = s;
            }
        }
        return out;
    }

    /**
     * Replaces the given EEG channels of a recording by their interpolation from the other EEG channels (the
     * recording's other channel types are left as they are). The input is not modified.
     */
    public Recording interpolate(Recording recording, Montage montage, Set<String> bads, Position origin) {
        List<Integer> good = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        Set<String> wanted = new TreeSet<>();
        for (String b : bads) {
            int index = recording.indexOf(b);
            if (index < 0) {
                throw new IllegalArgumentException("interpolation: no channel '" + b + "' in recording; channels are "
                        + recording.labels());
            }
            wanted.add(recording.channels().get(index).label());
        }
        for (int c = 0; c < recording.channelCount(); c++) {
            if (recording.channels().get(c).type() != ChannelType.EEG) {
                continue;
            }
            (wanted.contains(recording.channels().get(c).label()) ? bad : good).add(c);
        }
        float[][] x = recording.samples();
        float[][] out = x.clone();
        float[][] estimated = apply(x, good, bad, positionsOf(recording.labels(), good, montage),
                positionsOf(recording.labels(), bad, montage), origin);
        for (int b = 0; b < bad.size(); b++) {
            out[bad.get(b)] = estimated[b];
        }
        return new Recording(recording.channels(), out, recording.start(), recording.annotations());
    }

    /** Estimates rows {@code bad} of {@code x} from rows {@code good}; returns one new row per bad channel. */
    public float[][] apply(float[][] x, List<Integer> good, List<Integer> bad, List<Position> goodPos,
                           List<Position> badPos, Position origin) {
        double[][] w = matrix(goodPos, badPos, origin);
        int samples = x.length == 0 ? 0 : x[0].length;
        float[][] out = new float[bad.size()][samples];
        double[] acc = new double[samples];
        for (int b = 0; b < bad.size(); b++) {
            java.util.Arrays.fill(acc, 0);
            for (int j = 0; j < good.size(); j++) {
                double wj = w[b][j];
                float[] src = x[good.get(j)];
                for (int i = 0; i < samples; i++) {
                    acc[i] += wj * src[i];
                }
            }
            for (int i = 0; i < samples; i++) {
                out[b][i] = (float) acc[i];
            }
        }
        return out;
    }

    static List<Position> positionsOf(List<String> labels, List<Integer> rows, Montage montage) {
        List<String> chosen = new ArrayList<>();
        for (int r : rows) {
            chosen.add(labels.get(r));
        }
        return montage.positions(chosen);
    }

    private static double[][] unit(List<Position> ps, Position origin) {
        double[][] u = new double[ps.size()][3];
        for (int i = 0; i < u.length; i++) {
            Position p = ps.get(i);
            double x = p.x() - origin.x();
            double y = p.y() - origin.y();
            double z = p.z() - origin.z();
            double n = Math.sqrt(x * x + y * y + z * z);
            if (!(n > 0)) {
                throw new IllegalArgumentException("spherical spline: position " + i + " coincides with the origin");
            }
            u[i][0] = x / n;
            u[i][1] = y / n;
            u[i][2] = z / n;
        }
        return u;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
