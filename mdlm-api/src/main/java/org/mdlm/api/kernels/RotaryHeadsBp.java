package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of {@link RotaryHeads} with respect to qkv: from dq, dk, dv [B, nh, L, D] and the
 * same tables, dqkv [B, L, 3H] holds the transposed rotation of dq and dk ({@code da = g1 cos + g2 sin},
 * {@code db = -g1 sin + g2 cos}) and dv, merged back into the packed (three, head, d) order.
 */
public final class RotaryHeadsBp extends JavaOp {

    /** For SameDiff's deserialization only. */
    public RotaryHeadsBp() {
    }

    /**
     * @param sd the graph
     * @param dq gradient of the rotated queries [B, nh, L, D]
     * @param dk gradient of the rotated keys [B, nh, L, D]
     * @param dv gradient of the values [B, nh, L, D]
     * @param cos the forward's cosine table
     * @param sin the forward's sine table
     */
    public RotaryHeadsBp(SameDiff sd, SDVariable dq, SDVariable dk, SDVariable dv, SDVariable cos, SDVariable sin) {
        super(sd, new SDVariable[] {dq, dk, dv, cos, sin}, new long[0], new double[0]);
    }

    @Override
    public String opName() {
        return "mdlm_rotary_heads_bp";
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        HeadLayout t = HeadLayout.ofHeads(opName(), in[0]);
        HeadLayout.require(opName(), "dk", in[1], in[0]);
        HeadLayout.require(opName(), "dv", in[2], in[0]);
        return new long[][] {t.packedShape(3)};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        HeadLayout t = HeadLayout.ofHeads(opName(), in[0].shape());
        HeadLayout.require(opName(), "dk", in[1].shape(), in[0].shape());
        HeadLayout.require(opName(), "dv", in[2].shape(), in[0].shape());
        RotaryTables tables = new RotaryTables(opName(), in[3], in[4], t);
        NativeFloats[] grads = {NativeFloats.in(in[0]), NativeFloats.in(in[1]), NativeFloats.in(in[2])};
        NativeFloats dx = NativeFloats.out(out[0]);
        int hidden = t.hidden();
        int d = t.headDim;
        int span = t.blockPositions(3 * hidden);
        // Per block of positions: per head its dq, dk, dv rows in, then the packed rows out.
        t.forBlocks(3 * hidden, 8L * hidden, () -> new float[][] {new float[span * 3 * hidden], new float[span * d]},
                (buf, b, from, to) -> {
                    int n = to - from;
                    float[] rows = buf[0];
                    float[] head = buf[1];
                    for (int h = 0; h < t.heads; h++) {
                        int at = t.headOffset(b, h, from);
                        for (int part = 0; part < 3; part++) {
                            grads[part].get(at, head, 0, n * d);
                            int col = part * hidden + h * d;
                            for (int p = 0; p < n; p++) {
                                if (part < 2) {
                                    tables.unrotate(head, p * d, rows, p * 3 * hidden + col, tables.offset(b, h, from + p));
                                } else {
                                    System.arraycopy(head, p * d, rows, p * 3 * hidden + col, d);
                                }
                            }
                        }
                    }
                    dx.put((b * t.length + from) * 3 * hidden, rows, 0, n * 3 * hidden);
                });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException("second derivatives of " + opName() + " are not implemented");
    }
}
