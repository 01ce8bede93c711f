package org.mdlm.samplers.analytic;

import java.util.SplittableRandom;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * One step of the analytic sampler (SEDD's analytic predictor for the absorbing process): the
 * transition probabilities of a masked position, and their draw over a batch.
 *
 * <p>Scores. At a masked position, {@code s_v} for a clean token v is the concrete score
 * p_t(x with x_i = v) / p_t(x); the mask's own entry is {@code s_mask = 1} by definition (the
 * mask column of the output is ignored). It is read from
 * <ul>
 *   <li>{@link DenoiserOutputKind#LOG_SCORE_RATIOS}: {@code s_v = exp(out_v)};</li>
 *   <li>{@link DenoiserOutputKind#CLEAN_LOG_PROBS}: the implied score
 *       {@code s_v = p(x0 = v | x_t) / expm1(sigma(t))}, with p the clean part of the output
 *       renormalised (as the ancestral samplers read it), so {@code sum_v s_v = 1 / expm1(sigma(t))}.</li>
 * </ul>
 *
 * <p>Transition from t to s &lt; t, with {@code dsigma = sigma(t) - sigma(s)}: the staggered score
 * times the transposed transition,
 * <pre>
 *   w_v    = s_v * (exp(dsigma) - 1)                                          (v != mask)
 *   w_mask = exp(dsigma) * s_mask + (1 - exp(dsigma)) * sum_over_all_columns(s)
 *          = 1 - expm1(dsigma) * sum_{v != mask} s_v                          (s_mask = 1)
 * </pre>
 * The weights sum to 1 by construction; a negative {@code w_mask} is clipped to 0 and the clean
 * weights are then renormalised. With exact scores this is the ancestral transition: a masked token
 * unmasks to v with probability p(v) (alpha(s) - alpha(t)) / (1 - alpha(t)) and stays masked with
 * (1 - alpha(s)) / (1 - alpha(t)). The computation is done in double precision and in log space
 * ({@code log expm1(dsigma) + log sum s}), so it neither overflows for large sigma nor cancels for
 * small dsigma.
 *
 * <p>The final denoising step (to t = 0) keeps only the clean weights: {@code w_v / sum w}, i.e.
 * the clean tokens in proportion to their scores.
 *
 * <p>Shaping: temperature and top-p ({@link DrawShaping}) act on the implied clean distribution
 * {@code s_v / sum_u s_u} (the clean weights normalised), which is then scaled back by the step's
 * unmasking probability {@code sum_{v != mask} w_v}; so the probability of staying masked is the
 * unshaped one, and only which clean token a position unmasks to is shaped. Identity shaping
 * (temperature 1, top-p 1) leaves every number as it was.
 *
 * <p>Draws: one uniform per masked position, in row-major order, by inverse CDF over
 * [clean tokens in increasing id order..., stay masked] (the order the ancestral samplers use).
 * Positions not holding the mask id are never touched.
 */
final class AnalyticStep {

    private AnalyticStep() {
    }

    /**
     * Fills {@code into} with the transition probabilities of one masked position from t to s.
     *
     * @param kind how to read the row (log score ratios or clean-token log-probs)
     * @param values flat denoiser output
     * @param off offset of the position's row
     * @param vocab row length, including the mask
     * @param maskId the mask's column
     * @param sigmaT sigma(t), positive
     * @param dsigma sigma(t) - sigma(s), not negative
     * @param shaping temperature and top-p of the clean part
     * @param into receives V probabilities (non-negative, summing to 1); {@code into[maskId]} is the
     *             probability of staying masked
     * @throws IllegalStateException if the row has a NaN or +inf entry, no clean token with finite
     *                               score, or the sigmas give no valid probability
     */
    static void transitionRow(DenoiserOutputKind kind, float[] values, int off, int vocab, int maskId,
            double sigmaT, double dsigma, DrawShaping shaping, double[] into) {
        if (!(dsigma >= 0.0) || !(sigmaT >= dsigma)) {
            throw new IllegalStateException("the schedule gave sigma(t) = " + sigmaT + " and sigma(t) - sigma(s) = "
                    + dsigma + ": sigma must be non-decreasing in t and not negative");
        }
        double logScoreSum = cleanPart(values, off, vocab, maskId, into); // into: clean part normalised
        shape(values, off, vocab, maskId, shaping, into);
        if (kind == DenoiserOutputKind.CLEAN_LOG_PROBS) {
            logScoreSum = -logExpm1(sigmaT); // sum_v p(v) / expm1(sigma(t)) with p normalised
        } else if (kind != DenoiserOutputKind.LOG_SCORE_RATIOS) {
            throw new IllegalArgumentException("the analytic sampler cannot read " + kind.label());
        }
        double logUnmask = logExpm1(dsigma) + logScoreSum; // log of sum_{v != mask} w_v
        if (Double.isNaN(logUnmask)) {
            throw new IllegalStateException("no transition probability for sigma(t) = " + sigmaT + ", dsigma = "
                    + dsigma + " and log sum of scores " + logScoreSum);
        }
        double unmask = logUnmask >= 0.0 ? 1.0 : Math.exp(logUnmask); // w_mask < 0 clipped to 0
        for (int v = 0; v < vocab; v++) {
            into[v] *= unmask;
        }
        into[maskId] = 1.0 - unmask;
    }

    /**
     * Fills {@code into} with the final step's probabilities: the clean weights renormalised (the
     * clean tokens in proportion to their scores, the same for both output kinds), shaped, 0 at the mask.
     *
     * @throws IllegalStateException if the row has a NaN or +inf entry or no clean token with finite score
     */
    static void cleanRow(float[] values, int off, int vocab, int maskId, DrawShaping shaping, double[] into) {
        cleanPart(values, off, vocab, maskId, into);
        shape(values, off, vocab, maskId, shaping, into);
    }

    /** Replaces the normalised clean part in {@code into} by its shaped version; identity shaping touches nothing. */
    private static void shape(float[] values, int off, int vocab, int maskId, DrawShaping shaping, double[] into) {
        if (!shaping.isIdentity()) {
            shaping.probabilities(values, off, vocab, maskId, into);
        }
    }

    /**
     * Inverse CDF over [clean tokens in increasing id order..., mask]: the first outcome whose
     * cumulative probability exceeds {@code u}.
     *
     * @param row probabilities from {@link #transitionRow} or {@link #cleanRow}
     * @param u a point in [0, 1)
     */
    static int draw(double[] row, int maskId, double u) {
        double cumulative = 0.0;
        int last = -1;
        for (int v = 0; v < row.length; v++) {
            if (v == maskId || row[v] <= 0.0) {
                continue;
            }
            cumulative += row[v];
            last = v;
            if (u < cumulative) {
                return v;
            }
        }
        // u is past the clean mass: stay masked, or (rounding at the very top) the last clean token
        return row[maskId] > 0.0 || last < 0 ? maskId : last;
    }

    /**
     * One reverse step over a batch: every masked position draws one uniform and moves by
     * {@link #transitionRow}; other positions are not touched.
     *
     * @param x tokens [B][L], updated in place
     * @param out the denoiser's output at sigma(t) on x
     * @param shaping temperature and top-p of the clean part
     * @return how many tokens were unmasked
     */
    static int step(int[][] x, DenoiserOutput out, int maskId, double sigmaT, double dsigma, DrawShaping shaping,
            SplittableRandom random) {
        return apply(x, out, maskId, sigmaT, dsigma, shaping, random, false);
    }

    /**
     * The final denoising step: every still-masked position draws a clean token from
     * {@link #cleanRow} (one uniform each); other positions are not touched.
     *
     * @param x tokens [B][L], updated in place
     * @param out the denoiser's output at sigma(eps) on x
     * @param shaping temperature and top-p of the clean draw
     * @return how many tokens were unmasked
     */
    static int denoise(int[][] x, DenoiserOutput out, int maskId, DrawShaping shaping, SplittableRandom random) {
        return apply(x, out, maskId, 0.0, 0.0, shaping, random, true);
    }

    private static int apply(int[][] x, DenoiserOutput out, int maskId, double sigmaT, double dsigma,
            DrawShaping shaping, SplittableRandom random, boolean last) {
        int length = x.length == 0 ? 0 : x[0].length;
        if (out == null) {
            throw new IllegalStateException("the denoiser returned null");
        }
        if (out.batch() != x.length || out.length() != length || maskId >= out.vocab()) {
            throw new IllegalStateException("the denoiser returned an output of shape [" + out.batch() + ", "
                    + out.length() + ", " + out.vocab() + "] for a batch of " + x.length + " x " + length);
        }
        int vocab = out.vocab();
        float[] values = out.values();
        double[] row = new double[vocab];
        int changed = 0;
        for (int b = 0; b < x.length; b++) {
            int[] tokens = x[b];
            for (int l = 0; l < tokens.length; l++) {
                if (tokens[l] != maskId) {
                    continue;
                }
                int off = (b * length + l) * vocab;
                if (last) {
                    cleanRow(values, off, vocab, maskId, shaping, row);
                } else {
                    transitionRow(out.kind(), values, off, vocab, maskId, sigmaT, dsigma, shaping, row);
                }
                int next = draw(row, maskId, random.nextDouble());
                if (next != maskId) {
                    tokens[l] = next;
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * Writes the clean part of a row, exp(values - max) renormalised, into {@code into} (0 at the
     * mask) and returns log sum_{v != mask} exp(values_v).
     */
    private static double cleanPart(float[] values, int off, int vocab, int maskId, double[] into) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            if (v == maskId) {
                continue;
            }
            float value = values[off + v];
            if (Float.isNaN(value) || value == Float.POSITIVE_INFINITY) {
                throw new IllegalStateException("the denoiser returned " + value + " for token " + v);
            }
            max = Math.max(max, value);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("the denoiser gave no clean token a finite score");
        }
        double z = 0.0;
        for (int v = 0; v < vocab; v++) {
            double e = v == maskId ? 0.0 : Math.exp(values[off + v] - max);
            into[v] = e;
            z += e;
        }
        for (int v = 0; v < vocab; v++) {
            into[v] /= z;
        }
        return max + Math.log(z);
    }

    /** log(expm1(x)) for x &gt;= 0, accurate for small x and finite for large x (-inf at 0, +inf at +inf). */
    static double logExpm1(double x) {
        return x == Double.POSITIVE_INFINITY ? x : x + Math.log(-Math.expm1(-x));
    }
}
