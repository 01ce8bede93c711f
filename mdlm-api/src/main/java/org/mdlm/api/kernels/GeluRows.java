package org.mdlm.api.kernels;

/**
 * The elementwise work of {@link GeluTanh} and {@link GeluTanhBp} on a row, in one pass: on
 * {@code jdk.incubator.vector} when it is loaded ({@link VectorGeluRows}), else in the scalar
 * loops here. With {@code z = K (u + A u^3)} and {@code s = sigmoid(z)}: {@code y = u s} and
 * {@code du = g (s + u s (1 - s) K (1 + 3 A u^2))}; the exponential is {@link RowMath#exp}'s.
 */
final class GeluRows {

    /** {@code 2 sqrt(2 / pi)}, the factor of z. */
    static final float K = (float) (2 * Math.sqrt(2 / Math.PI));
    /** The cubic coefficient. */
    static final float A = 0.044715f;

    private GeluRows() {
    }

    /** {@code y[i] = gelu(u[i])} for i in [0, n). */
    static void forward(float[] u, float[] y, int n) {
        if (RowMath.vectorized()) {
            VectorGeluRows.forward(u, y, n);
        } else {
            forwardScalar(u, y, n);
        }
    }

    /** {@code du[i] = g[i] * gelu'(u[i])} for i in [0, n) (du may be g). */
    static void backward(float[] u, float[] g, float[] du, int n) {
        if (RowMath.vectorized()) {
            VectorGeluRows.backward(u, g, du, n);
        } else {
            backwardScalar(u, g, du, n);
        }
    }

    /** {@link #forward} in scalar code. */
    static void forwardScalar(float[] u, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = u[i] * sigmoidOfZ(u[i]);
        }
    }

    /** {@link #backward} in scalar code. */
    static void backwardScalar(float[] u, float[] g, float[] du, int n) {
        for (int i = 0; i < n; i++) {
            du[i] = g[i] * derivative(u[i]);
        }
    }

    /** {@code sigmoid(K (v + A v^3))}. */
    static float sigmoidOfZ(float v) {
        float z = (v + v * v * v * A) * K;
        return 1f / (1f + RowMath.exp(-z));
    }

    /** The derivative of gelu at v. */
    static float derivative(float v) {
        float s = sigmoidOfZ(v);
        return s + v * s * (1f - s) * K * (1f + 3 * A * v * v);
    }
}
