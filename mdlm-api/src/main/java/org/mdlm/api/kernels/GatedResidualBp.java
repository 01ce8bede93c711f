package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of {@link GatedResidual} with respect to the gate and the branch, from the gate
 * [B, 1, H], the branch [B, L, H] and the incoming gradient g [B, L, H]: {@code dgate = sum_L g *
 * branch} (per sequence in float, over the batch in double) and {@code dbranch = g * gate}. Outputs, in order: dgate, dbranch.
 * (dx is g itself.)
 */
public final class GatedResidualBp extends JavaOp {

    static final String NAME = "mdlm_gated_residual_bp";

    /** For SameDiff's deserialization only. */
    public GatedResidualBp() {
    }

    /**
     * @param sd the graph
     * @param gate the forward's gate [B, 1, H]
     * @param branch the forward's branch [B, L, H]
     * @param grad the gradient with respect to the output [B, L, H]
     */
    public GatedResidualBp(SameDiff sd, SDVariable gate, SDVariable branch, SDVariable grad) {
        super(sd, new SDVariable[] {gate, branch, grad}, new long[0], new double[0]);
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return 2;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        SequenceShapes.sequence(NAME, "branch", in[1]);
        SequenceShapes.perSequence(NAME, "gate", in[0], in[1]);
        SequenceShapes.same(NAME, "branch", in[1], "gradient", in[2]);
        return new long[][] {in[0], in[1]};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        int b = (int) in[1].size(0);
        int l = (int) in[1].size(1);
        int h = (int) in[1].size(2);
        float[] gate = NativeFloats.in(in[0]).toArray();
        NativeFloats branch = NativeFloats.in(in[1]);
        NativeFloats g = NativeFloats.in(in[2]);
        NativeFloats dBranch = NativeFloats.out(out[1]);
        BatchColumnSums sums = new BatchColumnSums(l, h, 1);
        KernelThreads.forRows(b * l, 4L * h, (from, to) -> {
            BatchColumnSums.Chunk chunk = sums.open(from, to);
            float[] br = new float[h];
            float[] gr = new float[h];
            for (int r = from; r < to; r++) {
                branch.get(r * h, br, 0, h);
                g.get(r * h, gr, 0, h);
                chunk.row(r);
                float[] gbSum = chunk.acc(0);
                int at = (r / l) * h;
                for (int i = 0; i < h; i++) {
                    gbSum[i] += gr[i] * br[i];
                    br[i] = gr[i] * gate[at + i];
                }
                dBranch.put(r * h, br, 0, h);
            }
            chunk.close();
        });
        double[] total = sums.total(0, b);
        float[] dGate = new float[b * h];
        for (int j = 0; j < dGate.length; j++) {
            dGate[j] = (float) total[j];
        }
        NativeFloats.out(out[0]).putAll(dGate);
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException("second derivatives of " + opName() + " are not implemented");
    }
}
