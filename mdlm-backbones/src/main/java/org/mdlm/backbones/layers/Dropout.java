package org.mdlm.backbones.layers;

import org.mdlm.api.model.FeedFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout as a multiplicative mask fed from outside the graph: each entry is 0 with
 * probability p and 1/(1-p) otherwise, drawn from the per-call random source.
 */
public final class Dropout {

    private Dropout() {
    }

    /** Fill function for a mask [B, L, width] in {@code type}. */
    public static FeedFunction mask(double p, int width, DataType type) {
        if (!(p >= 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        double keep = 1.0 / (1.0 - p);
        return (batch, length, rng) -> {
            float[] v = new float[batch * length * width];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble() < p ? 0f : (float) keep;
            }
            return Nd4j.createFromArray(v).reshape(batch, length, width).castTo(type);
        };
    }
}
