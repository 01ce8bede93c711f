package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * GELU in its tanh approximation, {@code 0.5 u (1 + tanh(sqrt(2/pi) (u + 0.044715 u^3)))},
 * computed as the equal {@code u * sigmoid(z)} with {@code z = 2 sqrt(2/pi) (u + 0.044715 u^3)}
 * (one vectorized pass, {@link GeluRows}); elementwise, any shape. The backward is {@link
 * GeluTanhBp}, from u.
 */
public final class GeluTanh extends JavaOp {

    /** For SameDiff's deserialization only (and for {@link #exec}). */
    public GeluTanh() {
    }

    /**
     * @param sd the graph
     * @param u the input
     */
    public GeluTanh(SameDiff sd, SDVariable u) {
        super(sd, new SDVariable[] {u}, new long[0], new double[0]);
    }

    @Override
    public String opName() {
        return "mdlm_gelu_tanh";
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
        NativeFloats u = NativeFloats.in(in[0]);
        NativeFloats y = NativeFloats.out(out[0]);
        int width = rowWidth(in[0]);
        KernelThreads.forRows(u.length() / width, 24L * width, (from, to) -> {
            float[] ur = new float[width];
            for (int r = from; r < to; r++) {
                u.get(r * width, ur, 0, width);
                GeluRows.forward(ur, ur, width);
                y.put(r * width, ur, 0, width);
            }
        });
    }

    /** The length of the last axis (1 for a scalar, or for an empty array to avoid a division by zero). */
    static int rowWidth(INDArray a) {
        return a.rank() == 0 || a.length() == 0 ? 1 : (int) a.size(a.rank() - 1);
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        return List.of(new GeluTanhBp(sameDiff, arg(0), grads.get(0)).outputVariable());
    }
}
