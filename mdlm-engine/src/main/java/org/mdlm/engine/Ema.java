package org.mdlm.engine;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exponential moving average of the parameters ("shadow" weights), as in the reference's
 * {@code torch_ema}: at update k (1-based) the decay is {@code d = min(decay, (1 + k) / (10 + k))}
 * and {@code shadow <- shadow - (1 - d) (shadow - param)}.
 */
final class Ema {

    private final double decay;
    private final FlatLayout layout;
    private final INDArray shadowFlat;
    private final INDArray paramFlat;
    private final List<INDArray> paramSlots;
    private final Map<String, INDArray> shadow;

    /** Starts the average at a copy of {@code params}. */
    Ema(double decay, Map<String, INDArray> params) {
        this.decay = decay;
        this.layout = new FlatLayout(params);
        this.shadowFlat = layout.zeros();
        this.paramFlat = layout.zeros();
        this.paramSlots = layout.slots(paramFlat);
        this.shadow = layout.views(shadowFlat);
        layout.gather(params, layout.slots(shadowFlat));
    }

    /** The decay used by update {@code k} (1-based). */
    static double decayAt(double decay, long k) {
        return Math.min(decay, (1.0 + k) / (10.0 + k));
    }

    /** The shadow weights by name (live arrays). */
    Map<String, INDArray> weights() {
        return shadow;
    }

    /** Replaces the shadow weights (e.g. from a checkpoint). */
    void restore(Map<String, INDArray> values) {
        for (Map.Entry<String, INDArray> e : shadow.entrySet()) {
            INDArray v = values.get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException("no EMA value for parameter '" + e.getKey() + "'");
            }
            e.getValue().assign(v);
        }
    }

    /** Applies update {@code k} (1-based) from the current {@code params}. */
    void update(Map<String, INDArray> params, long k) {
        layout.gather(params, paramSlots);
        updateFlat(paramFlat, k);
    }

    /**
     * Applies update {@code k} (1-based) from the parameters laid out flat as this average's layout
     * (e.g. {@link AdamW#flatParams()} when both were made from the same map): one pass over the flat buffers.
     */
    void updateFlat(INDArray params, long k) {
        // s - (s - p) * (1 - d), one float operation at a time as the ND4J ops computed it.
        float oneMinusD = (float) (1.0 - decayAt(decay, k));
        FloatBuffer s = shadowFlat.data().asNioFloat();
        FloatBuffer p = params.data().asNioFloat();
        int n = (int) layout.length();
        for (int i = 0; i < n; i++) {
            float si = s.get(i);
            s.put(i, si - (si - p.get(i)) * oneMinusD);
        }
    }
}
