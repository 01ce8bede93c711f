package org.mdlm.process.param;

import org.mdlm.api.model.EmbeddingDiffusion;

/**
 * Plaid's Gaussian process with a fixed schedule linear in the log signal-to-noise ratio:
 * {@code gamma(t) = gamma0 + (gamma1 - gamma0) t}, so {@code gamma'(t) = gamma1 - gamma0}.
 *
 * @param width the embedding dimension D
 * @param gamma0 gamma at t = 0
 * @param gamma1 gamma at t = 1
 * @param embeddingsName the graph variable holding the normalised embeddings
 */
public record LinearLogSnr(int width, double gamma0, double gamma1, String embeddingsName)
        implements EmbeddingDiffusion {

    /** Validates the schedule. */
    public LinearLogSnr {
        if (width < 1 || !(gamma1 > gamma0)) {
            throw new IllegalArgumentException("need width >= 1 and gamma0 < gamma1, got " + width + ", " + gamma0
                    + ", " + gamma1);
        }
    }

    @Override
    public double gamma(double t) {
        return gamma0 + (gamma1 - gamma0) * t;
    }

    /** {@code d gamma / dt}, constant. */
    public double gammaPrime() {
        return gamma1 - gamma0;
    }

    /**
     * The prior term per token, {@code KL(N(alpha_1 e, sigma_1^2 I) || N(0, I))} for an embedding of
     * squared norm {@code normSquared}: {@code (alpha_1^2 |e|^2 + D (sigma_1^2 - 1 - log sigma_1^2)) / 2}.
     */
    public double priorKl(double normSquared) {
        double a2 = alphaSquared(1.0);
        double s2 = sigmaSquared(1.0);
        // sigma^2 - 1 - log sigma^2 = -alpha^2 - log(1 - alpha^2), computed without cancellation.
        double perDim = -a2 - Math.log1p(-a2);
        return 0.5 * (a2 * normSquared + width * perDim);
    }
}
