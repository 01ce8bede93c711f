package org.mdlm.samplers.ancestral;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.samplers.draw.CleanCategorical;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * The mutable state of one ancestral sampling run: the current tokens xt, the random stream, the
 * last denoiser output and the network-call count.
 *
 * <p>Random draws: each step takes exactly one uniform from the stream per masked position, in
 * row-major order, whether or not the denoiser was called, so cached and uncached runs consume
 * the stream identically and, given identical log-probabilities, produce identical tokens.
 *
 * <p>Caching: with {@code cache} on and a denoiser that ignores sigma, log p(x0 | xt) is reused as
 * long as no token changed since it was computed (the same rule as the reference ddpm_cache:
 * a step that changed nothing leaves xt, hence the output, as it was).
 *
 * <p>Shaping: the clean token of an unmasking position is drawn from p(x0 | xt) shaped by the
 * run's {@link DrawShaping} (temperature, top-p); the probability of staying masked is not shaped.
 */
final class AncestralRun {

    private final Denoiser denoiser;
    private final NoiseSchedule schedule;
    private final boolean cache;
    private final int[][] x;
    private final SplittableRandom random;
    private final int maskId;
    private final int vocab;
    private final DrawShaping shaping;
    private LogProbTable last;
    private boolean changedSinceLast = true;
    private int networkCalls;

    /**
     * @param denoiser the model
     * @param schedule the noise schedule
     * @param x the tokens, updated in place (rows of equal length)
     * @param seed the seed of the uniform stream
     * @param cache whether to reuse log p(x0 | xt) while xt is unchanged and the model ignores sigma
     * @param shaping temperature and top-p of the clean-token draws (this run's own instance)
     */
    AncestralRun(Denoiser denoiser, NoiseSchedule schedule, int[][] x, long seed, boolean cache, DrawShaping shaping) {
        this.denoiser = denoiser;
        this.schedule = schedule;
        this.cache = cache;
        this.x = x;
        this.random = new SplittableRandom(seed);
        this.maskId = denoiser.maskId();
        this.vocab = denoiser.vocabSize();
        this.shaping = shaping;
        if (vocab < 2 || maskId < 0 || maskId >= vocab) {
            throw new IllegalArgumentException("denoiser must have vocabSize >= 2 and maskId in [0, vocabSize), got"
                    + " vocabSize " + vocab + " and maskId " + maskId);
        }
        for (int[] row : x) {
            if (row.length != x[0].length) {
                throw new IllegalArgumentException("all rows of xt must have the same length");
            }
        }
    }

    /**
     * Probability that a token masked at time t is still masked at time s &lt; t:
     * (1 - alpha(s)) / (1 - alpha(t)), clamped to [0, 1] (0 when nothing is masked at t).
     */
    static double stayMaskedProbability(NoiseSchedule schedule, double t, double s) {
        double mt = schedule.maskProbability(t);
        double ms = schedule.maskProbability(s);
        if (Double.isNaN(mt) || Double.isNaN(ms)) {
            throw new IllegalStateException("the schedule gave a NaN mask probability at t = " + t + " or s = " + s);
        }
        if (mt <= 0.0) {
            return 0.0;
        }
        return Math.min(1.0, Math.max(0.0, ms / mt));
    }

    /**
     * One reverse step from t to s: each masked token draws one uniform u; it becomes clean token
     * v with probability p'(v | xt) (alpha(s) - alpha(t)) / (1 - alpha(t)), p' being p(x0 | xt)
     * shaped by temperature and top-p, and otherwise stays
     * masked (inverse CDF over [clean tokens in id order..., stay masked]). Unmasked tokens are
     * never touched.
     *
     * @return how many tokens were unmasked
     */
    int step(double t, double s) {
        double unmask = 1.0 - stayMaskedProbability(schedule, t, s);
        LogProbTable p = logProbs(t);
        float[] values = p.values();
        int changed = 0;
        for (int b = 0; b < x.length; b++) {
            int[] row = x[b];
            for (int l = 0; l < row.length; l++) {
                if (row[l] != maskId) {
                    continue;
                }
                double u = random.nextDouble();
                if (u < unmask) {
                    row[l] = shaping.inverseCdf(values, p.offset(b, l), vocab, maskId, u / unmask);
                    changed++;
                }
            }
        }
        if (changed > 0) {
            changedSinceLast = true;
        }
        return changed;
    }

    /**
     * Final noise removal: every position still masked takes the most probable clean token of
     * p(x0 | xt) evaluated at time t (no random draw).
     *
     * @return how many tokens were unmasked
     */
    int removeNoise(double t) {
        LogProbTable p = logProbs(t);
        int changed = 0;
        for (int b = 0; b < x.length; b++) {
            int[] row = x[b];
            for (int l = 0; l < row.length; l++) {
                if (row[l] == maskId) {
                    row[l] = CleanCategorical.argmax(p.values(), p.offset(b, l), vocab, maskId);
                    changed++;
                }
            }
        }
        if (changed > 0) {
            changedSinceLast = true;
        }
        return changed;
    }

    /** Denoiser evaluations so far. */
    int networkCalls() {
        return networkCalls;
    }

    /** The current tokens (the live array). */
    int[][] tokens() {
        return x;
    }

    private LogProbTable logProbs(double t) {
        if (cache && last != null && !changedSinceLast && !denoiser.timeConditioned()) {
            return last;
        }
        double[] sigma = new double[x.length];
        Arrays.fill(sigma, schedule.sigma(t));
        int[][] copy = new int[x.length][];
        for (int b = 0; b < x.length; b++) {
            copy[b] = x[b].clone();
        }
        int length = x.length == 0 ? 0 : x[0].length;
        last = LogProbTable.read(denoiser.evaluate(copy, sigma), x.length, length, vocab);
        networkCalls++;
        changedSinceLast = false;
        return last;
    }
}
