package org.mdlm.process.param;

/**
 * Configuration of the Plaid objective (Gulrajani and Hashimoto 2023): Gaussian diffusion of learned
 * token embeddings.
 *
 * @param embeddingDim the width D of the embedding space (Plaid: 16)
 * @param gamma0 gamma at t = 0, the log noise-to-signal ratio of the least noisy state z_0 (Plaid
 *               starts its learned bound at -3)
 * @param gamma1 gamma at t = 1, that of the noisiest state z_1 (Plaid: 6); above {@code gamma0}
 * @param reconstructionFraction the expected fraction of a batch's sequences drawn at t = 0 to
 *                               estimate the reconstruction term (the rest estimate the diffusion
 *                               term); in (0, 1)
 * @param negInfinity the finite stand-in for minus infinity that keeps the mask id out of the
 *                    predicted distribution; negative and finite
 * @param selfConditioning whether the backbone also reads the model's own estimate e_hat from a first
 *                         pass at the same z_t (Plaid's self-conditioning; one more forward pass per call)
 * @param selfConditionFraction the probability that a sequence of a batch gets the estimate (the
 *                              others get zeros, as the first pass does); in [0, 1]
 */
public record PlaidConfig(int embeddingDim, double gamma0, double gamma1, double reconstructionFraction,
                          double negInfinity, boolean selfConditioning, double selfConditionFraction) {

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException naming the field and its allowed range
     */
    public PlaidConfig {
        if (embeddingDim < 1 || embeddingDim > 4096) {
            throw new IllegalArgumentException("embedding_dim must be in [1, 4096] (Plaid uses 16), got " + embeddingDim);
        }
        if (!Double.isFinite(gamma0) || !Double.isFinite(gamma1) || !(gamma1 > gamma0)) {
            throw new IllegalArgumentException("gamma0 and gamma1 must be finite with gamma0 < gamma1 (e.g. -3 and 6), "
                    + "got " + gamma0 + " and " + gamma1);
        }
        if (Math.abs(gamma0) > 30 || Math.abs(gamma1) > 30) {
            throw new IllegalArgumentException("gamma0 and gamma1 must lie in [-30, 30] (float precision), got "
                    + gamma0 + " and " + gamma1);
        }
        if (!(reconstructionFraction > 0.0 && reconstructionFraction < 1.0)) {
            throw new IllegalArgumentException("reconstruction_fraction must be in (0, 1) (e.g. 0.25), got "
                    + reconstructionFraction);
        }
        if (!(negInfinity < 0.0 && Double.isFinite(negInfinity))) {
            throw new IllegalArgumentException("neg_infinity must be negative and finite (e.g. -1e6), got " + negInfinity);
        }
        if (!(selfConditionFraction >= 0.0 && selfConditionFraction <= 1.0)) {
            throw new IllegalArgumentException("self_condition_fraction must be in [0, 1] (e.g. 0.5), got "
                    + selfConditionFraction);
        }
    }

    /** Without self-conditioning. */
    public PlaidConfig(int embeddingDim, double gamma0, double gamma1, double reconstructionFraction,
                       double negInfinity) {
        this(embeddingDim, gamma0, gamma1, reconstructionFraction, negInfinity, false, 0.5);
    }

    /**
     * Plaid's defaults: D = 16, gamma from -3 to 6, a quarter of each batch at t = 0; self-conditioning
     * off (half of the sequences when turned on).
     */
    public static PlaidConfig defaults() {
        return new PlaidConfig(16, -3.0, 6.0, 0.25, SubsConfig.DEFAULT_NEG_INFINITY);
    }
}
