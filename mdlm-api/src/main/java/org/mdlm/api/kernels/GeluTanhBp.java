package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of {@link GeluTanh} from its input u and the incoming gradient g: with {@code s =
 * sigmoid(z)}, {@code z = K (u + A u^3)}, {@code du = g (s + u s (1 - s) K (1 + 3 A u^2))}.
 */
public final class GeluTanhBp extends JavaOp {

    /** For SameDiff's deserialization only (and for {@link #exec}). */
    public GeluTanhBp() {
    }

    /**
     * @param sd the graph
     * @param u the forward's input
     * @param grad the gradient with respect to the forward's output
     */
    public GeluTanhBp(SameDiff sd, SDVariable u, SDVariable grad) {
        super(sd, new SDVariable[] {u, grad}, new long[0], new double[0]);
    }

    @Override
    public String opName() {
        return "mdlm_gelu_tanh_bp";
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        SequenceShapes.same(opName(), "u", in[0], "gradient", in[1]);
        return new long[][] {in[0]};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        NativeFloats u = NativeFloats.in(in[0]);
        NativeFloats g = NativeFloats.in(in[1]);
        NativeFloats du = NativeFloats.out(out[0]);
        int width = GeluTanh.rowWidth(in[0]);
        KernelThreads.forRows(u.length() / width, 32L * width, (from, to) -> {
            float[] ur = new float[width];
            float[] gr = new float[width];
            for (int r = from; r < to; r++) {
                u.get(r * width, ur, 0, width);
                g.get(r * width, gr, 0, width);
                GeluRows.backward(ur, gr, gr, width);
                du.put(r * width, gr, 0, width);
            }
        });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException("second derivatives of " + opName() + " are not implemented");
    }
}
