package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Splits packed attention projections into heads and rotates queries and keys, in one pass:
 * qkv [B, L, 3H] ordered (three, head, d) gives q, k, v [B, nh, L, D], q and k rotated by the
 * rotary tables cos, sin ([L, D/2], or [B, nh, L, D/2]) as {@link RotaryTables} does, v only split.
 * It replaces three slices, three reshape-permutes and two rotary applications (slices, four
 * products, a concatenation each). The setting is the number of heads; the backward is
 * {@link RotaryHeadsBp}, and the tables get no gradient (they are fed, not learned).
 */
public final class RotaryHeads extends JavaOp {

    /** For SameDiff's deserialization only. */
    public RotaryHeads() {
    }

    /**
     * @param sd the graph
     * @param qkv packed projections [B, L, 3H]
     * @param cos cosine table [L, D/2] or [B, nh, L, D/2]
     * @param sin sine table, shaped as {@code cos}
     * @param heads nh
     */
    public RotaryHeads(SameDiff sd, SDVariable qkv, SDVariable cos, SDVariable sin, int heads) {
        super(sd, new SDVariable[] {qkv, cos, sin}, new long[] {heads}, new double[0]);
    }

    /** Sets the number of heads, for running the op outside a graph ({@link #exec}); returns this op. */
    public RotaryHeads withHeads(int heads) {
        setArguments(new long[] {heads}, new double[0]);
        return this;
    }

    @Override
    public String opName() {
        return "mdlm_rotary_heads";
    }

    @Override
    public int getNumOutputs() {
        return 3;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        long[] heads = HeadLayout.ofPacked(opName(), in[0], 3, longArg(0)).headShape();
        return new long[][] {heads, heads.clone(), heads.clone()};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        HeadLayout t = HeadLayout.ofPacked(opName(), in[0].shape(), 3, longArg(0));
        RotaryTables tables = new RotaryTables(opName(), in[1], in[2], t);
        NativeFloats x = NativeFloats.in(in[0]);
        NativeFloats[] qkv = {NativeFloats.out(out[0]), NativeFloats.out(out[1]), NativeFloats.out(out[2])};
        int hidden = t.hidden();
        int d = t.headDim;
        int span = t.blockPositions(3 * hidden);
        // Per block of positions: the packed rows in, then per head its q, k, v rows out, each contiguous.
        t.forBlocks(3 * hidden, 8L * hidden, () -> new float[][] {new float[span * 3 * hidden], new float[span * d]},
                (buf, b, from, to) -> {
                    int n = to - from;
                    float[] rows = buf[0];
                    float[] head = buf[1];
                    x.get((b * t.length + from) * 3 * hidden, rows, 0, n * 3 * hidden);
                    for (int h = 0; h < t.heads; h++) {
                        int at = t.headOffset(b, h, from);
                        for (int part = 0; part < 3; part++) {
                            int col = part * hidden + h * d;
                            for (int p = 0; p < n; p++) {
                                if (part < 2) {
                                    tables.rotate(rows, p * 3 * hidden + col, head, p * d, tables.offset(b, h, from + p));
                                } else {
                                    System.arraycopy(rows, p * 3 * hidden + col, head, p * d, d);
                                }
                            }
                            qkv[part].put(at, head, 0, n * d);
                        }
                    }
                });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        SDVariable[] args = args();
        SDVariable dqkv = new RotaryHeadsBp(sameDiff, grads.get(0), grads.get(1), grads.get(2), args[1], args[2])
                .outputVariable();
        // Only qkv gets a gradient: SameDiff's diff() pairs the returned gradients with the first inputs.
        return List.of(dqkv);
    }
}
