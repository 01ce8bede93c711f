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
 * <p>With {@code cache} on ({@code ddpm_cache}), p(x0 | xt) is reused instead of calling the
 * denoiser while no token has changed since it was computed, provided the denoiser is not time
 * conditioned; the final noise-removal step follows the same rule. Both variants draw the same
 * uniforms, so for a deterministic denoiser they return identical tokens for a seed; the cached
 * one needs fewer network calls.
 *
 * <p>Progress is reported after every step with {@code total = steps + 1}: the reverse steps and
 * then the noise-removal step. Instances hold no run state and may be shared between threads.
 */
public final class AncestralSampler implements Sampler {

    private final AncestralConfig config;
    private final boolean cache;

    /**
     * @param config steps and eps
     * @param cache whether to reuse p(x0 | xt) while xt is unchanged and the model ignores sigma
     */
    public AncestralSampler(AncestralConfig config, boolean cache) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = cache;
    }

    /** The settings. */
    public AncestralConfig config() {
        return config;
    }

    /** Whether p(x0 | xt) is reused while xt is unchanged ({@code ddpm_cache}). */
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
