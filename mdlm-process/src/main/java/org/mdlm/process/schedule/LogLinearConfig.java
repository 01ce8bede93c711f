package org.mdlm.process.schedule;

/**
 * Configuration of the log-linear noise schedule.
 *
 * @param eps the fraction of tokens left unmasked at t = 1: the mask probability is
 *            {@code (1 - eps) t}, so {@code sigma(1) = -log(eps)} stays finite; must lie in (0, 1)
 */
public record LogLinearConfig(double eps) {

    /** The reference MDLM value of {@link #eps()}. */
    public static final double DEFAULT_EPS = 1e-3;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if eps is not in the open interval (0, 1)
     */
    public LogLinearConfig {
        ScheduleChecks.eps(eps);
    }

    /** The default config: {@code eps = 1e-3}. */
    public static LogLinearConfig defaults() {
        return new LogLinearConfig(DEFAULT_EPS);
    }
}
