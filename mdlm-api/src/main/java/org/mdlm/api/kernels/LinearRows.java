package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer on the last axis, {@code y = x Wᵀ + b}: x [..., in] (rank 2 or more), the
 * weight [out, in] in PyTorch's layout, an optional bias [out]; y [..., out]. One BLAS product on
 * the rows of x as they lie in memory, the bias written first and accumulated into (beta = 1): no
 * reshape copies, no widened input and weight as the composed route needs to avoid libnd4j's
 * broadcast add. The backward ({@link LinearRowsBp}) is two products and a column sum.
 */
public final class LinearRows extends JavaOp {

    static final String NAME = "mdlm_linear_rows";

    /** For SameDiff's deserialization only. */
    public LinearRows() {
    }

    /**
     * @param sd the graph
     * @param x input [..., in]
     * @param weight [out, in]
     * @param bias [out], or null for none
     */
    public LinearRows(SameDiff sd, SDVariable x, SDVariable weight, SDVariable bias) {
        super(sd, bias == null ? new SDVariable[] {x, weight} : new SDVariable[] {x, weight, bias},
                new long[0], new double[0]);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        check(in[0], in[1], in.length > 2 ? in[2] : null);
        return new long[][] {outputShape(in[0], in[1])};
    }

    /** The output shape [..., out] for x [..., in] and weight [out, in]. */
    static long[] outputShape(long[] x, long[] weight) {
        long[] y = x.clone();
        y[y.length - 1] = weight[0];
        return y;
    }

    /** Checks x [..., in], weight [out, in] and bias [out] (when not null). */
    static void check(long[] x, long[] weight, long[] bias) {
        if (x.length < 2) {
            throw new IllegalArgumentException(NAME + ": x must have rank 2 or more, got " + java.util.Arrays.toString(x));
        }
        if (weight.length != 2 || weight[1] != x[x.length - 1]) {
            throw new IllegalArgumentException(NAME + ": weight must be [out, " + x[x.length - 1] + "], got "
                    + java.util.Arrays.toString(weight));
        }
        if (bias != null && (bias.length != 1 || bias[0] != weight[0])) {
            throw new IllegalArgumentException(NAME + ": bias must be [" + weight[0] + "], got "
                    + java.util.Arrays.toString(bias));
        }
    }

    /** Multiply-adds of the product for these inputs (rows · in · out), to choose its BLAS threads. */
    @Override
    public long productWork(INDArray[] in) {
        return work(in[0], in[1]);
    }

    /** rows · in · out for x [..., in] and weight [out, in]. */
    static long work(INDArray x, INDArray weight) {
        return x.length() * weight.size(0);
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        INDArray x = rows(in[0]);
        INDArray w = in[1];
        INDArray y = rows(out[0]);
        boolean bias = in.length > 2;
        if (bias) {
            int width = (int) w.size(0);
            float[] b = NativeFloats.in(in[2]).toArray();
            NativeFloats target = NativeFloats.out(out[0]);
            for (int r = 0, n = (int) y.size(0); r < n; r++) {
                target.put(r * width, b, 0, width);
            }
        }
        Nd4j.gemm(x, w, y, false, true, 1.0, bias ? 1.0 : 0.0);
    }

    /** {@code a} as a C-ordered matrix [rows, last axis] sharing its memory when it is dense. */
    static INDArray rows(INDArray a) {
        long width = a.size(a.rank() - 1);
        INDArray dense = NativeFloats.dense(a) && a.ordering() == 'c' ? a : a.dup('c');
        return a.rank() == 2 ? dense : dense.reshape('c', a.length() / width, width);
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        SDVariable[] in = args();
        boolean bias = in.length > 2;
        return List.of(new LinearRowsBp(sameDiff, in[0], in[1], grads.get(0), bias).outputVariables());
    }
}
