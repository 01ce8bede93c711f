package org.mdlm.samplers.confidence;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplingProgress;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.samplers.draw.CleanCategorical;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * Confidence-ordered unmasking (MaskGIT, Chang et al. 2022; LLaDA, Nie et al. 2025) of a model that
 * gives clean-token log-probs.
 *
 * <p><b>How many.</b> A row whose start holds M masks (positions holding another token are fixed
 * and never change) keeps, after step j of S,
 * <pre>
 *   n_0 = M,   n_j = min(n_{j-1}, round(M * m(t_j) / m(t_0))) for 0 &lt; j &lt; S,   n_S = 0
 * </pre>
 * masks, where m(t) = 1 - alpha(t) is the denoiser's schedule's mask probability, t_j the ancestral
 * grid of {@link ConfidenceConfig#time(int)} (t_0 = 1) and round goes half up. Step j thus unmasks
 * k_j = n_{j-1} - n_j positions; for the log-linear schedule m(t_j)/m(1) = t_j, which is the linear
 * rule k_j = round(M j/S) - round(M (j-1)/S) up to eps and the rounding of halves. Every row has its
 * own M, hence its own counts.
 *
 * <p><b>Which.</b> Step j calls the denoiser once on the current tokens at sigma(t_{j-1}) (a step in
 * which no row unmasks anything, possible when M &lt; S, makes no call). Every masked position of a
 * row that unmasks in this step draws a candidate from p(x0 | xt), shaped by temperature and top-p
 * (one uniform per position, positions in row-major order, by inverse CDF), and is scored by its
 * confidence: the model's own, unshaped probability of that candidate, with the mask column ignored
 * and the clean part renormalised. The k_j (plus r_j, below) positions of highest confidence take
 * their candidates; equal confidences go to the lower position first.
 *
 * <p><b>Remasking</b> (off by default). When on, step j &lt; S first fixes
 * r_j = min(floor(f * U), n_j), where f is {@link ConfidenceConfig#remaskFraction()} and U the number
 * of tokens this sampler unmasked in earlier steps that are still unmasked; it then unmasks
 * k_j + r_j positions as above and masks again the r_j of those U earlier tokens that had the lowest
 * confidence when they were chosen (ties: lower position first). Only tokens the sampler itself
 * chose are remasked, never a fixed token of the request nor a token chosen in the same step. The
 * count of masks after step j is therefore n_j with or without remasking, and since n_S = 0 (so
 * r_S = 0) the last step leaves no mask. A remasked position is drawn again, with a fresh candidate
 * and confidence, in a later step.
 *
 * <p>Network calls: at most S. Progress is reported after every step with {@code total = S}. Instances
 * hold no run state and may be shared between threads.
 */
public final class ConfidenceSampler implements Sampler {

    private final ConfidenceConfig config;

    /**
     * @param config steps, eps, temperature, top-p and remasking
     */
    public ConfidenceSampler(ConfidenceConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings. */
    public ConfidenceConfig config() {
        return config;
    }

    /** {@inheritDoc} Reads clean-token log-probs only (the default). */
    @Override
    public SampleResult sample(Denoiser denoiser, SampleRequest request, SamplingProgress progress) {
        Objects.requireNonNull(denoiser, "denoiser");
        Objects.requireNonNull(request, "request");
        checkReads(denoiser);
        SamplingProgress listener = progress == null ? SamplingProgress.NONE : progress;
        int mask = denoiser.maskId();
        int vocab = denoiser.vocabSize();
        if (vocab < 2 || mask < 0 || mask >= vocab) {
            throw new IllegalArgumentException("denoiser must have vocabSize >= 2 and maskId in [0, vocabSize), got"
                    + " vocabSize " + vocab + " and maskId " + mask);
        }
        int[][] x = request.start(mask, vocab);
        int batch = x.length;
        int length = request.length();
        int steps = config.steps();
        NoiseSchedule schedule = denoiser.schedule();
        int[][] remaining = new int[batch][];
        for (int b = 0; b < batch; b++) {
            remaining[b] = maskedAfterSteps(schedule, config, count(x[b], mask));
        }
        boolean[][] produced = new boolean[batch][length];
        double[][] chosenConfidence = new double[batch][length];
        SplittableRandom random = new SplittableRandom(request.seed());
        DrawShaping shaping = new DrawShaping(config.temperature(), config.topP());
        int[] unmask = new int[batch];
        int[] remask = new int[batch];
        double[] sigma = new double[batch];
        int calls = 0;
        for (int j = 1; j <= steps; j++) {
            boolean any = false;
            for (int b = 0; b < batch; b++) {
                int earlier = 0;
                for (boolean p : produced[b]) {
                    earlier += p ? 1 : 0;
                }
                remask[b] = config.remask()
                        ? Math.min((int) Math.floor(config.remaskFraction() * earlier), remaining[b][j]) : 0;
                unmask[b] = remaining[b][j - 1] - remaining[b][j] + remask[b];
                any |= unmask[b] > 0;
            }
            if (any) {
                Arrays.fill(sigma, schedule.sigma(config.time(j - 1)));
                DenoiserOutput out = evaluate(denoiser, x, sigma, vocab);
                calls++;
                for (int b = 0; b < batch; b++) {
                    if (unmask[b] > 0) {
                        step(x[b], b, out, mask, shaping, random, unmask[b], remask[b], produced[b],
                                chosenConfidence[b]);
                    }
                }
            }
            listener.onStep(j, steps, calls);
        }
        return new SampleResult(x, calls);
    }

    /**
     * The masks a row of {@code m} masks keeps after each step: {@code n[j]} for j = 0..steps (see
     * the class comment).
     *
     * @throws IllegalStateException if the schedule gives no positive mask probability at t = 1, or NaN
     */
    static int[] maskedAfterSteps(NoiseSchedule schedule, ConfidenceConfig config, int m) {
        int steps = config.steps();
        int[] n = new int[steps + 1];
        n[0] = m;
        double first = schedule.maskProbability(config.time(0));
        if (!(first > 0.0)) {
            throw new IllegalStateException("the schedule gives mask probability " + first + " at t = 1;"
                    + " the confidence sampler needs a positive one");
        }
        for (int j = 1; j < steps; j++) {
            double ratio = schedule.maskProbability(config.time(j)) / first;
            if (Double.isNaN(ratio)) {
                throw new IllegalStateException("the schedule gives a NaN mask probability at t = " + config.time(j));
            }
            ratio = Math.min(1.0, Math.max(0.0, ratio));
            n[j] = (int) Math.min(n[j - 1], Math.round(m * ratio));
        }
        n[steps] = 0;
        return n;
    }

    /**
     * One step on one row: draws a candidate and its confidence at every masked position, unmasks the
     * {@code unmask} most confident, then masks again the {@code remask} earlier choices of lowest
     * confidence.
     */
    private static void step(int[] row, int b, DenoiserOutput out, int mask, DrawShaping shaping,
            SplittableRandom random, int unmask, int remask, boolean[] produced, double[] chosenConfidence) {
        int length = row.length;
        int vocab = out.vocab();
        float[] values = out.values();
        int n = 0;
        int[] positions = new int[length];
        int[] candidates = new int[length];
        double[] confidence = new double[length];
        for (int l = 0; l < length; l++) {
            if (row[l] != mask) {
                continue;
            }
            int off = out.offset(b, l);
            int candidate = shaping.inverseCdf(values, off, vocab, mask, random.nextDouble());
            positions[n] = l;
            candidates[n] = candidate;
            confidence[n] = CleanCategorical.probability(values, off, vocab, mask, candidate);
            n++;
        }
        if (unmask > n) {
            throw new IllegalStateException("unreachable: " + unmask + " positions to unmask among " + n + " masks");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // most confident first; the sort is stable and positions are in increasing order: ties by position
        Arrays.sort(order, (i, k) -> Double.compare(confidence[k], confidence[i]));
        boolean[] now = new boolean[length];
        for (int i = 0; i < unmask; i++) {
            int c = order[i];
            row[positions[c]] = candidates[c];
            now[positions[c]] = true;
            chosenConfidence[positions[c]] = confidence[c];
        }
        if (remask > 0) {
            Integer[] earlier = new Integer[length];
            int e = 0;
            for (int l = 0; l < length; l++) {
                if (produced[l]) {
                    earlier[e++] = l;
                }
            }
            Integer[] byConfidence = Arrays.copyOf(earlier, e);
            // least confident first; stable: ties by position
            Arrays.sort(byConfidence, (i, k) -> Double.compare(chosenConfidence[i], chosenConfidence[k]));
            for (int i = 0; i < remask; i++) {
                int l = byConfidence[i];
                row[l] = mask;
                produced[l] = false;
            }
        }
        for (int l = 0; l < length; l++) {
            produced[l] |= now[l];
        }
    }

    private static int count(int[] row, int mask) {
        int c = 0;
        for (int tok : row) {
            c += tok == mask ? 1 : 0;
        }
        return c;
    }

    private static DenoiserOutput evaluate(Denoiser denoiser, int[][] x, double[] sigma, int vocab) {
        int[][] copy = new int[x.length][];
        for (int b = 0; b < x.length; b++) {
            copy[b] = x[b].clone();
        }
        DenoiserOutput out = denoiser.evaluate(copy, sigma.clone());
        if (out == null) {
            throw new IllegalStateException("the denoiser returned null instead of log p(x0 | xt)");
        }
        if (out.kind() != DenoiserOutputKind.CLEAN_LOG_PROBS) {
            throw new IllegalStateException("the denoiser declared " + denoiser.kind().label() + " but returned "
                    + out.kind().label());
        }
        int length = x.length == 0 ? 0 : x[0].length;
        if (out.batch() != x.length || out.length() != length || out.vocab() != vocab) {
            throw new IllegalStateException("the denoiser returned an output of shape [" + out.batch() + ", "
                    + out.length() + ", " + out.vocab() + "], expected [" + x.length + ", " + length + ", " + vocab + "]");
        }
        return out;
    }

    @Override
    public String toString() {
        return "confidence" + config;
    }
}
