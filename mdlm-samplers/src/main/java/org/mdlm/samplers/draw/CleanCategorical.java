package org.mdlm.samplers.draw;

/**
 * The distribution over clean tokens at one position, read from a row of log-probabilities.
 *
 * <p>The mask column is ignored (treated as probability 0) and the remaining probabilities are
 * renormalised, so the row may also hold unnormalised logits. SUBS already gives the mask zero
 * probability, so for it the renormalisation changes nothing beyond rounding. The draw is in double
 * precision; a temperature T divides the log-probabilities first (p^(1/T), renormalised). Shared by
 * the samplers of this module (the package is not exported); {@link DrawShaping} adds top-p on top
 * of these draws and falls back to them when it truncates nothing.
 */
public final class CleanCategorical {

    private CleanCategorical() {
    }

    /**
     * Inverse CDF over the clean tokens in increasing id order: returns the first token whose
     * cumulative renormalised probability exceeds {@code w}.
     *
     * @param logp flat log-probabilities
     * @param off offset of the row
     * @param vocab row length (including the mask)
     * @param maskId the column to ignore
     * @param w a point in [0, 1)
     * @throws IllegalStateException if the row has no finite mass on clean tokens
     */
    public static int inverseCdf(float[] logp, int off, int vocab, int maskId, double w) {
        return inverseCdf(logp, off, vocab, maskId, w, 1.0);
    }

    /**
     * The same inverse CDF over {@code p^(1/temperature)}, renormalised over the clean tokens
     * (temperature 1 gives exactly {@link #inverseCdf(float[], int, int, int, double)}).
     *
     * @param temperature positive; below 1 sharpens, above 1 flattens
     * @throws IllegalStateException if the row has no finite mass on clean tokens
     */
    public static int inverseCdf(float[] logp, int off, int vocab, int maskId, double w, double temperature) {
        float max = maxClean(logp, off, vocab, maskId);
        double z = 0.0;
        for (int v = 0; v < vocab; v++) {
            if (v != maskId) {
                z += Math.exp(((double) logp[off + v] - max) / temperature);
            }
        }
        double target = w * z;
        double cumulative = 0.0;
        int last = -1;
        for (int v = 0; v < vocab; v++) {
            if (v == maskId) {
                continue;
            }
            double e = Math.exp(((double) logp[off + v] - max) / temperature);
            if (e > 0.0) {
                cumulative += e;
                last = v;
                if (target < cumulative) {
                    return v;
                }
            }
        }
        return last; // rounding left target at the very top: the last token with mass
    }

    /**
     * The most probable clean token (lowest id on ties).
     *
     * @throws IllegalStateException if the row has no finite mass on clean tokens
     */
    public static int argmax(float[] logp, int off, int vocab, int maskId) {
        float max = maxClean(logp, off, vocab, maskId);
        for (int v = 0; v < vocab; v++) {
            if (v != maskId && logp[off + v] == max) {
                return v;
            }
        }
        throw new IllegalStateException("unreachable: no clean token reaches the maximum " + max);
    }

    /**
     * The model's probability of clean token {@code v} at one position: exp(logp_v) renormalised over
     * the clean tokens (the mask column ignored), in double precision; no temperature, no truncation.
     *
     * @param v a clean token id (not the mask)
     * @throws IllegalStateException if the row has no finite mass on clean tokens
     * @throws IllegalArgumentException if {@code v} is the mask or outside the row
     */
    public static double probability(float[] logp, int off, int vocab, int maskId, int v) {
        if (v < 0 || v >= vocab || v == maskId) {
            throw new IllegalArgumentException("token " + v + " is not a clean token of a row of " + vocab
                    + " with mask " + maskId);
        }
        float max = maxClean(logp, off, vocab, maskId);
        double z = 0.0;
        for (int u = 0; u < vocab; u++) {
            if (u != maskId) {
                z += Math.exp((double) logp[off + u] - max);
            }
        }
        return Math.exp((double) logp[off + v] - max) / z;
    }

    /**
     * The largest clean entry of a row.
     *
     * @throws IllegalStateException if an entry is NaN or +inf, or no clean entry is finite
     */
    static float maxClean(float[] logp, int off, int vocab, int maskId) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            if (v == maskId) {
                continue;
            }
            float x = logp[off + v];
            if (Float.isNaN(x) || x == Float.POSITIVE_INFINITY) {
                throw new IllegalStateException("the denoiser returned log p = " + x + " for token " + v);
            }
            if (x > max) {
                max = x;
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            throw new IllegalStateException("the denoiser gave no probability to any clean token");
        }
        return max;
    }
}
