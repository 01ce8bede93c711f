package org.mdlm.api.model;

/**
 * The forward process of an objective whose states are continuous vectors rather than tokens (Plaid):
 * a variance-preserving Gaussian diffusion of token embeddings,
 * {@code z_t = alpha(t) e_x + sigma(t) eps} with {@code alpha^2 = sigmoid(-gamma(t))} and
 * {@code sigma^2 = sigmoid(gamma(t))}, where {@code gamma(t) = log(sigma^2 / alpha^2)} is the negative
 * log signal-to-noise ratio, increasing in t. A sampler reads it through
 * {@link Denoiser#embeddingStates()} to run the reverse process in embedding space.
 */
public interface EmbeddingDiffusion {

    /** The width D of a state vector (the embedding dimension). */
    int width();

    /** {@code gamma(t) = log(sigma^2 / alpha^2)} at time t in [0, 1], increasing. */
    double gamma(double t);

    /**
     * The name of the graph variable [V, D] holding the embeddings the states are made of (after any
     * normalisation), computed from the parameters alone.
     */
    String embeddingsName();

    /** {@code alpha(t)^2 = sigmoid(-gamma(t))}. */
    default double alphaSquared(double t) {
        return sigmoid(-gamma(t));
    }

    /** {@code sigma(t)^2 = sigmoid(gamma(t))}. */
    default double sigmaSquared(double t) {
        return sigmoid(gamma(t));
    }

    /** The logistic function, computed without overflow for any finite argument. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
