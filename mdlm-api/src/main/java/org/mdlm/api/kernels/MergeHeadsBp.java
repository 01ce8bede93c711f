package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of {@link MergeHeads}: splits g [B, L, nh * D] back into heads [B, nh, L, D].
 */
public final class MergeHeadsBp extends JavaOp {

    /** For SameDiff's deserialization only. */
    public MergeHeadsBp() {
    }

    /**
     * @param sd the graph
     * @param grad gradient of the merged output [B, L, nh * D]
     * @param heads nh
     */
    public MergeHeadsBp(SameDiff sd, SDVariable grad, int heads) {
        super(sd, new SDVariable[] {grad}, new long[] {heads}, new double[0]);
    }

    /** Sets the number of heads, for running the op outside a graph ({@link #exec}); returns this op. */
    public MergeHeadsBp withHeads(int heads) {
        setArguments(new long[] {heads}, new double[0]);
        return this;
    }

    @Override
    public String opName() {
        return "mdlm_merge_heads_bp";
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        return new long[][] {HeadLayout.ofPacked(opName(), in[0], 1, longArg(0)).headShape()};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        HeadLayout t = HeadLayout.ofPacked(opName(), in[0].shape(), 1, longArg(0));
        NativeFloats g = NativeFloats.in(in[0]);
        NativeFloats dx = NativeFloats.out(out[0]);
        int hidden = t.hidden();
        int d = t.headDim;
        int span = t.blockPositions(hidden);
        t.forBlocks(hidden, 2L * hidden, () -> new float[][] {new float[span * hidden], new float[span * d]},
                (buf, b, from, to) -> {
                    int n = to - from;
                    g.get((b * t.length + from) * hidden, buf[0], 0, n * hidden);
                    for (int h = 0; h < t.heads; h++) {
                        for (int p = 0; p < n; p++) {
                            System.arraycopy(buf[0], p * hidden + h * d, buf[1], p * d, d);
                        }
                        dx.put(t.headOffset(b, h, from), buf[1], 0, n * d);
                    }
                });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException("second derivatives of " + opName() + " are not implemented");
    }
}
