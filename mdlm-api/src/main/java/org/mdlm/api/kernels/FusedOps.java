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

    /** GELU, tanh approximation, elementwise ({@link GeluTanh}). */
    public static SDVariable geluTanh(SDVariable u) {
        return new GeluTanh(u.getSameDiff(), u).outputVariable();
    }
}
