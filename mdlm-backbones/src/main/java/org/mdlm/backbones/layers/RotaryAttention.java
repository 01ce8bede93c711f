package org.mdlm.backbones.layers;

import org.mdlm.api.kernels.FusedOps;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Multi-head self-attention with rotary q and k, from a packed qkv tensor; bidirectional unless
 * given an {@link AttentionBias} (causal, key padding).
 *
 * <p>qkv [B, L, 3H] is ordered (three, head, d): q = [0, H), k = [H, 2H), v = [2H, 3H), each
 * head-major. Scores are scaled by 1/sqrt(D) and get the optional bias; heads are concatenated head-major.
 *
 * <p>Where {@link FusedOps#enabled} (float32 graphs run by the engine), the head split with the
 * rotation of q and k, the softmax and the head merge are Java kernels; otherwise composed SameDiff
 * ops (slices, reshape-permutes, {@link Rotary#apply}), which are also what the kernels are tested against.
 */
public final class RotaryAttention {

    private final SameDiff sd;
    private final int heads;
    private final int headDim;

    /**
     * @param sd the graph
     * @param heads number of heads
     * @param headDim dimension D of each head (even)
     */
    public RotaryAttention(SameDiff sd, int heads, int headDim) {
        this.sd = sd;
        this.heads = heads;
        this.headDim = headDim;
    }

    /**
     * Attends.
     *
     * @param qkv packed projections [B, L, 3H]
     * @param cos rotary cosine table [L, D/2], or [B, nh, L, D/2] (faster for the composed ops)
     * @param sin rotary sine table, shaped as {@code cos}
     * @param shapes runtime shapes
     * @return attention output [B, L, H] before the output projection
     */
    public SDVariable apply(SDVariable qkv, SDVariable cos, SDVariable sin, Shapes shapes) {
        return apply(qkv, cos, sin, shapes, null);
    }

    /**
     * Attends with an additive bias on the scores (see {@link AttentionBias}): causal masking,
     * padded keys.
     *
     * @param bias added to the scaled scores [B, nh, L, L] before the softmax (broadcastable), or null
     * @return attention output [B, L, H] before the output projection
     */
    public SDVariable apply(SDVariable qkv, SDVariable cos, SDVariable sin, Shapes shapes, SDVariable bias) {
        int hidden = heads * headDim;
        boolean fused = FusedOps.enabled(qkv.dataType());
        SDVariable q;
        SDVariable k;
        SDVariable v;
        if (fused) {
            SDVariable[] split = FusedOps.rotaryHeads(qkv, cos, sin, heads);
            q = split[0];
            k = split[1];
            v = split[2];
        } else {
            q = Rotary.apply(splitHeads(slice(qkv, 0, hidden), shapes), cos, sin, headDim);
            k = Rotary.apply(splitHeads(slice(qkv, hidden, 2 * hidden), shapes), cos, sin, headDim);
            v = splitHeads(slice(qkv, 2 * hidden, 3 * hidden), shapes);
        }
        SDVariable raw = sd.mmul(q, k, false, true, false);
        double scale = 1.0 / Math.sqrt(headDim);
        SDVariable probs;
        if (fused) {
            probs = bias == null ? FusedOps.scaledSoftmax(raw, scale)
                    : FusedOps.scaledSoftmax(raw.mul(scale).add(bias), 1.0);
        } else {
            SDVariable scores = raw.mul(scale);
            if (bias != null) {
                scores = scores.add(bias);
            }
            probs = sd.nn.softmax(scores, 3);
        }
        SDVariable o = sd.mmul(probs, v); // [B, nh, L, D]
        return fused ? FusedOps.mergeHeads(o, heads) : shapes.toBatchLength(sd.permute(o, 0, 2, 1, 3), hidden);
    }

    private static SDVariable slice(SDVariable x, int from, int to) {
        return x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(from, to));
    }

    private SDVariable splitHeads(SDVariable x, Shapes shapes) {
        return sd.permute(shapes.toBatchLength(x, heads, headDim), 0, 2, 1, 3); // [B, nh, L, D]
    }
}
