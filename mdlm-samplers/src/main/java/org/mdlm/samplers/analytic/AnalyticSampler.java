package org.mdlm.samplers.analytic;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplingProgress;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * Analytic sampling (SEDD's Tweedie tau-leaping predictor) of the absorbing process.
 *
 * <p>Starts from all-mask sequences (or the request's initial ones, whose unmasked tokens stay
 * fixed) and walks {@link AnalyticConfig#time(int) t_0 = 1 &gt; ... &gt; t_steps = eps}. Each step
 * from t to s calls the denoiser once at sigma(t) (no caching: scores depend on sigma) and moves
 * every masked position by the staggered score times the transposed transition, with
 * dsigma = sigma(t) - sigma(s) (see {@link AnalyticStep} for the formulas). A final step from eps
 * to 0 calls the denoiser at sigma(eps) and draws every still-masked position from the clean
 * tokens in proportion to their scores. Unmasked tokens never change.
 *
 * <p>It reads {@link DenoiserOutputKind#LOG_SCORE_RATIOS} (SEDD) and, through the implied scores
 * p(x0 = v | x_t) / expm1(sigma(t)), {@link DenoiserOutputKind#CLEAN_LOG_PROBS} (SUBS, D3PM); for
 * the latter the reverse steps are exactly those of {@code ddpm} (same draws for a seed), and only
 * the final step differs ({@code ddpm} takes the argmax, this sampler draws).
 *
 * <p>Temperature and top-p ({@link AnalyticConfig}) shape the implied clean distribution
 * {@code s_v / sum_u s_u} of each masked position before its draw, keeping its total probability of
 * unmasking (see {@link AnalyticStep}); temperature 1 with top-p 1 gives exactly unshaped sampling.
 *
 * <p>Network calls: steps + 1. Progress is reported after every step with {@code total = steps + 1}.
 * Random draws: one uniform per masked position per step, in row-major order, from a
 * {@link SplittableRandom} seeded with the request's seed. Instances hold no run state and may be
 * shared between threads.
 */
public final class AnalyticSampler implements Sampler {

    private final AnalyticConfig config;

    /**
     * @param config steps and eps
     */
    public AnalyticSampler(AnalyticConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings. */
    public AnalyticConfig config() {
        return config;
    }

    /** Log score ratios and clean-token log-probs (read through their implied scores). */
    @Override
    public Set<DenoiserOutputKind> reads() {
        return EnumSet.of(DenoiserOutputKind.LOG_SCORE_RATIOS, DenoiserOutputKind.CLEAN_LOG_PROBS);
    }

    /** {@inheritDoc} */
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
        NoiseSchedule schedule = denoiser.schedule();
        SplittableRandom random = new SplittableRandom(request.seed());
        DrawShaping shaping = new DrawShaping(config.temperature(), config.topP());
        int steps = config.steps();
        int calls = 0;
        for (int k = 0; k < steps; k++) {
            double sigmaT = schedule.sigma(config.time(k));
            double dsigma = sigmaT - schedule.sigma(config.time(k + 1));
            DenoiserOutput out = evaluate(denoiser, x, sigmaT);
            calls++;
            AnalyticStep.step(x, out, mask, sigmaT, dsigma, shaping, random);
            listener.onStep(k + 1, steps + 1, calls);
        }
        DenoiserOutput out = evaluate(denoiser, x, schedule.sigma(config.eps()));
        calls++;
        AnalyticStep.denoise(x, out, mask, shaping, random);
        listener.onStep(steps + 1, steps + 1, calls);
        return new SampleResult(x, calls);
    }

    private DenoiserOutput evaluate(Denoiser denoiser, int[][] x, double sigma) {
        double[] sigmas = new double[x.length];
        Arrays.fill(sigmas, sigma);
        int[][] copy = new int[x.length][];
        for (int b = 0; b < x.length; b++) {
            copy[b] = x[b].clone();
        }
        DenoiserOutput out = denoiser.evaluate(copy, sigmas);
        if (out != null && !reads().contains(out.kind())) {
            throw new IllegalStateException("the denoiser declared " + denoiser.kind().label() + " but returned "
                    + out.kind().label());
        }
        return out;
    }

    @Override
    public String toString() {
        return "analytic" + config;
    }
}
