package org.mdlm.api.model;

import java.util.Optional;

import org.mdlm.api.schedule.NoiseSchedule;

/**
 * What a sampler sees of a trained model: one evaluation on a batch of token sequences, returning
 * a typed float table (see {@link DenoiserOutputKind}), plus what the model was trained with.
 */
public interface Denoiser {

    /** What {@link #evaluate} returns. */
    DenoiserOutputKind kind();

    /** Number of token ids including the mask. */
    int vocabSize();

    /** Id of the mask token. */
    int maskId();

    /** Whether outputs depend on sigma; when false a sampler may reuse them while xt is unchanged. */
    boolean timeConditioned();

    /** The noise schedule the model was trained with. */
    NoiseSchedule schedule();

    /** The sequence length the model was trained on (longer requests need a semi-autoregressive sampler). */
    int trainedLength();

    /**
     * Evaluates the model.
     *
     * @param xt token sequences [B][L] (noisy for diffusion models; shifted inputs for autoregressive ones)
     * @param sigma total noise per sequence [B] (ignored by models that are not time-conditioned)
     * @return the output table [B, L, V] of kind {@link #kind()}
     * @throws IllegalArgumentException if rows differ in length, a token is out of range or sigma has
     *                                  the wrong length
     */
    DenoiserOutput evaluate(int[][] xt, double[] sigma);

    /**
     * The Gaussian process and embedding table of a continuous-state model (kind
     * {@link DenoiserOutputKind#STATE_CLEAN_LOG_PROBS}); empty for token models.
     */
    default Optional<EmbeddingStates> embeddingStates() {
        return Optional.empty();
    }

    /**
     * Evaluates a continuous-state model on states in embedding space.
     *
     * @param states z_t [B, L, D] in row-major order
     * @param batch B
     * @param length L
     * @param t the time of each sequence [B], in [0, 1]
     * @return log p(x0 = v | z_t) [B, L, V], of kind {@link DenoiserOutputKind#STATE_CLEAN_LOG_PROBS}
     * @throws UnsupportedOperationException for token models
     * @throws IllegalArgumentException if the shapes disagree
     */
    default DenoiserOutput evaluateState(float[] states, int batch, int length, double[] t) {
        throw new UnsupportedOperationException("this model reads tokens, not embedding-space states");
    }
}
