package org.mdlm.backbones.layers;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dynamic shapes: every reshape is derived from the runtime shape of the token placeholder, so
 * one graph serves any batch size B and length L.
 */
public final class Shapes {

    private final SameDiff sd;
    private final SDVariable batchLength;
    private final DataType type;
    private SDVariable onesColumn;
    private final java.util.Map<Long, SDVariable> onesRows = new java.util.HashMap<>();

    /**
     * @param sd the graph
     * @param tokens a rank-2 [B, L] variable whose runtime shape gives B and L
     */
    public Shapes(SameDiff sd, SDVariable tokens) {
        this(sd, tokens, DataType.FLOAT);
    }

    /**
     * @param sd the graph
     * @param tokens a rank-2 [B, L] variable whose runtime shape gives B and L
     * @param type floating-point type of the ones tensors ({@link #onesColumn()}, {@link #onesRow(long)})
     */
    public Shapes(SameDiff sd, SDVariable tokens, DataType type) {
        this.sd = sd;
        this.type = type;
        this.batchLength = sd.shape(tokens).castTo(DataType.LONG);
    }

    /** Ones [B, L, 1] (built once per graph). */
    public SDVariable onesColumn() {
        if (onesColumn == null) {
            onesColumn = sd.fill(withTail(1), type, 1.0);
        }
        return onesColumn;
    }

    /** Ones [B, 1, width] (built once per graph and width). */
    public SDVariable onesRow(long width) {
        return onesRows.computeIfAbsent(width, w -> sd.fill(sd.concat(0, batch(),
                sd.constant(Nd4j.createFromArray(1L, w))), type, 1.0));
    }

    /**
     * Repeats per-sequence rows v [B, 1, H] over the L positions, giving [B, L, H], as the batched
     * product ones[B, L, 1] x v. The values are copied exactly; the point is the gradient: SameDiff
     * M2.1's broadcast-multiply backward is ~30x slower than a same-shape multiply plus this matmul.
     */
    public SDVariable overPositions(SDVariable v) {
        return sd.mmul(onesColumn(), v);
    }

    /** Repeats a per-position column c [B, L, 1] over {@code width} features, giving [B, L, width] exactly. */
    public SDVariable overFeatures(SDVariable c, long width) {
        return sd.mmul(c, onesRow(width));
    }

    /** The runtime shape [B, L] as an INT64 vector. */
    public SDVariable batchLength() {
        return batchLength;
    }

    /** The runtime [B] as a one-element INT64 vector. */
    public SDVariable batch() {
        return batchLength.get(SDIndex.interval(0, 1));
    }

    /** The shape vector [B, L, tail...]. */
    public SDVariable withTail(long... tail) {
        return sd.concat(0, batchLength, sd.constant(Nd4j.createFromArray(tail)));
    }

    /** Reshapes {@code x} to [B, L, tail...]. */
    public SDVariable toBatchLength(SDVariable x, long... tail) {
        return sd.reshape(x, withTail(tail));
    }
}
