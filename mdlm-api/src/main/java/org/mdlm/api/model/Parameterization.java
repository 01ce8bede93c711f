package org.mdlm.api.model;

import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * An objective (the "parameterization" of a model: SUBS, D3PM, SEDD, AR, ...). It owns its whole
 * route, and the engine runs whatever route it is given:
 * <ol>
 *   <li>{@link #drawTimes}: which times a batch is noised at (continuous antithetic, discrete steps, none);</li>
 *   <li>{@link #corrupt}: how a clean batch becomes the backbone's input, which positions count, and
 *       the per-sequence values its loss graph reads;</li>
 *   <li>{@link #tokenLoss}: the per-token loss terms [B, L] in nats from a {@link LossContext}; the
 *       engine averages them over the counted positions only;</li>
 *   <li>{@link #denoiserOutput}: what a sampler receives, of kind {@link #outputKind()}.</li>
 * </ol>
 * Training and evaluation call the same route. The network knows nothing of the objective except
 * the {@link #attention() attention pattern} it asks for.
 */
public interface Parameterization {

    /** What {@link #denoiserOutput} means. */
    DenoiserOutputKind outputKind();

    /** The attention pattern the backbone must use. */
    default AttentionPattern attention() {
        return AttentionPattern.BIDIRECTIONAL;
    }

    /** True when the loss is the exact negative log-likelihood (AR), false when it is a bound (NELBO). */
    default boolean exactLikelihood() {
        return false;
    }

    /**
     * False when {@link #corrupt} is deterministic (no times, no masks), so one evaluation pass per
     * sequence gives the exact figure and repeats add nothing.
     */
    default boolean drawsNoise() {
        return true;
    }

    /** The sampler to use when the configured one cannot read {@link #outputKind()}. */
    default String preferredSampler() {
        return "ddpm_cache";
    }

    /**
     * Draws the times of {@code n} sequences (a training batch, or the repeats of one evaluation window).
     *
     * @param rng the only source of randomness
     */
    double[] drawTimes(int n, RouteContext context, SplittableRandom rng);

    /**
     * Turns clean sequences into what the graph is fed.
     *
     * @param x0 clean tokens [B][L]; not modified
     * @param valid which positions are real tokens [B][L], or null when none is padding
     * @param t the times from {@link #drawTimes}
     * @param rng the only source of randomness
     */
    Corruption corrupt(int[][] x0, boolean[][] valid, double[] t, RouteContext context, SplittableRandom rng);

    /**
     * Builds the per-token loss [B, L] in nats. Values at positions that do not count are ignored
     * (multiplied by 0), so they must be finite.
     */
    SDVariable tokenLoss(SameDiff sd, LossContext context);

    /**
     * Builds what a sampler reads, [B, L, V] of kind {@link #outputKind()}, from the raw logits.
     * Objectives whose output depends on the noise level override
     * {@link #denoiserOutput(SameDiff, OutputContext)} instead and leave this one throwing.
     *
     * @param logits raw backbone output [B, L, V]
     * @param xt the backbone's input tokens, INT32 [B, L]
     * @param maskId id of the mask token
     * @throws UnsupportedOperationException by default
     */
    default SDVariable denoiserOutput(SameDiff sd, SDVariable logits, SDVariable xt, int maskId) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " builds its output from an OutputContext (it needs sigma)");
    }

    /**
     * Builds what a sampler reads, [B, L, V] of kind {@link #outputKind()}; the engine calls this one.
     * By default it is {@link #denoiserOutput(SameDiff, SDVariable, SDVariable, int)} of the logits,
     * which does not declare sigma.
     */
    default SDVariable denoiserOutput(SameDiff sd, OutputContext context) {
        return denoiserOutput(sd, context.logits(), context.xt(), context.vocabulary().maskId());
    }

    /**
     * The Gaussian process of an objective whose states are embedding vectors (Plaid); empty for
     * the token objectives. When present, the engine calls {@link #backboneVectors} and hands the
     * result to the backbone instead of token ids.
     */
    default Optional<EmbeddingDiffusion> embeddingDiffusion() {
        return Optional.empty();
    }

    /**
     * Builds the backbone's input vectors [B, L, W] for a continuous-state objective: in graphs that
     * compute a loss from the clean tokens (with the objective's own parameters and noise feeds), in
     * inference graphs from the state a sampler feeds. The objective may leave named variables in the
     * graph for its {@link #tokenLoss} and {@link #denoiserOutput} to read.
     *
     * @throws UnsupportedOperationException by default (token objectives)
     */
    default InputVectors backboneVectors(SameDiff sd, VectorContext context) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " feeds the backbone tokens");
    }

    /**
     * Why this objective cannot train with {@code backbone}, naming what to set instead; empty when it
     * can. Checked when a config is resolved and when a graph is built. By default every backbone fits.
     */
    default Optional<String> backboneIncompatibility(Backbone backbone) {
        return Optional.empty();
    }
}
