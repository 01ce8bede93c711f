package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code softmax(scale * x)} over the last axis (attention probabilities from raw scores), in one
 * pass per row; the backward is {@link ScaledSoftmaxBp}, from the saved output.
 */
public final class ScaledSoftmax extends JavaOp {

    /** For SameDiff's deserialization only. */
    public ScaledSoftmax() {
    }

    /**
     * @param sd the graph
     * @param x scores, any rank, softmax over the last axis
     * @param scale multiplies the scores first
     */
    public ScaledSoftmax(SameDiff sd, SDVariable x, double scale) {
        super(sd, new SDVariable[] {x}, new long[0], new double[] {scale});
    }

    /** Sets the scale, for running the op outside a graph ({@link #exec}); returns this op. */
    public ScaledSoftmax withScale(double scale) {
        setArguments(new long[0], new double[] {scale});
        return this;
    }

    @Override
    public String opName() {
        return "mdlm_scaled_softmax";
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        return new long[][] {in[0]};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        float scale = (float) doubleArg(0);
        NativeFloats x = NativeFloats.in(in[0]);
        NativeFloats y = NativeFloats.out(out[0]);
        int width = (int) in[0].size(in[0].rank() - 1);
        int rows = x.length() / width;
        KernelThreads.forRows(rows, 8L * width, (from, to) -> {
            float[] row = new float[width];
            for (int r = from; r < to; r++) {
                x.get(r * width, row, 0, width);
                for (int i = 0; i < width; i++) {
                    row[i] *= scale;
                }
                float m = RowMath.max(row, 0, width);
                float s = RowMath.expShifted(row, m, row, 0, width);
                float inv = 1f / s;
                for (int i = 0; i < width; i++) {
                    row[i] *= inv;
                }
                y.put(r * width, row, 0, width);
            }
        });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        return List.of(new ScaledSoftmaxBp(sameDiff, outputVariable(), grads.get(0), doubleArg(0)).outputVariable());
    }
}
