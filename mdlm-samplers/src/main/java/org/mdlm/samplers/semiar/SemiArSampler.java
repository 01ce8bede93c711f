package org.mdlm.samplers.semiar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplingProgress;
import org.mdlm.samplers.analytic.AnalyticConfig;
import org.mdlm.samplers.analytic.AnalyticSampler;
import org.mdlm.samplers.ancestral.AncestralConfig;
import org.mdlm.samplers.ancestral.AncestralSampler;

/**
 * Semi-autoregressive sampling: sequences of {@code request.length()} = N tokens, possibly far more
 * than the model's trained length L, window by window.
 *
 * <p><b>Windows.</b> With stride s ({@link SemiArConfig#strideFor(int)}), window 0 covers positions
 * [0, L); while the covered end e is below N, the next window covers [a, a + L) with
 * {@code a = min(e + s, N) - L}: it keeps the last {@code L - s} generated tokens (more in the last
 * window, which appends only N - e &lt; s tokens when the stride does not divide N - L) as a fixed
 * prefix and appends up to s new ones. There are {@code 1 + ceil((N - L) / s)} windows. When N &le; L
 * there is one window of N tokens: exactly the inner sampler on the request.
 *
 * <p><b>A window</b> is sampled by the inner sampler ({@code ddpm}, {@code ddpm_cache} or
 * {@code analytic}, constructed here with the configured steps, temperature and top-p and eps = 1e-5)
 * on a {@link SampleRequest} of L tokens whose initial rows hold the prefix and, at the new positions,
 * the request's own initial tokens: a fixed token of the request (a prefix, an infilled span, anywhere
 * in the long sequence) is fed to every window that covers it and is never changed; the other new
 * positions start masked. A window with no masked position is copied without a call. The seed of
 * window 0 is the request's seed (so a single window reproduces the inner sampler exactly); window
 * w &ge; 1 uses the w-th {@code nextLong()} of a {@link SplittableRandom} seeded with it.
 *
 * <p>Network calls are summed over the windows. Progress is reported as the inner sampler's, offset
 * by the windows done: {@code total = windows * (steps + 1)}. Instances hold no run state and may be
 * shared between threads.
 */
public final class SemiArSampler implements Sampler {

    private static final double INNER_EPS = 1e-5;

    private final SemiArConfig config;
    private final Sampler inner;

    /**
     * @param config inner sampler, steps, stride, temperature and top-p
     */
    public SemiArSampler(SemiArConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.inner = innerSampler(config.inner(), config);
    }

    /** The settings. */
    public SemiArConfig config() {
        return config;
    }

    /** The sampler of every window. */
    public Sampler inner() {
        return inner;
    }

    private static Sampler innerSampler(String name, SemiArConfig config) {
        return switch (name) {
            case "ddpm", "ddpm_cache" -> new AncestralSampler(new AncestralConfig(config.steps(), INNER_EPS,
                    config.temperature(), config.topP()), name.equals("ddpm_cache"));
            case "analytic" -> new AnalyticSampler(new AnalyticConfig(config.steps(), INNER_EPS, config.temperature(),
                    config.topP()));
            default -> throw new IllegalArgumentException("inner must be one of " + SemiArConfig.INNER_SAMPLERS
                    + ", got '" + name + "'");
        };
    }

    /** What the inner sampler reads. */
    @Override
    public Set<DenoiserOutputKind> reads() {
        return inner.reads();
    }

    /** The inner sampler's refusal, naming the inner samplers that would serve the model. */
    @Override
    public Optional<String> incompatibility(DenoiserOutputKind kind, boolean timeConditioned) {
        Optional<String> why = inner.incompatibility(kind, timeConditioned);
        if (why.isEmpty()) {
            return why;
        }
        List<String> fits = new ArrayList<>();
        for (String name : SemiArConfig.INNER_SAMPLERS) {
            if (innerSampler(name, config).incompatibility(kind, timeConditioned).isEmpty()) {
                fits.add(name);
            }
        }
        return Optional.of("its inner sampler '" + config.inner() + "' cannot serve the model: " + why.get()
                + (fits.isEmpty() ? "" : "; for semi_ar set sampler.inner to " + String.join(" or ", fits)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if the model's trained length is unknown (below 1) or
     *                                  the stride exceeds it, before any call
     */
    @Override
    public SampleResult sample(Denoiser denoiser, SampleRequest request, SamplingProgress progress) {
        Objects.requireNonNull(denoiser, "denoiser");
        Objects.requireNonNull(request, "request");
        checkReads(denoiser);
        SamplingProgress listener = progress == null ? SamplingProgress.NONE : progress;
        int window = denoiser.trainedLength();
        int stride = config.strideFor(window);
        int n = request.length();
        if (n <= window) {
            return inner.sample(denoiser, request, listener);
        }
        int mask = denoiser.maskId();
        int[][] x = request.start(mask, denoiser.vocabSize()); // fixed tokens in place, masks elsewhere
        int batch = x.length;
        int windows = 1 + (n - window + stride - 1) / stride;
        int perWindow = config.steps() + 1;
        int total = windows * perWindow;
        SplittableRandom seeds = new SplittableRandom(request.seed());
        int calls = 0;
        int end = 0;
        for (int w = 0; w < windows; w++) {
            long seed = w == 0 ? request.seed() : seeds.nextLong();
            int start = w == 0 ? 0 : Math.min(end + stride, n) - window;
            int[][] rows = new int[batch][window];
            boolean anyMask = false;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(x[b], start, rows[b], 0, window);
                for (int tok : rows[b]) {
                    anyMask |= tok == mask;
                }
            }
            if (anyMask) {
                int before = calls;
                int offset = w * perWindow;
                SampleResult r = inner.sample(denoiser, new SampleRequest(batch, window, seed, rows),
                        (step, steps, c) -> listener.onStep(offset + step, total, before + c));
                for (int b = 0; b < batch; b++) {
                    for (int l = 0; l < window; l++) {
                        int tok = r.tokens()[b][l];
                        if (rows[b][l] != mask && tok != rows[b][l]) {
                            throw new IllegalStateException("the inner sampler changed the fixed token at position "
                                    + (start + l) + " of row " + b);
                        }
                        x[b][start + l] = tok;
                    }
                }
                calls += r.networkCalls();
            } else {
                listener.onStep((w + 1) * perWindow, total, calls); // nothing to draw: the window is done at once
            }
            end = start + window;
        }
        return new SampleResult(x, calls);
    }

    @Override
    public String toString() {
        return "semi_ar" + config;
    }
}
