package org.mistudio.models.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mistudio.models.DjlEngine;

/**
 * The matrix-product convolution against the definition of a "valid" cross-correlation, computed here with plain
 * loops in double: outputs, and the weight gradient of sum(output), which is the sum of the input under each kernel
 * tap.
 */
class MatmulConv2dTest {

    @ParameterizedTest(name = "{0} -> {1} maps, kernel ({2}, {3}), bias {4}, batch {5}")
    @CsvSource({
        "40, 40, 22, 1, false, 3",   // Shallow ConvNet's spatial filter
        "40, 40, 22, 1, false, 1",   // the same for one window (live decoding: another code path)
        "25, 25, 22, 1, true, 3",    // Deep ConvNet's spatial filter
        "25, 50, 1, 5, true, 3",     // Deep ConvNet's second block
        "25, 50, 1, 5, true, 1",
        "3, 4, 2, 3, true, 2"})      // any other shape
    void equalsTheDefinition(int in, int out, int kh, int kw, boolean withBias, int n) {
        DjlEngine.gradOffOnThisThread();
        int h = kh == 1 ? 1 : 22;
        int w = 37;
        Random rng = new Random(in * 31L + kh);
        float[] x = new float[n * in * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        try (NDManager m = DjlEngine.engine().newBaseManager()) {
            MatmulConv2d conv = new MatmulConv2d(out, kh, kw, withBias);
            conv.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(n, in, h, w));
            NDArray wArr = conv.getParameters().get("weight").getArray();
            assertEquals(new Shape(out, in, kh, kw), wArr.getShape());
            float[] wt = wArr.toFloatArray();
            float[] b = withBias ? new float[out] : null;
            if (withBias) {
                for (int o = 0; o < out; o++) {
                    b[o] = (float) rng.nextGaussian();
                }
                conv.getParameters().get("bias").getArray().set(new ai.djl.ndarray.index.NDIndex("..."),
                        m.create(b));
            }
            NDArray input = m.create(x, new Shape(n, in, h, w));
            ParameterStore ps = new ParameterStore(m, false);
            int ho = h - kh + 1;
            int wo = w - kw + 1;
            float[] got;
            float[] grad;
            wArr.setRequiresGradient(true);
            try (GradientCollector gc = DjlEngine.engine().newGradientCollector()) {
                NDArray y = conv.forward(ps, new NDList(input), true).singletonOrThrow();
                assertEquals(new Shape(n, out, ho, wo), y.getShape());
                got = y.toFloatArray();
                gc.backward(y.sum());
            }
            grad = wArr.getGradient().toFloatArray();
            double worst = 0;
            for (int s = 0; s < n; s++) {
                for (int o = 0; o < out; o++) {
                    for (int r = 0; r < ho; r++) {
                        for (int t = 0; t < wo; t++) {
                            double acc = withBias ? b[o] : 0;
                            for (int i = 0; i < in; i++) {
                                for (int a = 0; a < kh; a++) {
                                    for (int c = 0; c < kw; c++) {
                                        acc += (double) wt[((o * in + i) * kh + a) * kw + c]
                                                * x[((s * in + i) * h + r + a) * w + t + c];
                                    }
                                }
                            }
                            worst = Math.max(worst, Math.abs(acc - got[((s * out + o) * ho + r) * wo + t]));
                        }
                    }
                }
            }
            assertEquals(0, worst, 1e-4, "largest output error");
            double worstGrad = 0;
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    for (int a = 0; a < kh; a++) {
                        for (int c = 0; c < kw; c++) {
                            double acc = 0;
                            for (int s = 0; s < n; s++) {
                                for (int r = 0; r < ho; r++) {
                                    for (int t = 0; t < wo; t++) {
                                        acc += x[((s * in + i) * h + r + a) * w + t + c];
                                    }
                                }
                            }
                            worstGrad = Math.max(worstGrad,
                                    Math.abs(acc - grad[((o * in + i) * kh + a) * kw + c]));
                        }
                    }
                }
            }
            assertEquals(0, worstGrad, 1e-3, "largest weight-gradient error");
        }
    }
}
