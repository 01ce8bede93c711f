package org.mdlm.process.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exponential moving average of the parameters ("shadow" weights), as in the reference's
 * {@code torch_ema}: at update k (1-based) the decay is {@code d = min(decay, (1 + k) / (10 + k))}
 * and {@code shadow <- shadow - (1 - d) (shadow - param)}.
 */
final class Ema {

    private final double decay;
    private final Map<String, INDArray> shadow = new LinkedHashMap<>();
    private final Map<String, INDArray> scratch = new LinkedHashMap<>();

    /** Starts the average at a copy of {@code params}. */
    Ema(double decay, Map<String, INDArray> params) {
        this.decay = decay;
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            shadow.put(e.getKey(), e.getValue().dup());
            scratch.put(e.getKey(), e.getValue().ulike());
        }
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
        double d = decayAt(decay, k);
        for (Map.Entry<String, INDArray> e : shadow.entrySet()) {
            INDArray s = e.getValue();
            INDArray tmp = scratch.get(e.getKey());
            tmp.assign(s).subi(params.get(e.getKey())).muli(1.0 - d);
            s.subi(tmp);
        }
    }
}
