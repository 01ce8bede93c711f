package org.mdlm.api.kernels;

/**
 * The per-position work of {@link ModulatedLayerNorm} and {@link ModulatedLayerNormBp} on one row
 * of H features, on {@code jdk.incubator.vector} when it is loaded ({@link VectorLayerNormRows}),
 * else in the scalar loops here. Mean and variance are taken in two passes (the variance of the
 * centred values), {@code rstd = 1 / sqrt(var + eps)}, {@code xhat = (x - mean) * rstd}.
 */
final class LayerNormRows {

    private LayerNormRows() {
    }

    /**
     * {@code y = xhat * gain[at + i] + shift[at + i]} for the row {@code x[0, h)}.
     *
     * @param gain per-sequence gains, this row's sequence at {@code at}
     * @param shift per-sequence shifts, likewise
     */
    static void forward(float[] x, float[] gain, float[] shift, int at, int h, float eps, float[] y) {
        if (RowMath.vectorized()) {
            VectorLayerNormRows.forward(x, gain, shift, at, h, eps, y);
        } else {
            forwardScalar(x, gain, shift, at, h, eps, y);
        }
    }

    /**
     * The row's input gradient and its terms of the per-sequence sums: with {@code d = g * gain},
     * {@code dx = rstd * (d - mean(d) - xhat * mean(d * xhat))}; {@code gSum += g}, {@code gxSum += g * xhat}.
     * {@code x} is overwritten (by xhat).
     *
     * @param gain per-sequence gains, this row's sequence at {@code at}
     */
    static void backward(float[] x, float[] g, float[] gain, int at, int h, float eps, float[] dx, float[] gSum,
                         float[] gxSum) {
        if (RowMath.vectorized()) {
            VectorLayerNormRows.backward(x, g, gain, at, h, eps, dx, gSum, gxSum);
        } else {
            backwardScalar(x, g, gain, at, h, eps, dx, gSum, gxSum);
        }
    }

    /** {@link #forward} in scalar code. */
    static void forwardScalar(float[] x, float[] gain, float[] shift, int at, int h, float eps, float[] y) {
        float mean = mean(x, h);
        float rstd = rstd(x, mean, h, eps);
        for (int i = 0; i < h; i++) {
            y[i] = (x[i] - mean) * rstd * gain[at + i] + shift[at + i];
        }
    }

    /** {@link #backward} in scalar code. */
    static void backwardScalar(float[] x, float[] g, float[] gain, int at, int h, float eps, float[] dx, float[] gSum,
                               float[] gxSum) {
        float mean = mean(x, h);
        float rstd = rstd(x, mean, h, eps);
        float sumD = 0f;
        float sumDx = 0f;
        for (int i = 0; i < h; i++) {
            float xh = (x[i] - mean) * rstd;
            float d = g[i] * gain[at + i];
            x[i] = xh;
            dx[i] = d;
            gSum[i] += g[i];
            gxSum[i] += g[i] * xh;
            sumD += d;
            sumDx += d * xh;
        }
        float meanD = sumD / h;
        float meanDx = sumDx / h;
        for (int i = 0; i < h; i++) {
            dx[i] = rstd * (dx[i] - meanD - x[i] * meanDx);
        }
    }

    private static float mean(float[] x, int h) {
        float s = 0f;
        for (int i = 0; i < h; i++) {
            s += x[i];
        }
        return s / h;
    }

    private static float rstd(float[] x, float mean, int h, float eps) {
        float s = 0f;
        for (int i = 0; i < h; i++) {
            float c = x[i] - mean;
            s += c * c;
        }
        return 1f / (float) Math.sqrt(s / h + eps);
    }
}
