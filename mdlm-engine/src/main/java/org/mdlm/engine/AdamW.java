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
 *
 * <p>Lazy rows: {@link #stepGathered(Map, double, Map)} may name tables (row-lookup embeddings) with
 * the rows a step looked up. Only those rows are decayed and updated, and only their moments move;
 * every other row of such a table keeps its value and its moments (TensorFlow's LazyAdam). The bias
 * corrections still use the global update count. When every row is looked up the result is the
 * dense update, bit for bit.
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
        stepGathered(params, lr, Map.of());
    }

    /**
     * As {@link #stepGathered(Map, double)}, updating only the listed rows of the tables in
     * {@code lazyRows} (table name -> looked-up rows, one flag per row of its first axis).
     *
     * @throws IllegalArgumentException if a table is unknown or its flags do not match its rows
     */
    void stepGathered(Map<String, INDArray> params, double lr, Map<String, boolean[]> lazyRows) {
        List<String> names = layout.names();
        checkLazyRows(names, lazyRows);
        updates++;
        double bc1 = 1.0 - Math.pow(beta1, updates);
        double bc2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, updates));
        layout.gather(params, pSlots);
        Kernel k = new Kernel(lr, bc2Sqrt, lr / bc1);
        int start = 0;
        for (int i = 0; i < names.size(); i++) {
            boolean[] rows = lazyRows.get(names.get(i));
            if (rows == null) {
                continue;
            }
            int from = (int) layout.offset(i);
            int size = (int) layout.size(i);
            k.update(start, from);
            int width = size / rows.length;
            for (int r = 0; r < rows.length; r++) {
                if (rows[r]) {
                    k.update(from + r * width, from + (r + 1) * width);
                }
            }
            start = from + size;
        }
        k.update(start, (int) layout.length());
        layout.scatter(pSlots, params);
    }

    /** Refuses lazy rows of an unknown table or of the wrong count before anything is updated. */
    private void checkLazyRows(List<String> names, Map<String, boolean[]> lazyRows) {
        for (Map.Entry<String, boolean[]> e : lazyRows.entrySet()) {
            int i = names.indexOf(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("lazy rows for unknown parameter '" + e.getKey() + "'");
            }
            int size = (int) layout.size(i);
            int flags = e.getValue().length;
            if (flags == 0 || size % flags != 0) {
                throw new IllegalArgumentException("lazy rows of '" + e.getKey() + "': " + flags + " flags for "
                        + size + " elements");
            }
        }
    }

    /**
     * The update of one range of the flat buffers. Every line is one float operation with the scalar
     * rounded to float, exactly as the ND4J op sequence in the class comment computes it
     * (p*=1-lr*wd; m=m*b1+g*(1-b1); v=v*b2+(g*g)*(1-b2); p-=m/(sqrt(v)/bc2+eps)*step), so the
     * results are bit-identical to it (FusedOptimizerTest).
     */
    private final class Kernel {
        private final FloatBuffer p = pFlat.data().asNioFloat();
        private final FloatBuffer g = gFlat.data().asNioFloat();
        private final FloatBuffer mb = mFlat.data().asNioFloat();
        private final FloatBuffer vb = vFlat.data().asNioFloat();
        private final float decay;
        private final boolean decays = weightDecay != 0.0;
        private final float b1 = (float) beta1;
        private final float oneMinusB1 = (float) (1.0 - beta1);
        private final float b2 = (float) beta2;
        private final float oneMinusB2 = (float) (1.0 - beta2);
        private final float bc2;
        private final float eps = (float) EPS;
        private final float step;

        Kernel(double lr, double bc2Sqrt, double stepSize) {
            this.decay = (float) (1.0 - lr * weightDecay);
            this.bc2 = (float) bc2Sqrt;
            this.step = (float) stepSize;
        }

        void update(int from, int to) {
            for (int i = from; i < to; i++) {
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
