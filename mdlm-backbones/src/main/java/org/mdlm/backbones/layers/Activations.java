package org.mdlm.backbones.layers;

import org.mdlm.api.kernels.FusedOps;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Activation functions with the exact conventions of the reference implementation. */
public final class Activations {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private Activations() {
    }

    /** SiLU {@code x * sigmoid(x)} (SameDiff calls it swish). */
    public static SDVariable silu(SDVariable x) {
        return x.getSameDiff().nn.swish(x);
    }

    /**
     * Softplus {@code log(1 + exp(x))}, written as {@code relu(x) + log1p(exp(-|x|))} so that no
     * exponential of a large positive number is taken: libnd4j's own softplus overflows to infinity
     * for x above ~88 in float.
     */
    public static SDVariable softplus(SDVariable x) {
        SameDiff sd = x.getSameDiff();
        SDVariable tail = sd.math.log1p(sd.math.exp(sd.math.abs(x).neg()));
        return sd.nn.relu(x, 0.0).add(tail);
    }

    /**
     * GELU, tanh approximation: {@code 0.5 u (1 + tanh(sqrt(2/pi) (u + 0.044715 u^3)))}, computed as
     * the equal {@code u * sigmoid(2 sqrt(2/pi) (u + 0.044715 u^3))}: libnd4j's sigmoid and its
     * derivative are ~40 % cheaper than tanh's, and two elementwise ops fewer are needed. Float32
     * graphs with kernels on get the fused {@link FusedOps#geluTanh} instead.
     */
    public static SDVariable geluTanh(SDVariable u) {
        if (FusedOps.enabled(u.dataType())) {
            return FusedOps.geluTanh(u);
        }
        SDVariable cube = u.mul(u).mul(u);
        SDVariable inner = u.add(cube.mul(0.044715)).mul(2 * SQRT_2_OVER_PI);
        return u.mul(u.getSameDiff().nn.sigmoid(inner));
    }

    /** The same GELU in its textbook form {@code 0.5 u (1 + tanh(...))} (the reference for tests). */
    public static SDVariable geluTanhPlain(SDVariable u) {
        SDVariable cube = u.mul(u).mul(u);
        SDVariable inner = u.add(cube.mul(0.044715)).mul(SQRT_2_OVER_PI);
        SDVariable t = u.getSameDiff().math.tanh(inner);
        return u.mul(t.add(1.0)).mul(0.5);
    }
}
