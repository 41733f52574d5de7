package org.mistudio.dsp.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.epoch.TrialProtocol;
import org.mistudio.dsp.evaluation.CrossValidation;
import org.mistudio.dsp.evaluation.Scoring;
import org.mistudio.dsp.evaluation.StratifiedKFold;

class TangentSpaceLrTest {

    private static double[][] randomSpd(Random r, int n) {
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] s = Linalg.multiply(a, Linalg.transpose(a));
        for (int i = 0; i < n; i++) {
            s[i][i] += 0.5;
        }
        return s;
    }

    @Test
    void riemannianMeanOfDiagonalMatricesIsTheGeometricMean() {
        List<double[][]> c = List.of(new double[][] {{1, 0}, {0, 9}}, new double[][] {{4, 0}, {0, 1}},
                new double[][] {{2, 0}, {0, 3}});
        double[][] m = TangentSpaceLr.riemannianMean(c);
        assertEquals(Math.cbrt(8), m[0][0], 1e-9);
        assertEquals(Math.cbrt(27), m[1][1], 1e-9);
        assertEquals(0, m[0][1], 1e-12);
    }

    @Test
    void riemannianMeanIsAffineInvariant() {
        Random r = new Random(3);
        List<double[][]> c = new ArrayList<>();
        List<double[][]> ac = new ArrayList<>();
        double[][] a = {{2, 0.5, 0}, {0.3, 1, -0.4}, {0, 0.2, 1.5}};
        for (int i = 0; i < 6; i++) {
            double[][] s = randomSpd(r, 3);
            c.add(s);
            ac.add(Linalg.multiply(Linalg.multiply(a, s), Linalg.transpose(a)));
        }
        double[][] m = TangentSpaceLr.riemannianMean(c);
        double[][] expected = Linalg.multiply(Linalg.multiply(a, m), Linalg.transpose(a));
        double[][] got = TangentSpaceLr.riemannianMean(ac);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], got[i][j], 1e-7 * Math.abs(expected[i][i]));
            }
        }
        // the arithmetic mean is not the answer for these (the iteration did move)
        double arith = 0;
        for (double[][] s : c) {
            arith += s[0][0] / c.size();
        }
        assertTrue(Math.abs(arith - m[0][0]) > 1e-3, "mean " + m[0][0] + " vs arithmetic " + arith);
    }

    @Test
    void tangentVectorNormIsTheRiemannianDistance() {
        double[][] m = {{2, 0}, {0, 8}};
        double[][] isq = TangentSpaceLr.apply(m, v -> 1 / Math.sqrt(v), "m");
        double[] zero = TangentSpaceLr.tangent(isq, m);
        for (double v : zero) {
            assertEquals(0, v, 1e-12);
        }
        // C = diag(2 e, 8 / e^2): M^-1 C has eigenvalues e and e^-2, distance sqrt(1 + 4)
        double[][] c = {{2 * Math.E, 0}, {0, 8 / (Math.E * Math.E)}};
        double[] v = TangentSpaceLr.tangent(isq, c);
        assertEquals(3, v.length);
        assertEquals(1, v[0], 1e-12);
        assertEquals(0, v[1], 1e-12);
        assertEquals(-2, v[2], 1e-12);
    }

    @Test
    void logisticRegressionSatisfiesTheOptimalityConditions() {
        Random r = new Random(7);
        int n = 30;
        int d = 50; // more features than trials, as tangent vectors
        double[][] x = new double[n][d];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i % 2 == 0 ? 1 : -1;
            for (int q = 0; q < d; q++) {
                x[i][q] = r.nextGaussian() + (q < 3 ? 0.7 * s[i] : 0) + 0.5;
            }
        }
        double cReg = 0.3;
        double[][] wb = TangentSpaceLr.logistic(x, s, cReg);
        double[] w = wb[0];
        double b = wb[1][0];
        // gradient of C sum log(1 + exp(-s f)) + |w|^2/2: w + sum r_i x_i = 0 and sum r_i = 0
        double[] grad = w.clone();
        double sumR = 0;
        for (int i = 0; i < n; i++) {
            double f = b;
            for (int q = 0; q < d; q++) {
                f += w[q] * x[i][q];
            }
            double ri = -cReg * s[i] / (1 + Math.exp(s[i] * f));
            sumR += ri;
            for (int q = 0; q < d; q++) {
                grad[q] += ri * x[i][q];
            }
        }
        assertEquals(0, sumR, 1e-10);
        for (double g : grad) {
            assertEquals(0, g, 1e-10);
        }
        assertTrue(Math.abs(w[0]) > 0.01, "non-trivial solution");
    }

    private static Epochs simulated(double erd) {
        var rec = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(30)
                .withErdStrength(erd)).recording();
        return new TrialProtocol(Map.of("left_hand", "left_hand", "right_hand", "right_hand"), 8, 30, 0.5, 2.5,
                0.5, 2.5).apply(List.of(rec)).epochs();
    }

    @Test
    void beatsChanceOnSimulatedImageryAndNotWithoutErd() {
        Epochs e = simulated(0.5);
        int[] y = ClassLabels.encodeNames(e.labels(), new ArrayList<>());
        double acc = CrossValidation.score(TangentSpaceLr.defaults(), e.data(), y, new StratifiedKFold(5),
                Scoring.ACCURACY).mean();
        assertTrue(acc > 0.85, "TS+LR " + acc);
        Epochs none = simulated(0);
        int[] y0 = ClassLabels.encodeNames(none.labels(), new ArrayList<>());
        double acc0 = CrossValidation.score(TangentSpaceLr.defaults(), none.data(), y0, new StratifiedKFold(5),
                Scoring.ACCURACY).mean();
        // 60 trials: chance accuracy scatters with sd ~0.065 (0.40-0.63 over simulator seeds 1-6); 0.75 is ~4 sd
        assertTrue(acc0 < 0.75, "TS+LR without ERD " + acc0);
        assertTrue(acc > acc0 + 0.15, "ERD " + acc + " vs none " + acc0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new TangentSpaceLr(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TangentSpaceLr(0, 0));
        float[][][] x = new float[3][2][10];
        assertThrows(IllegalArgumentException.class, () -> TangentSpaceLr.defaults().fit(x, new int[] {0, 1, 2}));
    }
}
