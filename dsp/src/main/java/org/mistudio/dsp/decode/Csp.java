package org.mistudio.dsp.decode;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.model.Epochs;

/**
 * Common spatial patterns (Koles et al. 1990; Blankertz et al. 2008, IEEE Signal Process Mag 25:41-56;
 * multi-class by approximate joint diagonalisation, Grosse-Wentrup &amp; Buss 2008, IEEE TBME 55:1991-2000),
 * with the behaviour of MNE-Python 1.3's {@code mne.decoding.CSP} (mne/decoding/csp.py and
 * {@code mne.cov._regularized_covariance}), which this class was checked against:
 * <ul>
 *   <li>class covariances without mean removal and with the unbiased factor: {@code X X^T / (N - 1)}
 *       ({@code EmpiricalCovariance(assume_centered=True)} then MNE's "undo bias"); 'concat' pools all
 *       samples of a class, 'epoch' averages per-trial covariances;</li>
 *   <li>{@code reg} = shrinkage {@code a}: {@code (1 - a) C + a trace(C)/p I} (sklearn shrunk_covariance);</li>
 *   <li>two classes: {@code C_0 w = lambda (C_0 + C_1) w} (scipy eigh, {@code W^T (C_0 + C_1) W = I});
 *       more classes: Pham's AJD (Pham 2001, SIAM J Matrix Anal Appl 22:1136-1152; eps 1e-6, at most 15
 *       sweeps) with filters normalised by the weighted mean covariance;</li>
 *   <li>component order 'mutual_info' (MNE 1.3's default): two classes by decreasing |lambda - 0.5|
 *       (Barachant et al. 2010), more classes by decreasing mutual-information approximation; 'alternate'
 *       (two classes): largest, smallest, second largest, ...;</li>
 *   <li>class weights: trial count for 'epoch'; for 'concat' MNE 1.3 uses the channel count (the first
 *       axis of the reshaped class data), i.e. equal weights: reproduced as is.</li>
 * </ul>
 * Features ({@code transform_into='average_power'}): mean over samples of the squared component signal;
 * natural log if {@code log}, else z-scored with the training mean and std (ddof 0).
 * Rank-deficient data (e.g. average reference) are rejected unless regularised; MNE would project onto the
 * data's rank subspace instead.
 *
 * @param nComponents    number of components kept for the features (MNE default 4)
 * @param reg            shrinkage intensity in [0, 1], or NaN for none ({@code reg=None})
 * @param log            log-power features (true) or z-scored power (false)
 * @param covEst         covariance estimation
 * @param componentOrder component ordering
 * @param normTrace      divide each class covariance by its trace
 */
public record Csp(int nComponents, double reg, boolean log, CovEstimation covEst, ComponentOrder componentOrder,
                  boolean normTrace) {

    public enum CovEstimation { CONCAT, EPOCH }

    public enum ComponentOrder { MUTUAL_INFO, ALTERNATE }

    public Csp {
        if (nComponents < 1) {
            throw new IllegalArgumentException("CSP: n_components must be at least 1, got " + nComponents);
        }
        if (!Double.isNaN(reg) && !(reg >= 0 && reg <= 1)) {
            throw new IllegalArgumentException("CSP: reg must be NaN (none) or a shrinkage in [0, 1], got " + reg);
        }
        if (covEst == null || componentOrder == null) {
            throw new IllegalArgumentException("CSP: covariance estimation and component order must be given");
        }
    }

    /** MNE's {@code CSP(n_components=4, reg=None, log=True, norm_trace=False)}. */
    public static Csp defaults() {
        return new Csp(4, Double.NaN, true, CovEstimation.CONCAT, ComponentOrder.MUTUAL_INFO, false);
    }

    public Csp withComponents(int n) {
        return new Csp(n, reg, log, covEst, componentOrder, normTrace);
    }

    public Csp withReg(double shrinkage) {
        return new Csp(nComponents, shrinkage, log, covEst, componentOrder, normTrace);
    }

    public Csp withLog(boolean logPower) {
        return new Csp(nComponents, reg, logPower, covEst, componentOrder, normTrace);
    }

    public Csp withCovEstimation(CovEstimation est) {
        return new Csp(nComponents, reg, log, est, componentOrder, normTrace);
    }

    public Csp withComponentOrder(ComponentOrder order) {
        return new Csp(nComponents, reg, log, covEst, order, normTrace);
    }

    public Csp withNormTrace(boolean norm) {
        return new Csp(nComponents, reg, log, covEst, componentOrder, norm);
    }

    /** Fits on epochs with their string labels (classes 0..k-1 in sorted label order). */
    public CspModel fit(Epochs epochs) {
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(epochs.labels(), names);
        return fit(epochs.data(), y);
    }

    /** Fits on {@code x[trial][channel][sample]}. */
    public CspModel fit(float[][][] x, int[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("CSP: " + (x == null ? 0 : x.length) + " trials but "
                    + (y == null ? 0 : y.length) + " labels");
        }
        ClassLabels cl = ClassLabels.of(y);
        cl.requireTrainable("CSP", 1);
        int k = cl.classCount();
        int nch = x[0].length;
        int nt = nch == 0 ? 0 : x[0][0].length;
        CspModel.checkShape(x, nch, nt, "CSP");
        if (nt < 2) {
            throw new IllegalArgumentException("CSP: need at least 2 samples per trial, got " + nt);
        }
        if (nComponents > nch) {
            throw new IllegalArgumentException("CSP: n_components (" + nComponents + ") exceeds the channel count ("
                    + nch + ")");
        }
        if (k > 2 && componentOrder == ComponentOrder.ALTERNATE) {
            throw new IllegalArgumentException("CSP: component order 'alternate' needs 2 classes, got " + k);
        }
        int[] enc = cl.encoded();
        int[] counts = cl.counts();
        double[][][] covs = new double[k][][];
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            if (covEst == CovEstimation.CONCAT) {
                double[][] s = new double[nch][nch];
                for (int t = 0; t < x.length; t++) {
                    if (enc[t] == c) {
                        accumulateOuter(x[t], s);
                    }
                }
                covs[c] = finishCovariance(s, (long) counts[c] * nt);
                weights[c] = nch; // MNE 1.3: x_class.shape[0] after the reshape to (channels, samples)
            } else {
                double[][] sum = new double[nch][nch];
                for (int t = 0; t < x.length; t++) {
                    if (enc[t] == c) {
                        double[][] s = new double[nch][nch];
                        accumulateOuter(x[t], s);
                        s = finishCovariance(s, nt);
                        for (int a = 0; a < nch; a++) {
                            for (int b = 0; b < nch; b++) {
                                sum[a][b] += s[a][b];
                            }
                        }
                    }
                }
                for (int a = 0; a < nch; a++) {
                    for (int b = 0; b < nch; b++) {
                        sum[a][b] /= counts[c];
                    }
                }
                covs[c] = sum;
                weights[c] = counts[c];
            }
            if (normTrace) {
                double tr = 0;
                for (int a = 0; a < nch; a++) {
                    tr += covs[c][a][a];
                }
                for (int a = 0; a < nch; a++) {
                    for (int b = 0; b < nch; b++) {
                        covs[c][a][b] /= tr;
                    }
                }
            }
        }
        double[][] vectors; // columns are components
        int[] order;
        double[] eigenvalues = null;
        if (k == 2) {
            double[][] sum = new double[nch][nch];
            for (int a = 0; a < nch; a++) {
                for (int b = 0; b < nch; b++) {
                    sum[a][b] = covs[0][a][b] + covs[1][a][b];
                }
            }
            Linalg.GeneralizedEigen ge = Linalg.eighGeneralized(covs[0], sum);
            vectors = ge.vectors();
            double[] ev = ge.values();
            if (componentOrder == ComponentOrder.MUTUAL_INFO) {
                double[] dev = new double[nch];
                for (int i = 0; i < nch; i++) {
                    dev[i] = Math.abs(ev[i] - 0.5);
                }
                order = reverse(Linalg.argsort(dev));
            } else {
                int[] asc = Linalg.argsort(ev);
                order = new int[nch];
                int half = nch / 2;
                for (int i = 0, j = 1; i < half; i++, j += 2) {
                    order[j] = asc[i];
                }
                for (int i = 0, j = 0; j < nch; i++, j += 2) {
                    order[j] = asc[nch - 1 - i];
                }
            }
            eigenvalues = new double[nch];
            for (int i = 0; i < nch; i++) {
                eigenvalues[i] = ev[order[i]];
            }
        } else {
            double[][] v = PhamAjd.diagonalize(covs);
            vectors = Linalg.transpose(v);
            double wsum = 0;
            for (double w : weights) {
                wsum += w;
            }
            double[][] meanCov = new double[nch][nch];
            for (int c = 0; c < k; c++) {
                for (int a = 0; a < nch; a++) {
                    for (int b = 0; b < nch; b++) {
                        meanCov[a][b] += weights[c] / wsum * covs[c][a][b];
                    }
                }
            }
            for (int j = 0; j < nch; j++) {
                double q = quadratic(vectors, j, meanCov);
                double norm = Math.sqrt(q);
                for (int i = 0; i < nch; i++) {
                    vectors[i][j] /= norm;
                }
            }
            double[] mi = new double[nch];
            for (int j = 0; j < nch; j++) {
                double aa = 0;
                double bb = 0;
                for (int c = 0; c < k; c++) {
                    double tmp = quadratic(vectors, j, covs[c]);
                    double prob = weights[c] / wsum;
                    aa += prob * Math.log(Math.sqrt(tmp));
                    bb += prob * (tmp * tmp - 1);
                }
                mi[j] = -(aa + (3.0 / 16) * (bb * bb));
            }
            order = reverse(Linalg.argsort(mi));
        }
        double[][] filters = new double[nch][nch];
        double[][] sorted = new double[nch][nch];
        for (int j = 0; j < nch; j++) {
            for (int i = 0; i < nch; i++) {
                filters[j][i] = vectors[i][order[j]];
                sorted[i][j] = vectors[i][order[j]];
            }
        }
        double[][] patterns = Linalg.pinv(sorted);
        // training feature statistics (used when log is false)
        double[][] power = CspModel.power(filters, nComponents, x);
        double[] mean = new double[nComponents];
        double[] std = new double[nComponents];
        for (int j = 0; j < nComponents; j++) {
            for (double[] row : power) {
                mean[j] += row[j];
            }
            mean[j] /= power.length;
            for (double[] row : power) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            std[j] = Math.sqrt(std[j] / power.length);
        }
        return new CspModel(this, cl.classes(), filters, patterns, eigenvalues, mean, std);
    }

    private static double quadratic(double[][] vectors, int col, double[][] m) {
        int n = m.length;
        double q = 0;
        for (int a = 0; a < n; a++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                s += m[a][b] * vectors[b][col];
            }
            q += vectors[a][col] * s;
        }
        return q;
    }

    private static int[] reverse(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    private static void accumulateOuter(float[][] trial, double[][] s) {
        int nch = trial.length;
        int nt = trial[0].length;
        for (int a = 0; a < nch; a++) {
            float[] xa = trial[a];
            for (int b = 0; b <= a; b++) {
                float[] xb = trial[b];
                double sum = 0;
                for (int t = 0; t < nt; t++) {
                    sum += (double) xa[t] * xb[t];
                }
                s[a][b] += sum;
            }
        }
    }

    /** Symmetrises the lower-triangle sums, divides by N - 1 and applies the shrinkage. */
    private double[][] finishCovariance(double[][] s, long samples) {
        int n = s.length;
        double[][] c = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double v = s[a][b] / (samples - 1);
                c[a][b] = v;
                c[b][a] = v;
            }
        }
        if (!Double.isNaN(reg) && reg > 0) {
            double mu = 0;
            for (int a = 0; a < n; a++) {
                mu += c[a][a];
            }
            mu /= n;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    c[a][b] *= 1 - reg;
                }
                c[a][a] += reg * mu;
            }
        }
        return c;
    }
}
