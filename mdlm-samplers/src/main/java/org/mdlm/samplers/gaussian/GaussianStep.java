package org.mdlm.samplers.gaussian;

import org.mdlm.api.model.EmbeddingDiffusion;

/**
 * One reverse step s &lt; t of a variance-preserving Gaussian diffusion, given the prediction e_hat
 * of the clean vector: {@code z_s ~ N(mean, variance)} with
 * <pre>
 *   alpha_{t|s} = alpha_t / alpha_s,   sigma^2_{t|s} = sigma_t^2 - alpha_{t|s}^2 sigma_s^2
 *   mean     = alpha_{t|s} sigma_s^2 / sigma_t^2 z_t + alpha_s sigma^2_{t|s} / sigma_t^2 e_hat
 *   variance = sigma^2_{t|s} sigma_s^2 / sigma_t^2
 * </pre>
 * (the posterior q(z_s | z_t, x = e_hat)). With the process's gamma,
 * {@code sigma^2_{t|s} = alpha_t^2 (exp(gamma_t) - exp(gamma_s))}, computed in double precision.
 *
 * @param stateCoefficient multiplies z_t
 * @param predictionCoefficient multiplies e_hat
 * @param variance of the added Gaussian noise
 */
record GaussianStep(double stateCoefficient, double predictionCoefficient, double variance) {

    /** The step from t down to s (0 &lt;= s &lt; t &lt;= 1). */
    static GaussianStep between(EmbeddingDiffusion process, double t, double s) {
        if (!(s >= 0.0 && s < t && t <= 1.0)) {
            throw new IllegalArgumentException("need 0 <= s < t <= 1, got s = " + s + ", t = " + t);
        }
        double a2t = process.alphaSquared(t);
        double s2t = process.sigmaSquared(t);
        double a2s = process.alphaSquared(s);
        double s2s = process.sigmaSquared(s);
        double conditionalVariance = a2t * (Math.exp(process.gamma(t)) - Math.exp(process.gamma(s)));
        double alphaTs = Math.sqrt(a2t / a2s);
        return new GaussianStep(alphaTs * s2s / s2t, Math.sqrt(a2s) * conditionalVariance / s2t,
                conditionalVariance * s2s / s2t);
    }
}
