package org.mdlm.backbones.layers;

import org.mdlm.api.kernels.FusedOps;
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

    /**
     * {@code apply(x) * (1 + scale) + shift} with shift and scale [B, 1, dim], written so that no
     * multiply broadcasts (SameDiff M2.1's broadcast-multiply gradient is very slow): the gain and
     * {@code 1 + scale} are combined per sequence, then it, the shift and the per-position
     * {@code 1/sqrt(var + eps)} are repeated to [B, L, dim] by {@link Shapes}. Equal to the plain
     * expression up to float rounding (one reassociation of the gain product). Float32 graphs with
     * kernels on get the fused {@link FusedOps#modulatedLayerNorm} instead.
     */
    public SDVariable applyModulated(SDVariable x, SDVariable shift, SDVariable scale, Shapes shapes) {
        if (FusedOps.enabled(x.dataType())) {
            return FusedOps.modulatedLayerNorm(x, shift, scale, weight, EPS);
        }
        long dim = weight.getShape()[0];
        SDVariable centred = x.sub(x.mean(true, 2));
        SDVariable variance = centred.mul(centred).mean(true, 2);
        SDVariable inv = x.getSameDiff().math.rsqrt(variance.add(EPS));
        SDVariable gain = shapes.overPositions(scale.add(1.0).mul(weight));
        return centred.mul(shapes.overFeatures(inv, dim)).mul(gain).add(shapes.overPositions(shift));
    }
}
