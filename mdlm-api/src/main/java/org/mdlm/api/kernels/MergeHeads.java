package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Concatenates attention heads: o [B, nh, L, D] gives [B, L, nh * D], head-major along the last
 * axis (a permute and a reshape, in one copy). The setting is the number of heads, which the
 * backward ({@link MergeHeadsBp}, the split) needs before shapes are known.
 */
public final class MergeHeads extends JavaOp {

    /** For SameDiff's deserialization only. */
    public MergeHeads() {
    }

    /**
     * @param sd the graph
     * @param o per-head outputs [B, nh, L, D]
     * @param heads nh
     */
    public MergeHeads(SameDiff sd, SDVariable o, int heads) {
        super(sd, new SDVariable[] {o}, new long[] {heads}, new double[0]);
    }

    /** Sets the number of heads, for running the op outside a graph ({@link #exec}); returns this op. */
    public MergeHeads withHeads(int heads) {
        setArguments(new long[] {heads}, new double[0]);
        return this;
    }

    @Override
    public String opName() {
        return "mdlm_merge_heads";
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        return new long[][] {layout(in[0]).packedShape(1)};
    }

    private HeadLayout layout(long[] shape) {
        HeadLayout t = HeadLayout.ofHeads(opName(), shape);
        if (t.heads != longArg(0)) {
            throw new IllegalArgumentException(opName() + ": expected " + longArg(0) + " heads, got "
                    + java.util.Arrays.toString(shape));
        }
        return t;
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        HeadLayout t = layout(in[0].shape());
        NativeFloats o = NativeFloats.in(in[0]);
        NativeFloats y = NativeFloats.out(out[0]);
        int hidden = t.hidden();
        int d = t.headDim;
        int span = t.blockPositions(hidden);
        t.forBlocks(hidden, 2L * hidden, () -> new float[][] {new float[span * hidden], new float[span * d]},
                (buf, b, from, to) -> {
                    int n = to - from;
                    for (int h = 0; h < t.heads; h++) {
                        o.get(t.headOffset(b, h, from), buf[1], 0, n * d);
                        for (int p = 0; p < n; p++) {
                            System.arraycopy(buf[1], p * d, buf[0], p * hidden + h * d, d);
                        }
                    }
                    y.put((b * t.length + from) * hidden, buf[0], 0, n * hidden);
                });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        return List.of(new MergeHeadsBp(sameDiff, grads.get(0), (int) longArg(0)).outputVariable());
    }
}
