package org.mdlm.backbones.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * RMSNorm over the last dimension with a gain: {@code x / sqrt(mean(x^2) + eps) * w}, eps = 1e-5
 * (Mamba's and Caduceus's default).
 *
 * <p>The per-position {@code 1/sqrt(mean + eps)} [N, 1] and the gain [1, dim] are combined by one
 * outer product [N, dim] and applied by a same-shape multiply: SameDiff M2.1's broadcast-multiply
 * gradient is ~30x slower than a matrix product plus a same-shape multiply.
 */
public final class RmsNorm {

    /** The epsilon added to the mean square. */
    public static final double EPS = 1e-5;

    private final SDVariable weight;
    private final long dim;

    private RmsNorm(SDVariable weight, long dim) {
        this.weight = weight;
        this.dim = dim;
    }

    /** Creates the gain {@code name} of shape [dim], initialised to ones. */
    public static RmsNorm create(ParamFactory params, String name, int dim) {
        return new RmsNorm(params.ones(name, dim), dim);
    }

    /** Normalises a rank-3 input [B, L, dim] over its last dimension. */
    public SDVariable apply(SDVariable x) {
        SameDiff sd = x.getSameDiff();
        SDVariable inv = sd.math.rsqrt(x.mul(x).mean(true, 2).add(EPS));
        SDVariable scale = sd.mmul(sd.reshape(inv, -1, 1), sd.reshape(weight, 1, dim));
        return x.mul(sd.reshape(scale, sd.shape(x)));
    }
}
