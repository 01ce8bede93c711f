package org.mdlm.process.schedule;

/**
 * Configuration of the polynomial noise schedule, whose mask probability is {@code (1-eps) t^k}.
 *
 * <p>Config keys: {@code k}, {@code eps}.
 *
 * @param k   the power of t; finite and greater than 0 ({@code k = 1} is the log-linear schedule,
 *            {@code k > 1} masks slowly at first, {@code k < 1} quickly)
 * @param eps the fraction of tokens left unmasked at t = 1: {@code alpha(1) = eps}, so
 *            {@code sigma(1) = -log(eps)} stays finite; must lie in (0, 1)
 */
public record PolynomialConfig(double k, double eps) {

    /** The default power {@link #k()}. */
    public static final double DEFAULT_K = 2.0;

    /** The default {@link #eps()}, the log-linear schedule's value. */
    public static final double DEFAULT_EPS = 1e-3;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if k is not finite and positive, or eps is not in the open
     *                                  interval (0, 1)
     */
    public PolynomialConfig {
        if (!(k > 0.0 && Double.isFinite(k))) {
            throw new IllegalArgumentException("k must be finite and > 0, got " + k);
        }
        ScheduleChecks.eps(eps);
    }

    /** The default config: {@code k = 2}, {@code eps = 1e-3}. */
    public static PolynomialConfig defaults() {
        return new PolynomialConfig(DEFAULT_K, DEFAULT_EPS);
    }
}
