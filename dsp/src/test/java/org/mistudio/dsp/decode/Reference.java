package org.mistudio.dsp.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * reference.json written by make_reference.py (scikit-learn 1.2.1, MNE-Python 1.3.0); inputs included.
 * Comparisons record the largest relative deviation seen, printed by the tests.
 */
public final class Reference {

    private static JsonNode root;

    private Reference() {
    }

    public static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = Reference.class.getResourceAsStream("/org/mistudio/dsp/decode/reference.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static double[] vector(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    public static int[] ints(JsonNode n) {
        int[] v = new int[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asInt();
        }
        return v;
    }

    public static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(n.get(i));
        }
        return m;
    }

    public static float[][][] epochs(JsonNode n) {
        float[][][] x = new float[n.size()][][];
        for (int t = 0; t < x.length; t++) {
            JsonNode tr = n.get(t);
            x[t] = new float[tr.size()][];
            for (int c = 0; c < tr.size(); c++) {
                JsonNode ch = tr.get(c);
                x[t][c] = new float[ch.size()];
                for (int s = 0; s < ch.size(); s++) {
                    double d = ch.get(s).asDouble();
                    float f = (float) d;
                    if (f != d) {
                        throw new IllegalStateException("reference epochs must be exact floats");
                    }
                    x[t][c][s] = f;
                }
            }
        }
        return x;
    }

    /**
     * Asserts |actual - expected| &le; rel * max|expected| elementwise (relative to the array's scale, so
     * entries near zero do not blow up the ratio); returns the largest deviation relative to that scale.
     */
    public static double assertClose(double[][] expected, double[][] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": columns of row " + i);
            for (int j = 0; j < expected[i].length; j++) {
                double dev = Math.abs(expected[i][j] - actual[i][j]) / scale;
                worst = Math.max(worst, dev);
                assertEquals(expected[i][j], actual[i][j], rel * scale, what + " [" + i + "][" + j + "]");
            }
        }
        System.out.printf("reference %-45s max relative deviation %.2e%n", what, worst);
        return worst;
    }

    public static double assertClose(double[] expected, double[] actual, double rel, String what) {
        return assertClose(new double[][] {expected}, new double[][] {actual}, rel, what);
    }
}
