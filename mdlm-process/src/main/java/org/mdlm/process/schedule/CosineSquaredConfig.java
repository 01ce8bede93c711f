package org.mdlm.process.schedule;

/**
 * Configuration of the cosine-squared noise schedule
 * {@code sigma(t) = -log(eps + (1-eps) cos^2(pi t / 2))}.
 *
 * <p>Config key: {@code eps}.
 *
 * @param eps the fraction of tokens left unmasked at t = 1: {@code alpha(1) = eps}, so
 *            {@code sigma(1) = -log(eps)} stays finite; must lie in (0, 1)
 */
public record CosineSquaredConfig(double eps) {

    /** The default {@link #eps()}, the MDLM reference's {@code CosineSqrNoise} value. */
    public static final double DEFAULT_EPS = 1e-3;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if eps is not in the open interval (0, 1)
     */
    public CosineSquaredConfig {
        ScheduleChecks.eps(eps);
    }

    /** The default config: {@code eps = 1e-3}. */
    public static CosineSquaredConfig defaults() {
        return new CosineSquaredConfig(DEFAULT_EPS);
    }
}
