package org.mdlm.samplers.ancestral;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.samplers.draw.CleanCategorical;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * The mutable state of one ancestral sampling run: the current tokens xt, the random stream, the
 * log-prob table the draws read (per row, the last evaluation of that row), which rows changed
 * since their evaluation, and the counts of network calls and row evaluations.
 *
 * <p>Random draws: each step takes exactly one uniform from the stream per masked position, in
 * row-major order, whether or not the denoiser was called, so cached and uncached runs consume
 * the stream identically and, given identical log-probabilities, produce identical tokens.
 *
 * <p>Caching, per row: with {@code cache} on and a denoiser that ignores sigma, each row keeps the
 * log p(x0 | xt) of its last evaluation until one of its tokens changes. A step calls the denoiser
 * once, on the sub-batch of the rows that changed since their last evaluation (in row order; sigma
 * has one entry per row of the sub-batch), and reuses the kept tables of the other rows; a step
 * where no row changed makes no call. Without caching, or with a time-conditioned denoiser, every
 * step calls the denoiser on the whole batch. A call counts as one network call whatever its
 * batch size; {@link #rowEvaluations()} counts the rows the denoiser evaluated.
 *
 * <p>The reused table of a row is the one the whole-batch call would give only if the denoiser
 * evaluates each row independently of the other rows of its batch (true of the model's mathematics,
 * and bit for bit of the test fakes). A network whose floating-point arithmetic depends on the batch
 * size (matrix kernels chosen by shape) may differ in the last bits between a sub-batch and the whole
 * batch, which can change a draw whose uniform falls on a boundary of the inverse CDF.
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
    /** Row b is log p(x0 | xt) of row b's tokens at its last evaluation; null before the first call. */
    private LogProbTable current;
    /** Whether row b changed since its table in {@link #current} was computed. */
    private final boolean[] stale;
    private final int[] allRows;
    private int networkCalls;
    private long rowEvaluations;

    /**
     * @param denoiser the model
     * @param schedule the noise schedule
     * @param x the tokens, updated in place (rows of equal length)
     * @param seed the seed of the uniform stream
     * @param cache whether to reuse each row's log p(x0 | xt) while that row is unchanged and the model
     *              ignores sigma
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
        this.stale = new boolean[x.length];
        Arrays.fill(stale, true);
        this.allRows = new int[x.length];
        for (int b = 0; b < x.length; b++) {
            allRows[b] = b;
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
                    stale[b] = true;
                    changed++;
                }
            }
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
                    stale[b] = true;
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Denoiser calls so far, one per call whatever its batch size. */
    int networkCalls() {
        return networkCalls;
    }

    /** Rows evaluated by the denoiser so far: the sum of the batch sizes of its calls. */
    long rowEvaluations() {
        return rowEvaluations;
    }

    /** The current tokens (the live array). */
    int[][] tokens() {
        return x;
    }

    /**
     * The table the draws at time t read: with per-row caching, a call on the rows that changed since
     * their last evaluation (none: no call); otherwise a call on the whole batch.
     */
    private LogProbTable logProbs(double t) {
        boolean reuse = cache && current != null && !denoiser.timeConditioned();
        int[] rows = reuse ? staleRows() : allRows;
        if (reuse && rows.length == 0) {
            return current;
        }
        double[] sigma = new double[rows.length];
        Arrays.fill(sigma, schedule.sigma(t));
        int[][] input = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            input[i] = x[rows[i]].clone();
        }
        int length = x.length == 0 ? 0 : x[0].length;
        LogProbTable fresh = LogProbTable.read(denoiser.evaluate(input, sigma), rows.length, length, vocab);
        networkCalls++;
        rowEvaluations += rows.length;
        current = rows.length == x.length ? fresh : current.withRows(fresh, rows);
        for (int b : rows) {
            stale[b] = false;
        }
        return current;
    }

    /** The rows that changed since their last evaluation, in row order. */
    private int[] staleRows() {
        int n = 0;
        for (boolean s : stale) {
            n += s ? 1 : 0;
        }
        int[] rows = new int[n];
        int i = 0;
        for (int b = 0; b < stale.length; b++) {
            if (stale[b]) {
                rows[i++] = b;
            }
        }
        return rows;
    }
}
