package org.mdlm.samplers.draw;

/**
 * Temperature and nucleus (top-p) shaping of a clean-token distribution, applied before a draw;
 * the one place where every sampler of this module shapes its draws.
 *
 * <p>Given a row of log-probabilities (or logits, or log scores: only differences matter) with the
 * mask column ignored, the shaped distribution is computed in double precision as follows:
 * <ol>
 *   <li>temperature T: {@code w_v = exp((l_v - max_u l_u) / T)}, i.e. {@code p_v^(1/T)} up to a
 *       constant (below 1 sharpens, above 1 flattens);</li>
 *   <li>top-p: the clean tokens with {@code w_v > 0} are ordered by decreasing weight, ties by
 *       increasing token id; the shortest prefix of that order whose weight reaches
 *       {@code p * (1 - }{@value #TOP_P_SLACK}{@code ) * sum_v w_v} is kept and every other weight is
 *       set to 0 (the slack absorbs the float32 rounding of a denoiser's outputs, so that a p equal
 *       to a sum of the model's probabilities, such as 0.8 = 0.5 + 0.3, keeps exactly those tokens);
 *       p = 1 keeps every token with positive weight and sorts nothing;</li>
 *   <li>the kept weights are renormalised (by their sum in increasing id order).</li>
 * </ol>
 * Temperature is applied before truncation, as in the usual LM sampling code; the nucleus is the
 * same either way, since a temperature does not change the order of the tokens.
 *
 * <p>With temperature 1 and top-p 1 nothing changes: {@link #inverseCdf} then is exactly
 * {@link CleanCategorical#inverseCdf(float[], int, int, int, double)} (the same arithmetic, so the
 * same token for every uniform), and callers skip the shaping altogether when {@link #isIdentity()}.
 *
 * <p>An instance holds scratch buffers for the truncation: use one per sampling run (it is not
 * thread-safe). The config records of the samplers validate their fields with {@link #validate}.
 */
public final class DrawShaping {

    /** Relative slack of the top-p mass comparison (see the class comment). */
    public static final double TOP_P_SLACK = 1e-6;

    private final double temperature;
    private final double topP;
    private double[] weights = new double[0];
    private int[] order = new int[0];
    private int[] merge = new int[0];

    /**
     * @param temperature positive and finite; 1 leaves the distribution as it is
     * @param topP in (0, 1]; 1 keeps every token
     * @throws IllegalArgumentException as {@link #validate}
     */
    public DrawShaping(double temperature, double topP) {
        validate(temperature, topP);
        this.temperature = temperature;
        this.topP = topP;
    }

    /**
     * Checks the two settings as config records name them ({@code temperature}, {@code top_p}).
     *
     * @throws IllegalArgumentException if the temperature is not positive and finite, or top_p is
     *                                  not in (0, 1]
     */
    public static void validate(double temperature, double topP) {
        if (!(temperature > 0.0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        if (!(topP > 0.0 && topP <= 1.0)) {
            throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
        }
    }

    /** The temperature. */
    public double temperature() {
        return temperature;
    }

    /** The nucleus mass p. */
    public double topP() {
        return topP;
    }

    /** True for temperature 1 and top-p 1: the distribution is left as it is. */
    public boolean isIdentity() {
        return temperature == 1.0 && topP == 1.0;
    }

    /**
     * Inverse CDF of the shaped clean distribution over the clean tokens in increasing id order:
     * the first token whose cumulative shaped probability exceeds {@code w}.
     *
     * @param logp flat log-probabilities
     * @param off offset of the row
     * @param vocab row length (including the mask)
     * @param maskId the column to ignore
     * @param w a point in [0, 1)
     * @throws IllegalStateException if the row has a NaN or +inf entry, or no finite mass on clean tokens
     */
    public int inverseCdf(float[] logp, int off, int vocab, int maskId, double w) {
        if (topP >= 1.0) {
            return CleanCategorical.inverseCdf(logp, off, vocab, maskId, w, temperature);
        }
        double[] e = buffer(vocab);
        double z = weights(logp, off, vocab, maskId, e);
        double target = w * z;
        double cumulative = 0.0;
        int last = -1;
        for (int v = 0; v < vocab; v++) {
            if (v != maskId && e[v] > 0.0) {
                cumulative += e[v];
                last = v;
                if (target < cumulative) {
                    return v;
                }
            }
        }
        return last; // rounding left target at the very top: the last kept token
    }

    /**
     * Fills {@code into[0..vocab)} with the shaped clean distribution of one row: non-negative,
     * summing to 1, 0 at the mask and at every token the nucleus drops.
     *
     * @throws IllegalStateException if the row has a NaN or +inf entry, or no finite mass on clean tokens
     */
    public void probabilities(float[] logp, int off, int vocab, int maskId, double[] into) {
        double z = weights(logp, off, vocab, maskId, into);
        for (int v = 0; v < vocab; v++) {
            into[v] /= z;
        }
    }

    /** Shaped, unnormalised weights into {@code into}; returns their sum in increasing id order. */
    private double weights(float[] logp, int off, int vocab, int maskId, double[] into) {
        float max = CleanCategorical.maxClean(logp, off, vocab, maskId);
        for (int v = 0; v < vocab; v++) {
            into[v] = v == maskId ? 0.0 : Math.exp(((double) logp[off + v] - max) / temperature);
        }
        if (topP < 1.0) {
            truncate(into, vocab, maskId);
        }
        double z = 0.0;
        for (int v = 0; v < vocab; v++) {
            z += into[v];
        }
        return z;
    }

    /**
     * Top-p on weights (0 at the mask) in place. Only tokens of weight at least
     * {@code cut = (1 - p) total / vocab} are sorted: together the others weigh less than
     * {@code (1 - p) total}, so the tokens at or above the cut already reach {@code p total} and the
     * nucleus, a prefix of the sorted order, lies among them (when rounding denies it, every token
     * with positive weight is sorted).
     */
    private void truncate(double[] w, int vocab, int maskId) {
        double total = 0.0;
        for (int v = 0; v < vocab; v++) {
            total += w[v];
        }
        double need = topP * total * (1.0 - TOP_P_SLACK);
        double cut = (1.0 - topP) * total / vocab;
        int[] ids = order(vocab);
        int n = 0;
        double mass = 0.0;
        for (int v = 0; v < vocab; v++) {
            if (v != maskId && w[v] > 0.0 && w[v] >= cut) {
                ids[n++] = v;
                mass += w[v];
            }
        }
        double floor = cut;
        if (!(mass >= need)) {
            floor = 0.0;
            n = 0;
            for (int v = 0; v < vocab; v++) {
                if (v != maskId && w[v] > 0.0) {
                    ids[n++] = v;
                }
            }
        }
        sortByDecreasingWeight(ids, n, w);
        int keep = n;
        double cumulative = 0.0;
        for (int i = 0; i < n; i++) {
            cumulative += w[ids[i]];
            if (cumulative >= need) {
                keep = i + 1;
                break;
            }
        }
        for (int v = 0; v < vocab; v++) {
            if (w[v] < floor) {
                w[v] = 0.0;
            }
        }
        for (int i = keep; i < n; i++) {
            w[ids[i]] = 0.0;
        }
    }

    /** Stable merge sort of ids[0..n) (given in increasing id order) by decreasing weight: ties keep id order. */
    private void sortByDecreasingWeight(int[] ids, int n, double[] w) {
        if (merge.length < n) {
            merge = new int[ids.length];
        }
        int[] src = ids;
        int[] dst = merge;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = w[src[j]] > w[src[i]] ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] swap = src;
            src = dst;
            dst = swap;
        }
        if (src != ids) {
            System.arraycopy(src, 0, ids, 0, n);
        }
    }

    private double[] buffer(int vocab) {
        if (weights.length < vocab) {
            weights = new double[vocab];
        }
        return weights;
    }

    private int[] order(int vocab) {
        if (order.length < vocab) {
            order = new int[vocab];
            merge = new int[vocab];
        }
        return order;
    }

    @Override
    public String toString() {
        return "DrawShaping[temperature=" + temperature + ", top_p=" + topP + "]";
    }
}
