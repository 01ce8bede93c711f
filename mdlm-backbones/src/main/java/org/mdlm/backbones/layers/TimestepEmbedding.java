package org.mdlm.backbones.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Embeds the noise level sigma [B]: sinusoidal features {@code [cos(sigma f_j), sin(sigma f_j)]} with
 * {@code f_j = exp(-ln(10000) j / half)} (cosines first), then Linear, SiLU, Linear (variables
 * {@code prefix.mlp.0.*} and {@code prefix.mlp.2.*}).
 */
public final class TimestepEmbedding {

    private static final double MAX_PERIOD = 10000.0;

    private final SameDiff sd;
    private final DataType type;
    private final int frequencies;
    private final Linear first;
    private final Linear second;

    private TimestepEmbedding(ParamFactory params, int frequencies, Linear first, Linear second) {
        this.sd = params.sd();
        this.type = params.type();
        this.frequencies = frequencies;
        this.first = first;
        this.second = second;
    }

    /** Creates the two linear layers [condDim, frequencies] and [condDim, condDim] with biases. */
    public static TimestepEmbedding create(ParamFactory params, String prefix, int frequencies, int condDim) {
        Linear first = Linear.create(params, prefix + ".mlp.0", frequencies, condDim, true, Linear.Init.DEFAULT);
        Linear second = Linear.create(params, prefix + ".mlp.2", condDim, condDim, true, Linear.Init.DEFAULT);
        return new TimestepEmbedding(params, frequencies, first, second);
    }

    /**
     * The frequencies {@code f_j}, j = 0..half-1, rounded as a float32 computation would round them.
     */
    public static float[] frequencies(int half) {
        float[] f = new float[half];
        float negLog = (float) -Math.log(MAX_PERIOD);
        for (int j = 0; j < half; j++) {
            float exponent = (negLog * (float) j) / (float) half;
            f[j] = (float) Math.exp(exponent);
        }
        return f;
    }

    /** Sinusoidal features [B, frequencies] of sigma [B]. */
    public SDVariable features(SDVariable sigma) {
        int half = frequencies / 2;
        SDVariable freqs = sd.constant(Nd4j.createFromArray(frequencies(half)).castTo(type).reshape(1, half));
        SDVariable args = sd.reshape(sigma, -1, 1).mul(freqs);
        return sd.concat(1, sd.math.cos(args), sd.math.sin(args));
    }

    /** The embedding [B, condDim] of sigma [B] (without the extra SiLU the DiT applies). */
    public SDVariable apply(SDVariable sigma) {
        return second.apply2d(Activations.silu(first.apply2d(features(sigma))));
    }
}
