package org.mdlm.backbones.layers;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Adaptive LayerNorm conditioning: a zero-initialised linear map of the conditioning vector,
 * split into consecutive chunks of the hidden width (shift, scale, gate, ...).
 */
public final class AdaLn {

    private final Linear linear;
    private final int hidden;
    private final int chunks;

    private AdaLn(Linear linear, int hidden, int chunks) {
        this.linear = linear;
        this.hidden = hidden;
        this.chunks = chunks;
    }

    /**
     * Creates {@code prefix.weight} [chunks*hidden, condDim] and {@code prefix.bias}, both zero.
     */
    public static AdaLn create(ParamFactory params, String prefix, int condDim, int hidden, int chunks) {
        return new AdaLn(Linear.create(params, prefix, condDim, chunks * hidden, true, Linear.Init.ZERO),
                hidden, chunks);
    }

    /**
     * Computes the chunks from the conditioning vector c [B, condDim].
     *
     * @return {@code chunks} variables of shape [B, 1, hidden], in the order of the output features
     */
    public SDVariable[] chunks(SDVariable c) {
        // Each chunk from its own rows of the weight: slicing the [B, chunks*H] output instead fails
        // to differentiate at batch size 1 in SameDiff M2.1 (strided_slice_bp).
        SDVariable[] out = new SDVariable[chunks];
        for (int k = 0; k < chunks; k++) {
            out[k] = c.getSameDiff().expandDims(linear.apply2d(c, k * hidden, (k + 1) * hidden), 1);
        }
        return out;
    }

    /** {@code y * (1 + scale) + shift}, with shift and scale [B, 1, H] broadcast over positions. */
    public static SDVariable modulate(SDVariable y, SDVariable shift, SDVariable scale) {
        return y.mul(scale.add(1.0)).add(shift);
    }
}
