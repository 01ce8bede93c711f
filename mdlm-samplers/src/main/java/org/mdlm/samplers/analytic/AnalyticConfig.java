package org.mdlm.samplers.analytic;

/**
 * Settings of the analytic sampler {@code analytic} (the same fields, defaults and time grid as the
 * ancestral samplers' {@code AncestralConfig}, so that both can be compared step for step).
 *
 * <p>The reverse process walks the time grid {@code t_k = 1 - k (1 - eps) / steps}, k = 0..steps
 * (a linspace from 1 down to eps), then takes a final denoising step from {@code eps} to 0.
 *
 * @param steps number of reverse steps before the final denoising step, at least 1 (default 128)
 * @param eps the last time of the grid, in (0, 1) exclusive (default 1e-5)
 */
public record AnalyticConfig(int steps, double eps) {

    /** Steps used when a run gives none. */
    public static final int DEFAULT_STEPS = 128;

    /** Smallest grid time used when a run gives none. */
    public static final double DEFAULT_EPS = 1e-5;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if steps &lt; 1 or eps is not in (0, 1)
     */
    public AnalyticConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(eps > 0.0 && eps < 1.0)) {
            throw new IllegalArgumentException("eps must be in (0, 1) exclusive, got " + eps);
        }
    }

    /** The defaults: 128 steps, eps = 1e-5. */
    public static AnalyticConfig defaults() {
        return new AnalyticConfig(DEFAULT_STEPS, DEFAULT_EPS);
    }

    /**
     * Time of grid point {@code k}: 1 at k = 0 and exactly {@code eps} at k = steps.
     *
     * @param k grid index in [0, steps]
     * @throws IllegalArgumentException if k is outside [0, steps]
     */
    public double time(int k) {
        if (k < 0 || k > steps) {
            throw new IllegalArgumentException("k must be in [0, " + steps + "], got " + k);
        }
        return k == steps ? eps : 1.0 - k * ((1.0 - eps) / steps);
    }
}
