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

    /**
     * @param sd the graph
     * @param tokens a rank-2 [B, L] variable whose runtime shape gives B and L
     */
    public Shapes(SameDiff sd, SDVariable tokens) {
        this.sd = sd;
        this.batchLength = sd.shape(tokens).castTo(DataType.LONG);
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
