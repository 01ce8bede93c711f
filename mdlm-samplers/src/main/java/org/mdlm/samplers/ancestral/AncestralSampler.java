package org.mdlm.samplers.ancestral;

import java.util.Objects;
import java.util.Optional;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplingProgress;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * Ancestral sampling of a masked diffusion model (MDLM), optionally with caching.
 *
 * <p>Starts from all-mask sequences (or the request's initial ones, whose unmasked tokens stay fixed:
 * an unmasked token is never changed) and walks {@link AncestralConfig#time(int) t_0 = 1 > ... >
 * t_steps = eps}. In the step from t to s a masked token becomes clean token v with probability
 * p(v | xt) (alpha(s) - alpha(t)) / (1 - alpha(t)) and stays masked with probability
 * (1 - alpha(s)) / (1 - alpha(t)); unmasked tokens never change. p(x0 | xt) is the denoiser's
 * output at sigma(t), with the mask column ignored and the clean part renormalised. A final step
 * sets every still-masked position to its most probable clean token under p(x0 | xt) at t = eps.
 *
 * <p>Temperature and top-p ({@link AncestralConfig}) shape p(x0 | xt) before the clean token of an
 * unmasking position is drawn (see {@code DrawShaping} in the module-internal draw package); the
 * probability of staying masked and the uniforms drawn are unchanged, and temperature 1 with top-p 1
 * gives exactly the tokens of unshaped sampling.
 *
 * <p>With {@code cache} on ({@code ddpm_cache}) and a denoiser that is not time conditioned,
 * p(x0 | xt) is cached per row: each row keeps the output of its last evaluation until one of its
 * tokens changes, and a step calls the denoiser only on the sub-batch of the rows that changed since
 * their last evaluation (in row order), reusing the kept outputs of the others; a step where no row
 * changed makes no call. The final noise-removal step follows the same rule. A time-conditioned
 * denoiser is called on the whole batch every step, as by {@code ddpm}. Both variants draw the same
 * uniforms in the same order, so for a deterministic denoiser that evaluates each row independently
 * of the rest of its batch they return identical tokens for a seed; the cached one needs fewer
 * network calls and evaluates far fewer rows.
 *
 * <p>{@link SampleResult#networkCalls()} and the progress counts are denoiser calls, one per call
 * whatever its batch size. The number of row evaluations (the sum of the calls' batch sizes; for
 * {@code ddpm}, batch times calls) is not reported, since {@code SampleResult} has no field for it:
 * with per-row caching it is the batch size plus, for each row, the number of reverse steps that
 * changed that row (a change at the last reverse step is seen by the noise-removal call; the
 * noise removal's own changes by none).
 *
 * <p>Progress is reported after every step with {@code total = steps + 1}: the reverse steps and
 * then the noise-removal step. Instances hold no run state and may be shared between threads.
 */
public final class AncestralSampler implements Sampler {

    private final AncestralConfig config;
    private final boolean cache;

    /**
     * @param config steps and eps
     * @param cache whether to reuse each row's p(x0 | xt) while that row is unchanged and the model
     *              ignores sigma
     */
    public AncestralSampler(AncestralConfig config, boolean cache) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = cache;
    }

    /** The settings. */
    public AncestralConfig config() {
        return config;
    }

    /** Whether each row's p(x0 | xt) is reused while that row is unchanged ({@code ddpm_cache}). */
    public boolean cache() {
        return cache;
    }

    /** {@inheritDoc} */
    @Override
    public SampleResult sample(Denoiser denoiser, SampleRequest request, SamplingProgress progress) {
        Objects.requireNonNull(denoiser, "denoiser");
        Objects.requireNonNull(request, "request");
        checkReads(denoiser);
        SamplingProgress listener = progress == null ? SamplingProgress.NONE : progress;
        int[][] x = request.start(denoiser.maskId(), denoiser.vocabSize());
        AncestralRun run = new AncestralRun(denoiser, denoiser.schedule(), x, request.seed(), cache,
                new DrawShaping(config.temperature(), config.topP()));
        int steps = config.steps();
        for (int k = 0; k < steps; k++) {
            run.step(config.time(k), config.time(k + 1));
            listener.onStep(k + 1, steps + 1, run.networkCalls());
        }
        run.removeNoise(config.eps());
        listener.onStep(steps + 1, steps + 1, run.networkCalls());
        return new SampleResult(run.tokens(), run.networkCalls());
    }

    /**
     * {@inheritDoc} {@code ddpm_cache} also refuses a time-conditioned model: its cache reuses the
     * network's output across times, which is exact only for a model that ignores sigma.
     */
    @Override
    public Optional<String> incompatibility(DenoiserOutputKind kind, boolean timeConditioned) {
        Optional<String> base = Sampler.super.incompatibility(kind, timeConditioned);
        if (base.isPresent() || !cache || !timeConditioned) {
            return base;
        }
        return Optional.of("it reuses the network's output from one time to the next, which is exact only for a "
                + "model that ignores time, and this model is time-conditioned (model.time_conditioning=true); "
                + "use sampler.type=ddpm (the same draws, one network call per step)");
    }

    @Override
    public String toString() {
        return (cache ? "ddpm_cache" : "ddpm") + config;
    }
}
