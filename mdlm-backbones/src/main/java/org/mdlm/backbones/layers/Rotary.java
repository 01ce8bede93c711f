package org.mdlm.backbones.layers;

import org.mdlm.api.model.FeedFunction;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Non-interleaved rotary position embedding ("rotate halves", GPT-NeoX style) over the whole head
 * dimension D: with {@code a = z[..., :D/2]} and {@code b = z[..., D/2:]},
 * {@code z' = [a cos - b sin, a sin + b cos]}, where {@code theta[s, j] = s / 10000^(2j/D)}.
 *
 * <p>The cos/sin tables [L, D/2] are fed as placeholders, computed outside the graph.
 */
public final class Rotary {

    private static final double BASE = 10000.0;

    private Rotary() {
    }

    /**
     * The angles {@code theta[s, j]} for s = 0..length-1, j = 0..headDim/2-1, with float32 rounding
     * of the inverse frequencies and of the products (as the reference computes them).
     */
    public static float[][] angles(int length, int headDim) {
        int half = headDim / 2;
        float[] invFreq = new float[half];
        for (int j = 0; j < half; j++) {
            float exponent = (float) (2 * j) / (float) headDim;
            invFreq[j] = (float) (1.0 / (float) Math.pow(BASE, exponent));
        }
        float[][] theta = new float[length][half];
        for (int s = 0; s < length; s++) {
            for (int j = 0; j < half; j++) {
                theta[s][j] = (float) s * invFreq[j];
            }
        }
        return theta;
    }

    /** Fill function for the cosine table [L, headDim/2] in {@code type}. */
    public static FeedFunction cosTable(int headDim, DataType type) {
        return (batch, length, rng) -> table(length, headDim, type, true);
    }

    /** Fill function for the sine table [L, headDim/2] in {@code type}. */
    public static FeedFunction sinTable(int headDim, DataType type) {
        return (batch, length, rng) -> table(length, headDim, type, false);
    }

    /**
     * Fill function for the cosine table repeated over batch and heads, [B, heads, L, headDim/2]:
     * multiplying by a table of the query's own shape avoids SameDiff M2.1's slow broadcast-multiply
     * gradient.
     */
    public static FeedFunction cosTable(int heads, int headDim, DataType type) {
        return (batch, length, rng) -> expanded(batch, heads, length, headDim, type, true);
    }

    /** Fill function for the sine table repeated over batch and heads, [B, heads, L, headDim/2]. */
    public static FeedFunction sinTable(int heads, int headDim, DataType type) {
        return (batch, length, rng) -> expanded(batch, heads, length, headDim, type, false);
    }

    /**
     * The table of {@code cos} or sin repeated to [batch, heads, L, headDim/2]: in float32 it is
     * written straight into one native buffer (the same values as {@link #expand}, which costs ~7 ms
     * for the tiny preset's [16, 4, 128, 16]).
     */
    private static org.nd4j.linalg.api.ndarray.INDArray expanded(int batch, int heads, int length, int headDim,
                                                               DataType type, boolean cos) {
        if (type != DataType.FLOAT) {
            return expand(table(length, headDim, type, cos), batch, heads);
        }
        float[][] theta = angles(length, headDim);
        int half = headDim / 2;
        float[] one = new float[length * half];
        for (int s = 0; s < length; s++) {
            for (int j = 0; j < half; j++) {
                double t = theta[s][j];
                one[s * half + j] = (float) (cos ? Math.cos(t) : Math.sin(t));
            }
        }
        org.nd4j.linalg.api.ndarray.INDArray out = Nd4j.createUninitialized(DataType.FLOAT, batch, heads, length, half);
        java.nio.FloatBuffer buf = out.data().asNioFloat();
        for (int r = 0; r < batch * heads; r++) {
            buf.put(r * one.length, one);
        }
        return out;
    }

    static org.nd4j.linalg.api.ndarray.INDArray expand(org.nd4j.linalg.api.ndarray.INDArray t,
                                                       int batch, int heads) {
        long[] s = t.shape();
        return t.reshape(1, 1, s[0], s[1]).broadcast(batch, heads, s[0], s[1]).dup('c');
    }

    static org.nd4j.linalg.api.ndarray.INDArray table(int length, int headDim, DataType type, boolean cos) {
        float[][] theta = angles(length, headDim);
        int half = headDim / 2;
        double[] v = new double[length * half];
        for (int s = 0; s < length; s++) {
            for (int j = 0; j < half; j++) {
                double t = theta[s][j];
                v[s * half + j] = cos ? Math.cos(t) : Math.sin(t);
            }
        }
        return Nd4j.createFromArray(v).reshape(length, half).castTo(type);
    }

    /**
     * Rotates z [..., L, D] (rank 4, positions on axis 2) with tables cos/sin [L, D/2] or, faster,
     * [B, heads, L, D/2].
     */
    public static SDVariable apply(SDVariable z, SDVariable cos, SDVariable sin, int headDim) {
        int half = headDim / 2;
        SDVariable a = z.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.interval(0, half));
        SDVariable b = z.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.interval(half, headDim));
        SDVariable first = a.mul(cos).sub(b.mul(sin));
        SDVariable second = a.mul(sin).add(b.mul(cos));
        return z.getSameDiff().concat(3, first, second);
    }
}
