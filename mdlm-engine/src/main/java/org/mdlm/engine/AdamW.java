package org.mdlm.engine;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

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
    private final FlatLayout layout;
    private final INDArray mFlat;
    private final INDArray vFlat;
    private final INDArray pFlat;
    private final INDArray gFlat;
    private final List<INDArray> pSlots;
    private final List<INDArray> gSlots;
    private final Map<String, INDArray> m;
    private final Map<String, INDArray> v;
    private long updates;

    /** Creates the optimizer with zero moments for every parameter of {@code params}. */
    AdamW(double beta1, double beta2, double weightDecay, Map<String, INDArray> params) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.layout = new FlatLayout(params);
        this.mFlat = layout.zeros();
        this.vFlat = layout.zeros();
        this.pFlat = layout.zeros();
        this.gFlat = layout.zeros();
        this.pSlots = layout.slots(pFlat);
        this.gSlots = layout.slots(gFlat);
        this.m = layout.views(mFlat);
        this.v = layout.views(vFlat);
    }

    /** The layout of the flat buffers (the parameters' iteration order at construction). */
    FlatLayout layout() {
        return layout;
    }

    /** First moments, by parameter name (live views of one flat buffer). */
    Map<String, INDArray> firstMoments() {
        return m;
    }

    /** Second moments, by parameter name (live views of one flat buffer). */
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
        layout.gather(grads, gSlots);
        stepGathered(params, lr);
    }

    /** The flat gradient buffer that {@link #stepGathered} reads. */
    INDArray flatGradients() {
        return gFlat;
    }

    /** The views of {@link #flatGradients()} in layout order. */
    List<INDArray> gradientSlots() {
        return gSlots;
    }

    /** The flat copy of the parameters after the last step (valid until the next step). */
    INDArray flatParams() {
        return pFlat;
    }

    /**
     * Applies one update to {@code params} from gradients already copied into
     * {@link #flatGradients()}: one pass over flat buffers instead of a dozen ops per parameter.
     */
    void stepGathered(Map<String, INDArray> params, double lr) {
        updates++;
        double bc1 = 1.0 - Math.pow(beta1, updates);
        double bc2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, updates));
        double stepSize = lr / bc1;
        layout.gather(params, pSlots);
        // One pass in Java over the native buffers. Every line is one float operation with the
        // scalar rounded to float, exactly as the ND4J op sequence in the class comment computes
        // it (p*=1-lr*wd; m=m*b1+g*(1-b1); v=v*b2+(g*g)*(1-b2); p-=m/(sqrt(v)/bc2+eps)*step),
        // so the results are bit-identical to it (FusedOptimizerTest).
        FloatBuffer p = pFlat.data().asNioFloat();
        FloatBuffer g = gFlat.data().asNioFloat();
        FloatBuffer mb = mFlat.data().asNioFloat();
        FloatBuffer vb = vFlat.data().asNioFloat();
        float decay = (float) (1.0 - lr * weightDecay);
        boolean decays = weightDecay != 0.0;
        float b1 = (float) beta1;
        float oneMinusB1 = (float) (1.0 - beta1);
        float b2 = (float) beta2;
        float oneMinusB2 = (float) (1.0 - beta2);
        float bc2 = (float) bc2Sqrt;
        float eps = (float) EPS;
        float step = (float) stepSize;
        int n = (int) layout.length();
        for (int i = 0; i < n; i++) {
            float pi = p.get(i);
            if (decays) {
                pi = pi * decay;
            }
            float gi = g.get(i);
            float mi = mb.get(i) * b1 + gi * oneMinusB1;
            float vi = vb.get(i) * b2 + (gi * gi) * oneMinusB2;
            float denom = (float) Math.sqrt(vi) / bc2 + eps;
            pi = pi - (mi / denom) * step;
            mb.put(i, mi);
            vb.put(i, vi);
            p.put(i, pi);
        }
        layout.scatter(pSlots, params);
    }

    private static INDArray require(Map<String, INDArray> map, String name, String what) {
        INDArray a = map.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no " + what + " for parameter '" + name + "'");
        }
        return a;
    }
}
