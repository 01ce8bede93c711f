package org.mdlm.engine;

import java.nio.FloatBuffer;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Global-norm gradient clipping as in {@code torch.nn.utils.clip_grad_norm_}: the L2 norm over all
 * gradients together; if it exceeds {@code maxNorm}, every gradient is scaled in place by
 * {@code maxNorm / (norm + 1e-6)}.
 */
final class GradientClipping {

    private GradientClipping() {
    }

    /** The global L2 norm of {@code grads}, summed in iteration order in double precision. */
    static double globalNorm(Iterable<INDArray> grads) {
        double sumSq = 0.0;
        for (INDArray g : grads) {
            double n = g.norm2Number().doubleValue();
            sumSq += n * n;
        }
        return Math.sqrt(sumSq);
    }

    /**
     * Clips in place.
     *
     * @param grads gradients by name (iteration order fixes the summation order)
     * @param maxNorm the largest allowed norm; 0 or less disables clipping
     * @return the norm before clipping
     */
    static double clip(Map<String, INDArray> grads, double maxNorm) {
        double norm = globalNorm(grads.values());
        if (maxNorm > 0.0 && Double.isFinite(norm)) {
            double coef = maxNorm / (norm + 1e-6);
            if (coef < 1.0) {
                for (INDArray g : grads.values()) {
                    g.muli(coef);
                }
            }
        }
        return norm;
    }

    /**
     * Clips one flat buffer holding all gradients in place: the same rule as {@link #clip}, with
     * the squares summed in double in one pass ({@code flat} must not be a view).
     *
     * @return the norm before clipping
     */
    static double clipFlat(INDArray flat, double maxNorm) {
        FloatBuffer g = flat.data().asNioFloat();
        int n = (int) flat.length();
        double sumSq = 0.0;
        for (int i = 0; i < n; i++) {
            double x = g.get(i);
            sumSq += x * x;
        }
        double norm = Math.sqrt(sumSq);
        if (maxNorm > 0.0 && Double.isFinite(norm)) {
            double coef = maxNorm / (norm + 1e-6);
            if (coef < 1.0) {
                float c = (float) coef;
                for (int i = 0; i < n; i++) {
                    g.put(i, g.get(i) * c);
                }
            }
        }
        return norm;
    }
}
