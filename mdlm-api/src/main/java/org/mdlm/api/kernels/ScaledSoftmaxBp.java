package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of {@link ScaledSoftmax} from its output y and the incoming gradient g:
 * {@code dx = scale * y * (g - sum(g * y))}, the sum over the last axis.
 */
public final class ScaledSoftmaxBp extends JavaOp {

    /** For SameDiff's deserialization only. */
    public ScaledSoftmaxBp() {
    }

    /**
     * @param sd the graph
     * @param y the softmax output
     * @param grad the gradient with respect to y
     * @param scale the forward's scale
     */
    public ScaledSoftmaxBp(SameDiff sd, SDVariable y, SDVariable grad, double scale) {
        super(sd, new SDVariable[] {y, grad}, new long[0], new double[] {scale});
    }

    /** Sets the scale, for running the op outside a graph ({@link #exec}); returns this op. */
    public ScaledSoftmaxBp withScale(double scale) {
        setArguments(new long[0], new double[] {scale});
        return this;
    }

    @Override
    public String opName() {
        return "mdlm_scaled_softmax_bp";
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
        NativeFloats y = NativeFloats.in(in[0]);
        NativeFloats g = NativeFloats.in(in[1]);
        NativeFloats dx = NativeFloats.out(out[0]);
        int width = (int) in[0].size(in[0].rank() - 1);
        int rows = y.length() / width;
        KernelThreads.forRows(rows, 4L * width, (from, to) -> {
            float[] yr = new float[width];
            float[] gr = new float[width];
            for (int r = from; r < to; r++) {
                y.get(r * width, yr, 0, width);
                g.get(r * width, gr, 0, width);
                float s = RowMath.dot(yr, gr, 0, width);
                for (int i = 0; i < width; i++) {
                    gr[i] = scale * yr[i] * (gr[i] - s);
                }
                dx.put(r * width, gr, 0, width);
            }
        });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException("second derivatives of " + opName() + " are not implemented");
    }
}
