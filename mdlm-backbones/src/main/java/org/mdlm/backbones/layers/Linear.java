package org.mdlm.backbones.layers;

import org.mdlm.api.kernels.FusedOps;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A fully connected layer in PyTorch layout: weight [out, in], optional bias [out], {@code y = x Wᵀ + b}.
 */
public final class Linear {

    /** How the weight and bias start. */
    public enum Init {
        /** U(-1/sqrt(in), 1/sqrt(in)) for weight and bias (PyTorch's default for nn.Linear). */
        DEFAULT,
        /** All zeros. */
        ZERO
    }

    private final SameDiff sd;
    private final SDVariable weight;
    private final SDVariable bias;
    private final int in;
    private final int out;

    private Linear(SameDiff sd, SDVariable weight, SDVariable bias, int in, int out) {
        this.sd = sd;
        this.weight = weight;
        this.bias = bias;
        this.in = in;
        this.out = out;
    }

    /**
     * Creates the variables {@code prefix + ".weight"} and, if {@code withBias}, {@code prefix + ".bias"}.
     */
    public static Linear create(ParamFactory params, String prefix, int in, int out, boolean withBias, Init init) {
        double bound = 1.0 / Math.sqrt(in);
        SDVariable w = init == Init.ZERO ? params.zeros(prefix + ".weight", out, in)
                : params.uniform(prefix + ".weight", bound, out, in);
        SDVariable b = null;
        if (withBias) {
            b = init == Init.ZERO ? params.zeros(prefix + ".bias", out) : params.uniform(prefix + ".bias", bound, out);
        }
        return new Linear(params.sd(), w, b, in, out);
    }

    /** Output width. */
    public int out() {
        return out;
    }

    /**
     * Output features {@code [from, to)} only, for x [N, in]: the rows of the weight (and bias) are
     * sliced instead of the output, which SameDiff M2.1 cannot differentiate when N is 1
     * ({@code strided_slice_bp} fails on a first axis of size 1).
     */
    public SDVariable apply2d(SDVariable x, int from, int to) {
        SDVariable w = weight.get(org.nd4j.autodiff.samediff.SDIndex.interval(from, to),
                org.nd4j.autodiff.samediff.SDIndex.all());
        SDVariable y = sd.mmul(x, w, false, true, false);
        return bias == null ? y : y.add(bias.get(org.nd4j.autodiff.samediff.SDIndex.interval(from, to)));
    }

    /** Applies the layer to a rank-2 input [N, in], giving [N, out]. */
    public SDVariable apply2d(SDVariable x) {
        if (FusedOps.enabled(x.dataType())) {
            return FusedOps.linear(x, weight, bias);
        }
        SDVariable y = sd.mmul(x, weight, false, true, false);
        return bias == null ? y : y.add(bias);
    }

    /** Applies the layer to a rank-3 input [B, L, in], giving [B, L, out]. */
    public SDVariable apply3d(SDVariable x, Shapes shapes) {
        if (FusedOps.enabled(x.dataType())) {
            return FusedOps.linear(x, weight, bias);
        }
        SDVariable flat = sd.reshape(x, -1, in);
        if (bias == null) {
            return shapes.toBatchLength(sd.mmul(flat, weight, false, true, false), out);
        }
        // The bias rides in the product as one more input column: [x, 1] [W, b]ᵀ = x Wᵀ + b. A
        // broadcast add would backpropagate through libnd4j's slow broadcast reduction, and a separate
        // ones[N,1] x b[1,out] product plus an add cost ~4 passes over [N, out]; the widened product
        // costs one column more, and its gradient splits back by slicing.
        SDVariable ones = sd.reshape(shapes.onesColumn(), -1, 1);
        SDVariable widened = sd.concat(1, flat, ones);
        SDVariable weightAndBias = sd.concat(1, weight, sd.reshape(bias, out, 1));
        return shapes.toBatchLength(sd.mmul(widened, weightAndBias, false, true, false), out);
    }
}
