package org.mdlm.api.kernels;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Where graph builders ask for a fused kernel: each method adds the Java op when {@link #enabled}
 * says so for the variable's type, and the caller builds the composed SameDiff ops otherwise.
 * Kernels are on for float32 graphs unless {@code -Dmdlm.kernels=off} or SameDiff's own session was
 * chosen ({@code -Dmdlm.executor=samediff}, which cannot run Java ops); graphs in double precision
 * (gradient checks) always get the composed ops.
 */
public final class FusedOps {

    private FusedOps() {
    }

    /** Whether graphs of {@code type} get the Java kernels. */
    public static boolean enabled(DataType type) {
        return type == DataType.FLOAT
                && !"off".equalsIgnoreCase(System.getProperty("mdlm.kernels", "on"))
                && !"samediff".equalsIgnoreCase(System.getProperty("mdlm.executor", "lean"));
    }

    /** {@code softmax(scale * x)} over the last axis ({@link ScaledSoftmax}). */
    public static SDVariable scaledSoftmax(SDVariable x, double scale) {
        return new ScaledSoftmax(x.getSameDiff(), x, scale).outputVariable();
    }

    /**
     * Splits packed projections qkv [B, L, 3H] (ordered three, head, d) into q, k, v [B, nh, L, D],
     * q and k rotated by the tables cos, sin [L, D/2] ({@link RotaryHeads}).
     *
     * @return {q, k, v}
     */
    public static SDVariable[] rotaryHeads(SDVariable qkv, SDVariable cos, SDVariable sin, int heads) {
        return new RotaryHeads(qkv.getSameDiff(), qkv, cos, sin, heads).outputVariables();
    }

    /** Concatenates heads: o [B, nh, L, D] gives [B, L, nh * D] ({@link MergeHeads}). */
    public static SDVariable mergeHeads(SDVariable o, int heads) {
        return new MergeHeads(o.getSameDiff(), o, heads).outputVariable();
    }

    /**
     * The weighted NLL of the clean tokens at masked positions, from the logits, with the mask column
     * left out of the softmax ({@link MaskedTokenNll}): [B, L], 0 where {@code xt != maskId}.
     *
     * @param logits [B, L, V] float32
     * @param x0 clean ids [B, L]
     * @param xt noisy ids [B, L]
     * @param weight per-sequence weight [B] (cast to float32 here if it is not)
     * @param maskId the mask token
     * @param negInfinity the stand-in for minus infinity added to the mask logit
     */
    public static SDVariable maskedTokenNll(SDVariable logits, SDVariable x0, SDVariable xt, SDVariable weight,
                                            int maskId, double negInfinity) {
        SDVariable w = weight.dataType() == DataType.FLOAT ? weight : weight.castTo(DataType.FLOAT);
        return new MaskedTokenNll(logits.getSameDiff(), logits, x0, xt, w, maskId, negInfinity).outputVariable();
    }

    /**
     * log p(x0 | xt) with zero masking probability and carry-over, for sampling ({@link CarryOverLogProbs}):
     * [B, L, V], no gradient.
     *
     * @param logits [B, L, V] float32
     * @param xt noisy ids [B, L]
     * @param maskId the mask token
     * @param negInfinity the stand-in for minus infinity
     */
    public static SDVariable carryOverLogProbs(SDVariable logits, SDVariable xt, int maskId, double negInfinity) {
        return new CarryOverLogProbs(logits.getSameDiff(), logits, xt, maskId, negInfinity).outputVariable();
    }

    /**
     * LayerNorm over the last axis with adaLN modulation, {@code (x - mean) / sqrt(var + eps) *
     * weight * (1 + scale) + shift} ({@link ModulatedLayerNorm}).
     *
     * @param x input [B, L, H]
     * @param shift [B, 1, H]
     * @param scale [B, 1, H]
     * @param weight LayerNorm gain [H]
     * @param eps added to the (biased) variance
     */
    public static SDVariable modulatedLayerNorm(SDVariable x, SDVariable shift, SDVariable scale, SDVariable weight,
                                                double eps) {
        return new ModulatedLayerNorm(x.getSameDiff(), x, shift, scale, weight, eps).outputVariable();
    }

    /** {@code x + gate * branch}, x and branch [B, L, H], gate [B, 1, H] ({@link GatedResidual}). */
    public static SDVariable gatedResidual(SDVariable x, SDVariable gate, SDVariable branch) {
        return new GatedResidual(x.getSameDiff(), x, gate, branch).outputVariable();
    }

    /**
     * A fully connected layer {@code x Wᵀ + b} on the last axis of x [..., in], weight [out, in],
     * bias [out] or null ({@link LinearRows}).
     */
    public static SDVariable linear(SDVariable x, SDVariable weight, SDVariable bias) {
        return new LinearRows(x.getSameDiff(), x, weight, bias).outputVariable();
    }

    /** GELU, tanh approximation, elementwise ({@link GeluTanh}). */
    public static SDVariable geluTanh(SDVariable u) {
        return new GeluTanh(u.getSameDiff(), u).outputVariable();
    }
}
