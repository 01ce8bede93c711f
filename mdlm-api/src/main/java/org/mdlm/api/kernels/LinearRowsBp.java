package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient of {@link LinearRows} from x [..., in], the weight [out, in] and the incoming gradient
 * g [..., out]: {@code dx = g W}, {@code dW = gᵀ x} (products over the rows as they lie in memory)
 * and, when the layer has a bias, {@code db = gᵀ 1}, the column sums of g (a third product). Outputs, in order: dx, dW and (with a bias) db.
 */
public final class LinearRowsBp extends JavaOp {

    static final String NAME = "mdlm_linear_rows_bp";

    /** For SameDiff's deserialization only. */
    public LinearRowsBp() {
    }

    /**
     * @param sd the graph
     * @param x the forward's input [..., in]
     * @param weight the forward's weight [out, in]
     * @param grad the gradient with respect to the output [..., out]
     * @param bias whether the forward has a bias (then db is a third output)
     */
    public LinearRowsBp(SameDiff sd, SDVariable x, SDVariable weight, SDVariable grad, boolean bias) {
        super(sd, new SDVariable[] {x, weight, grad}, new long[] {bias ? 1 : 0}, new double[0]);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return hasBias() ? 3 : 2;
    }

    private boolean hasBias() {
        return longArg(0) != 0;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        LinearRows.check(in[0], in[1], null);
        long[] y = LinearRows.outputShape(in[0], in[1]);
        if (!java.util.Arrays.equals(y, in[2])) {
            throw new IllegalArgumentException(NAME + ": the gradient must be " + java.util.Arrays.toString(y)
                    + ", got " + java.util.Arrays.toString(in[2]));
        }
        return hasBias() ? new long[][] {in[0], in[1], {in[1][0]}} : new long[][] {in[0], in[1]};
    }

    /** Multiply-adds of each product (rows · in · out), to choose their BLAS threads. */
    @Override
    public long productWork(INDArray[] in) {
        return LinearRows.work(in[0], in[1]);
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        INDArray x = LinearRows.rows(in[0]);
        INDArray w = in[1];
        INDArray g = LinearRows.rows(in[2]);
        Nd4j.gemm(g, w, LinearRows.rows(out[0]), false, false, 1.0, 0.0);
        Nd4j.gemm(g, x, out[1], true, false, 1.0, 0.0);
        if (hasBias()) {
            // db = gᵀ 1: the column sums as one more BLAS product (a single-threaded Java loop over
            // small's [4096, 8192] logits gradient made that layer's backward ~40 ms slower).
            INDArray ones = Nd4j.ones(DataType.FLOAT, g.size(0), 1);
            Nd4j.gemm(g, ones, out[2].reshape(out[2].length(), 1), true, false, 1.0, 0.0);
        }
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException("second derivatives of " + opName() + " are not implemented");
    }
}
