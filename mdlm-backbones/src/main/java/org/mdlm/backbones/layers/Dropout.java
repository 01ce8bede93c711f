package org.mdlm.backbones.layers;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.mdlm.api.model.FeedFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout as a multiplicative mask fed from outside the graph: each entry is 0 with
 * probability p and 1/(1-p) otherwise, drawn from the per-call random source.
 *
 * <p>Each {@code nextLong()} of the source decides two entries (high 32 bits, then low 32 bits): an
 * entry is dropped when its 32-bit unsigned draw is below {@code floor(p * 2^32)}, so the drop
 * probability is p to within 2^-32. The mask is written straight into the native buffer.
 */
public final class Dropout {

    private static final double TWO_32 = 4294967296.0;

    private Dropout() {
    }

    /** Fill function for a mask [B, L, width] in {@code type}. */
    public static FeedFunction mask(double p, int width, DataType type) {
        if (!(p >= 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        float keep = (float) (1.0 / (1.0 - p));
        long threshold = (long) Math.floor(p * TWO_32);
        return (batch, length, rng) -> {
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, batch, length, width);
            fill(out.data().asNioFloat(), batch * length * width, threshold, keep, rng);
            return type == DataType.FLOAT ? out : out.castTo(type);
        };
    }

    /** Writes {@code n} mask entries to {@code into}, two per 64-bit draw. */
    static void fill(FloatBuffer into, int n, long threshold, float keep, SplittableRandom rng) {
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long r = rng.nextLong();
            into.put(i, (r >>> 32) < threshold ? 0f : keep);
            into.put(i + 1, (r & 0xFFFFFFFFL) < threshold ? 0f : keep);
        }
        if (i < n) {
            into.put(i, (rng.nextLong() >>> 32) < threshold ? 0f : keep);
        }
    }
}
