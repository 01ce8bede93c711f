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
        NativeFloats q = NativeFloats.out(out[0]);
        NativeFloats k = NativeFloats.out(out[1]);
        NativeFloats v = NativeFloats.out(out[2]);
        int hidden = t.hidden();
        int d = t.headDim;
        KernelThreads.forRows(t.rows(), 8L * hidden, (from, to) -> {
            float[] row = new float[3 * hidden];
            float[] rotated = new float[d];
            for (int r = from; r < to; r++) {
                x.get(r * 3 * hidden, row, 0, 3 * hidden);
                for (int h = 0; h < t.heads; h++) {
                    int at = t.headOffset(r, h);
                    int tab = tables.offset(r, h);
                    tables.rotate(row, h * d, rotated, 0, tab);
                    q.put(at, rotated, 0, d);
                    tables.rotate(row, hidden + h * d, rotated, 0, tab);
                    k.put(at, rotated, 0, d);
                    v.put(at, row, 2 * hidden + h * d, d);
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
