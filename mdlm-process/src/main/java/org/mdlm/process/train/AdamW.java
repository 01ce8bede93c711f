package org.mdlm.process.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * AdamW with PyTorch semantics, updating parameter arrays in place:
 * <pre>
 *   p <- p * (1 - lr * wd)                        (decoupled weight decay)
 *   m <- b1 m + (1 - b1) g ;  v <- b2 v + (1 - b2) g^2
 *   p <- p - lr / (1 - b1^k) * m / (sqrt(v) / sqrt(1 - b2^k) + eps)     (k = update count, 1-based)
 * </pre>
 * The moment arrays are part of a checkpoint; the update count equals the number of completed steps.
 */
final class AdamW {

    /** PyTorch's default epsilon. */
    static final double EPS = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();
    private final Map<String, INDArray> scratch = new LinkedHashMap<>();
    private long updates;

    /** Creates the optimizer with zero moments for every parameter of {@code params}. */
    AdamW(double beta1, double beta2, double weightDecay, Map<String, INDArray> params) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            m.put(e.getKey(), e.getValue().ulike());
            v.put(e.getKey(), e.getValue().ulike());
            scratch.put(e.getKey(), e.getValue().ulike());
        }
        m.values().forEach(a -> a.assign(0));
        v.values().forEach(a -> a.assign(0));
    }

    /** First moments, by parameter name (live arrays). */
    Map<String, INDArray> firstMoments() {
        return m;
    }

    /** Second moments, by parameter name (live arrays). */
    Map<String, INDArray> secondMoments() {
        return v;
    }

    /** Number of updates applied so far. */
    long updates() {
        return updates;
    }

    /** Restores moments and the update count (e.g. from a checkpoint). */
    void restore(Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments, long updateCount) {
        for (String n : m.keySet()) {
            m.get(n).assign(require(firstMoments, n, "first moment"));
            v.get(n).assign(require(secondMoments, n, "second moment"));
        }
        this.updates = updateCount;
    }

    /** Applies one update to {@code params} (in place) from {@code grads} at learning rate {@code lr}. */
    void step(Map<String, INDArray> params, Map<String, INDArray> grads, double lr) {
        updates++;
        double bc1 = 1.0 - Math.pow(beta1, updates);
        double bc2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, updates));
        double stepSize = lr / bc1;
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            String n = e.getKey();
            INDArray p = e.getValue();
            INDArray g = require(grads, n, "gradient");
            INDArray mi = m.get(n);
            INDArray vi = v.get(n);
            INDArray tmp = scratch.get(n);
            if (weightDecay != 0.0) {
                p.muli(1.0 - lr * weightDecay);
            }
            tmp.assign(g).muli(1.0 - beta1);
            mi.muli(beta1).addi(tmp);
            tmp.assign(g).muli(g).muli(1.0 - beta2);
            vi.muli(beta2).addi(tmp);
            tmp.assign(vi);
            Transforms.sqrt(tmp, false);
            tmp.divi(bc2Sqrt).addi(EPS);
            tmp.rdivi(mi).muli(stepSize);
            p.subi(tmp);
        }
    }

    private static INDArray require(Map<String, INDArray> map, String name, String what) {
        INDArray a = map.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no " + what + " for parameter '" + name + "'");
        }
        return a;
    }
}
