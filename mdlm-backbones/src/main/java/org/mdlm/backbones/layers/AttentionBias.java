package org.mdlm.backbones.layers;

import org.mdlm.api.model.FeedFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Additive attention biases: 0 where a query may attend to a key, {@link #BLOCKED} where it may not.
 * Added to the scores before the softmax, a blocked key gets exactly zero weight.
 */
public final class AttentionBias {

    /** The bias of a blocked query-key pair: exp(score + BLOCKED - max) underflows to 0 in float32. */
    public static final double BLOCKED = -1e9;

    private AttentionBias() {
    }

    /**
     * Fill function for the causal bias [B, heads, L, L]: key j is blocked for query i when j &gt; i.
     * Full-size, so adding it to the scores needs no broadcast (whose gradient is slow in SameDiff M2.1).
     */
    public static FeedFunction causal(int heads, DataType type) {
        return (batch, length, rng) -> {
            float[] v = new float[batch * heads * length * length];
            int block = length * length;
            for (int i = 0; i < length; i++) {
                for (int j = i + 1; j < length; j++) {
                    v[i * length + j] = (float) BLOCKED;
                }
            }
            for (int k = 1; k < batch * heads; k++) {
                System.arraycopy(v, 0, v, k * block, block);
            }
            return Nd4j.createFromArray(v).reshape(batch, heads, length, length).castTo(type);
        };
    }

    /**
     * The key-padding bias [B, 1, 1, L] from a validity mask [B, L] (1 valid, 0 padding): padded keys
     * are blocked for every query. It broadcasts over heads and queries when added to the scores.
     */
    public static SDVariable keyPadding(SameDiff sd, SDVariable valid, DataType type) {
        SDVariable v = valid.dataType() == type ? valid : valid.castTo(type);
        SDVariable blocked = v.rsub(1.0).mul(BLOCKED);
        return sd.expandDims(sd.expandDims(blocked, 1), 1);
    }
}
