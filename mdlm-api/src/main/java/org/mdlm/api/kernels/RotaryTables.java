package org.mdlm.api.kernels;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cosine and sine tables of a rotary embedding, and the rotation itself ("rotate halves"): with
 * {@code a = z[:D/2]} and {@code b = z[D/2:]}, {@code z' = [a cos - b sin, a sin + b cos]}; its
 * transpose takes the gradient back, {@code da = g1 cos + g2 sin}, {@code db = -g1 sin + g2 cos}.
 * The tables are [L, D/2], shared by every sequence and head, or [B, nh, L, D/2]. The loops run on
 * {@link VectorRotary} when {@link RowMath#vectorized()}, with the same roundings.
 */
final class RotaryTables {

    private static final boolean VECTOR = RowMath.vectorized();

    private final float[] cos;
    private final float[] sin;
    private final boolean perHead;
    private final HeadLayout layout;
    private final int half;

    /**
     * Reads the tables for tensors of {@code layout}.
     *
     * @throws IllegalArgumentException if the tables' shapes do not fit the layout, or D is odd
     */
    RotaryTables(String op, INDArray cos, INDArray sin, HeadLayout layout) {
        if (layout.headDim % 2 != 0) {
            throw new IllegalArgumentException(op + ": the head width must be even for rotary halves, got "
                    + layout.headDim);
        }
        this.layout = layout;
        this.half = layout.headDim / 2;
        long[] small = {layout.length, half};
        long[] full = {layout.batch, layout.heads, layout.length, half};
        perHead = cos.rank() == 4;
        long[] want = perHead ? full : small;
        if (!Arrays.equals(cos.shape(), want) || !Arrays.equals(sin.shape(), want)) {
            throw new IllegalArgumentException(op + ": the cos and sin tables must be " + Arrays.toString(small)
                    + " or " + Arrays.toString(full) + ", got " + Arrays.toString(cos.shape()) + " and "
                    + Arrays.toString(sin.shape()));
        }
        this.cos = NativeFloats.in(cos).toArray();
        this.sin = NativeFloats.in(sin).toArray();
    }

    /** Where the table row for position {@code l} of sequence {@code b} and head {@code h} starts. */
    int offset(int b, int h, int l) {
        return perHead ? ((b * layout.heads + h) * layout.length + l) * half : l * half;
    }

    /** Writes the rotation of {@code src[s, s + D)} to {@code dst[d, d + D)}, with the table row at {@code t}. */
    void rotate(float[] src, int s, float[] dst, int d, int t) {
        if (VECTOR) {
            VectorRotary.rotate(src, s, cos, sin, t, dst, d, half);
        } else {
            rotate(src, s, cos, sin, t, dst, d, half, 0);
        }
    }

    /** Writes the transposed rotation of the gradient {@code g[s, s + D)} to {@code dst[d, d + D)}. */
    void unrotate(float[] g, int s, float[] dst, int d, int t) {
        if (VECTOR) {
            VectorRotary.unrotate(g, s, cos, sin, t, dst, d, half);
        } else {
            unrotate(g, s, cos, sin, t, dst, d, half, 0);
        }
    }

    /**
     * The scalar rotation of pairs {@code j = from .. half-1}: {@code a = src[s + j]}, {@code b = src[s + half + j]}
     * against {@code cos[t + j]}, {@code sin[t + j]}, written to {@code dst[d + j]} and {@code dst[d + half + j]}.
     */
    static void rotate(float[] src, int s, float[] cos, float[] sin, int t, float[] dst, int d, int half, int from) {
        for (int j = from; j < half; j++) {
            float a = src[s + j];
            float b = src[s + half + j];
            float c = cos[t + j];
            float n = sin[t + j];
            dst[d + j] = a * c - b * n;
            dst[d + half + j] = a * n + b * c;
        }
    }

    /** The scalar transposed rotation of pairs {@code j = from .. half-1}, laid out as in {@link #rotate}. */
    static void unrotate(float[] g, int s, float[] cos, float[] sin, int t, float[] dst, int d, int half, int from) {
        for (int j = from; j < half; j++) {
            float g1 = g[s + j];
            float g2 = g[s + half + j];
            float c = cos[t + j];
            float n = sin[t + j];
            dst[d + j] = g1 * c + g2 * n;
            dst[d + half + j] = g2 * c - g1 * n;
        }
    }
}
