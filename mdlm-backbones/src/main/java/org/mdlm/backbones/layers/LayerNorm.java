package org.mdlm.backbones.layers;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * LayerNorm over the last dimension with a gain and no bias:
 * {@code (x - mean) / sqrt(var + eps) * w}, population variance, eps = 1e-5 (PyTorch's default).
 *
 * <p>Written out in elementary ops because SameDiff's {@code layerNorm} has no epsilon.
 */
public final class LayerNorm {

    /** PyTorch's default epsilon. */
    public static final double EPS = 1e-5;

    private final SDVariable weight;

    private LayerNorm(SDVariable weight) {
        this.weight = weight;
    }

    /** Creates the gain {@code name} of shape [dim], initialised to ones. */
    public static LayerNorm create(ParamFactory params, String name, int dim) {
        return new LayerNorm(params.ones(name, dim));
    }

    /** Normalises a rank-3 input [B, L, dim] over its last dimension. */
    public SDVariable apply(SDVariable x) {
        SDVariable centred = x.sub(x.mean(true, 2));
        SDVariable variance = centred.mul(centred).mean(true, 2);
        SDVariable inv = x.getSameDiff().math.rsqrt(variance.add(EPS));
        return centred.mul(inv).mul(weight);
    }
}
