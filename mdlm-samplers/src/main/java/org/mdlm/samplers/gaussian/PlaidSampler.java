package org.mdlm.samplers.gaussian;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.EmbeddingStates;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplingProgress;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * Ancestral sampling of a Gaussian diffusion in embedding space (Plaid). From
 * {@code z_1 ~ N(0, I)}, each of {@code steps} uniform steps t -&gt; s evaluates p(x0 | z_t), forms
 * {@code e_hat = sum_v p(v) e_v} and draws z_s from q(z_s | z_t, x = e_hat) ({@link GaussianStep});
 * at the end every position is rounded by a draw from the model's p(x0 | z_0) (the decoder of the
 * reconstruction term), shaped by temperature and top-p. Positions the request fixes are put back
 * at every step as forward samples {@code alpha_s e_x + sigma_s eps} of their token (replacement)
 * and kept as they are at the end. Draws come from one generator seeded by the request, in a fixed
 * order, so a seed gives the same tokens. Network calls: {@code steps + 1}.
 */
public final class PlaidSampler implements Sampler {

    private final PlaidSamplerConfig config;

    /** Creates the sampler. */
    public PlaidSampler(PlaidSamplerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings. */
    public PlaidSamplerConfig config() {
        return config;
    }

    @Override
    public Set<DenoiserOutputKind> reads() {
        return EnumSet.of(DenoiserOutputKind.STATE_CLEAN_LOG_PROBS);
    }

    @Override
    public SampleResult sample(Denoiser denoiser, SampleRequest request, SamplingProgress progress) {
        Objects.requireNonNull(denoiser, "denoiser");
        checkReads(denoiser);
        EmbeddingStates states = denoiser.embeddingStates().orElseThrow(() -> new IllegalArgumentException(
                "the model gives no embedding table and Gaussian process; the plaid sampler serves plaid models"));
        SamplingProgress listener = progress == null ? SamplingProgress.NONE : progress;
        int mask = denoiser.maskId();
        int vocab = denoiser.vocabSize();
        int[][] x = request.start(mask, vocab);
        int batch = request.batch();
        int length = request.length();
        int d = states.width();
        SplittableRandom random = new SplittableRandom(request.seed());
        float[] z = new float[batch * length * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        int steps = config.steps();
        int calls = 0;
        double[] times = new double[batch];
        float[] expected = new float[d];
        double[] scratch = new double[d];
        for (int k = steps; k >= 1; k--) {
            double t = (double) k / steps;
            double s = (double) (k - 1) / steps;
            java.util.Arrays.fill(times, t);
            DenoiserOutput out = denoiser.evaluateState(z, batch, length, times);
            calls++;
            GaussianStep step = GaussianStep.between(states.process(), t, s);
            double noise = Math.sqrt(step.variance());
            for (int b = 0; b < batch; b++) {
                for (int l = 0; l < length; l++) {
                    int at = (b * length + l) * d;
                    expectedEmbedding(out, b, l, mask, states, scratch, expected);
                    for (int i = 0; i < d; i++) {
                        z[at + i] = (float) (step.stateCoefficient() * z[at + i]
                                + step.predictionCoefficient() * expected[i] + noise * random.nextGaussian());
                    }
                }
            }
            replaceFixed(z, x, mask, states, s, random);
            listener.onStep(steps - k + 1, steps + 1, calls);
        }
        java.util.Arrays.fill(times, 0.0);
        DenoiserOutput last = denoiser.evaluateState(z, batch, length, times);
        calls++;
        DrawShaping shaping = new DrawShaping(config.temperature(), config.topP());
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < length; l++) {
                double w = random.nextDouble();
                if (x[b][l] == mask) {
                    x[b][l] = shaping.inverseCdf(last.values(), last.offset(b, l), vocab, mask, w);
                }
            }
        }
        listener.onStep(steps + 1, steps + 1, calls);
        return new SampleResult(x, calls);
    }

    /** e_hat = sum_v p(v) e_v at one position, the mask excluded, into {@code into} ({@code sum}: scratch of D). */
    private static void expectedEmbedding(DenoiserOutput out, int b, int l, int mask, EmbeddingStates states,
                                          double[] sum, float[] into) {
        int off = out.offset(b, l);
        int vocab = out.vocab();
        float[] logp = out.values();
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            if (v != mask) {
                max = Math.max(max, logp[off + v]);
            }
        }
        double total = 0.0;
        java.util.Arrays.fill(sum, 0.0);
        for (int v = 0; v < vocab; v++) {
            if (v == mask) {
                continue;
            }
            double p = Math.exp(logp[off + v] - max);
            total += p;
            for (int i = 0; i < into.length; i++) {
                sum[i] += p * states.embedding(v, i);
            }
        }
        for (int i = 0; i < into.length; i++) {
            into[i] = (float) (sum[i] / total);
        }
    }

    /** Puts a forward sample at time s of each fixed token into z. */
    private static void replaceFixed(float[] z, int[][] x, int mask, EmbeddingStates states, double s,
                                     SplittableRandom random) {
        double alpha = Math.sqrt(states.process().alphaSquared(s));
        double sigma = Math.sqrt(states.process().sigmaSquared(s));
        int d = states.width();
        int length = x.length == 0 ? 0 : x[0].length;
        for (int b = 0; b < x.length; b++) {
            for (int l = 0; l < length; l++) {
                if (x[b][l] != mask) {
                    int at = (b * length + l) * d;
                    for (int i = 0; i < d; i++) {
                        z[at + i] = (float) (alpha * states.embedding(x[b][l], i) + sigma * random.nextGaussian());
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "plaid" + config;
    }
}
