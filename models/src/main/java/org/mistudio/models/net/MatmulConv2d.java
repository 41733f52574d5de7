package org.mistudio.models.net;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A "valid" 2-D convolution (stride 1, no padding, no dilation, one group) computed as a matrix product of the
 * weight, reshaped to (out, in x kh x kw), with the input's patches, instead of by libtorch's convolution kernels.
 * Same parameters as {@link ai.djl.nn.convolutional.Conv2d} ({@code weight} (out, in, kh, kw), optional
 * {@code bias} (out)), same initialisation, same result up to float rounding.
 *
 * <p>Why: on this project's machines (AVX-512 CPUs), libtorch 2.7.1 runs a convolution with several input maps
 * through oneDNN 3.7.1 in channel blocks of 16 ({@code jit:avx512_core}, {@code aBcd16b}), and for Shallow and Deep
 * ConvNet's spatial convolution (40 or 25 input maps, not a multiple of 16) it intermittently returns NaN for most
 * outputs from finite inputs and finite weights; once it happened, every later call with that shape in the same
 * process did too, fresh networks included. Measured with {@code ONEDNN_VERBOSE=1} and a per-layer check (issue 8):
 * the temporal convolution before it (one input map, not oneDNN) stayed finite. A matrix product goes through the
 * BLAS and has no such state. The convolutions of the EEGNet family with several input maps (1 x 1 and separable)
 * never showed it and keep DJL's block.
 */
public final class MatmulConv2d extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int filters;
    private final int kh;
    private final int kw;
    private final Parameter weight;
    private final Parameter bias;

    MatmulConv2d(int filters, int kh, int kw, boolean withBias) {
        super(VERSION);
        this.filters = filters;
        this.kh = kh;
        this.kw = kw;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = withBias
                ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
                : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        Shape s = x.getShape();
        long n = s.get(0);
        long in = s.get(1);
        long hOut = s.get(2) - kh + 1;
        long wOut = s.get(3) - kw + 1;
        NDArray cols;
        if (kh == s.get(2) && kw == 1) {
            // A spatial filter: every patch is one time point's (map, channel) column; no copy needed.
            cols = x.reshape(n, in * kh, wOut);
        } else {
            // Patch element (a, b) of every output position: x[:, :, a:a+hOut, b:b+wOut]; stacked in the weight's
            // (in, kh, kw) order.
            NDList shifts = new NDList(kh * kw);
            for (int a = 0; a < kh; a++) {
                for (int b = 0; b < kw; b++) {
                    shifts.add(x.get(":, :, " + a + ":" + (a + hOut) + ", " + b + ":" + (b + wOut)));
                }
            }
            cols = NDArrays.stack(shifts, 2).reshape(n, in * kh * kw, hOut * wOut);
        }
        long k = in * kh * kw;
        NDArray w2 = w.reshape(filters, k);
        NDArray out;
        if (n == 1) {
            // One window (live decoding): a plain GEMM.
            out = w2.matMul(cols.reshape(k, hOut * wOut));
        } else {
            // A batched GEMM over the trials with the weight broadcast as a view. (w2.matMul(cols) would have
            // libtorch fold the batch into the rows, which transposes cols into a fresh (n x positions, k) copy.)
            out = w2.expandDims(0).broadcast(new Shape(n, filters, k)).batchMatMul(cols);
        }
        out = out.reshape(n, filters, hOut, wOut);
        if (bias != null) {
            out = out.add(ps.getValue(bias, x.getDevice(), training).reshape(1, filters, 1, 1));
        }
        return new NDList(out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape s = inputs[0];
        return new Shape[] {new Shape(s.get(0), filters, s.get(2) - kh + 1, s.get(3) - kw + 1)};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        if (s.dimension() != 4 || s.get(2) < kh || s.get(3) < kw) {
            throw new IllegalArgumentException("convolution (" + kh + ", " + kw + ") needs (N, maps, >= " + kh
                    + ", >= " + kw + ") input, got " + s);
        }
        weight.setShape(new Shape(filters, s.get(1), kh, kw));
        if (bias != null) {
            bias.setShape(new Shape(filters));
        }
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        super.saveMetadata(os);
        os.writeInt(filters);
        os.writeInt(kh);
        os.writeInt(kw);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        super.loadMetadata(loadVersion, is);
        int f = is.readInt();
        int h = is.readInt();
        int w = is.readInt();
        if (f != filters || h != kh || w != kw) {
            throw new MalformedModelException("matmul convolution: saved " + f + " x (" + h + ", " + w
                    + "), this network has " + filters + " x (" + kh + ", " + kw + ")");
        }
    }
}
