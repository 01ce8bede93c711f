package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DiT's gated residual update {@code x + gate * branch}: x and branch [B, L, H], the adaLN
 * gate [B, 1, H] per sequence. The backward passes the incoming gradient on as dx and computes
 * the other two in {@link GatedResidualBp}.
 */
public final class GatedResidual extends JavaOp {

    static final String NAME = "mdlm_gated_residual";

    /** For SameDiff's deserialization only. */
    public GatedResidual() {
    }

    /**
     * @param sd the graph
     * @param x the residual stream [B, L, H]
     * @param gate per-sequence gate [B, 1, H]
     * @param branch the branch's output [B, L, H]
     */
    public GatedResidual(SameDiff sd, SDVariable x, SDVariable gate, SDVariable branch) {
        super(sd, new SDVariable[] {x, gate, branch}, new long[0], new double[0]);
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
        SequenceShapes.sequence(NAME, "x", in[0]);
        SequenceShapes.perSequence(NAME, "gate", in[1], in[0]);
        SequenceShapes.same(NAME, "x", in[0], "branch", in[2]);
        return new long[][] {in[0]};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        int l = (int) in[0].size(1);
        int h = (int) in[0].size(2);
        int rows = (int) in[0].size(0) * l;
        NativeFloats x = NativeFloats.in(in[0]);
        float[] gate = NativeFloats.in(in[1]).toArray();
        NativeFloats branch = NativeFloats.in(in[2]);
        NativeFloats y = NativeFloats.out(out[0]);
        KernelThreads.forRows(rows, 3L * h, (from, to) -> {
            float[] xr = new float[h];
            float[] br = new float[h];
            for (int r = from; r < to; r++) {
                x.get(r * h, xr, 0, h);
                branch.get(r * h, br, 0, h);
                int at = (r / l) * h;
                for (int i = 0; i < h; i++) {
                    xr[i] = xr[i] + gate[at + i] * br[i];
                }
                y.put(r * h, xr, 0, h);
            }
        });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        SDVariable g = grads.get(0);
        SDVariable[] in = args();
        SDVariable[] bp = new GatedResidualBp(sameDiff, in[1], in[2], g).outputVariables();
        return List.of(g, bp[0], bp[1]);
    }
}
