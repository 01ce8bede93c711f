package org.mdlm.backbones.caduceus;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.PadMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mamba's causal depthwise convolution along the sequence, per direction and channel:
 * {@code out_t = b + Σ_{i<K} w[i] x_{t-K+1+i}} (zeros before the start), i.e. PyTorch's
 * {@code Conv1d(groups=E, padding=K-1)} cut to the first L outputs.
 *
 * <p>Written as K shifted copies (one zero-padding, K slices) times per-channel weights, each
 * weight row repeated over the positions by an outer product with ones: the kernel is short (4),
 * and it keeps the gradient to plain matrix products and same-shape multiplies.
 */
final class CausalConv {

    private final SameDiff sd;
    private final int directions;
    private final int kernel;
    private final int channels;

    /**
     * @param directions G
     * @param kernel K
     * @param channels E
     */
    CausalConv(SameDiff sd, int directions, int kernel, int channels) {
        this.sd = sd;
        this.directions = directions;
        this.kernel = kernel;
        this.channels = channels;
    }

    /**
     * @param x inputs [G, S, L, E]
     * @param weight [G, E, K]
     * @param bias [G, E]
     * @param ones ones [G, M, 1], M = S·L
     * @return the convolution [G, M, E]
     */
    SDVariable apply(SDVariable x, SDVariable weight, SDVariable bias, SDVariable ones) {
        int g = directions;
        // K-1 zeros in front and one behind, so that every tap is a slice with a negative end
        SDVariable padded = sd.nn.pad(x, sd.constant(Nd4j.createFromArray(new int[][] {
            {0, 0}, {0, 0}, {kernel - 1, 1}, {0, 0}})), PadMode.CONSTANT, 0.0);
        SDVariable sum = repeated(bias, ones, g);
        for (int i = 0; i < kernel; i++) {
            SDVariable tap = padded.get(SDIndex.all(), SDIndex.all(), SDIndex.interval((long) i, (long) i - kernel),
                    SDIndex.all());
            SDVariable w = weight.get(SDIndex.all(), SDIndex.all(), SDIndex.point(i));
            sum = sum.add(sd.reshape(tap, g, -1, channels).mul(repeated(w, ones, g)));
        }
        return sum;
    }

    /** A per-direction row v [G, E] repeated over the M positions: ones [G, M, 1] x v [G, 1, E]. */
    private SDVariable repeated(SDVariable v, SDVariable ones, int g) {
        return sd.mmul(ones, sd.reshape(v, g, 1, channels));
    }
}
