package org.mdlm.samplers.analytic;

import org.mdlm.samplers.draw.DrawShaping;

/**
 * Settings of the analytic sampler {@code analytic} (the same fields, defaults and time grid as the
 * ancestral samplers' {@code AncestralConfig}, so that both can be compared step for step).
 *
 * <p>The reverse process walks the time grid {@code t_k = 1 - k (1 - eps) / steps}, k = 0..steps
 * (a linspace from 1 down to eps), then takes a final denoising step from {@code eps} to 0.
 *
 * <p>Temperature and top-p shape the implied clean distribution {@code s_v / sum_u s_u} of a masked
 * position; its total probability of unmasking in a step is not changed.
 *
 * @param steps number of reverse steps before the final denoising step, at least 1 (default 128)
 * @param eps the last time of the grid, in (0, 1) exclusive (default 1e-5)
 * @param temperature divides the log scores of the clean-token draw; positive and finite (default 1)
 * @param topP nucleus mass of the clean-token draw, in (0, 1] (default 1: no truncation; JSON key {@code top_p})
 */
public record AnalyticConfig(int steps, double eps, double temperature, double topP) {

    /** Steps used when a run gives none. */
    public static final int DEFAULT_STEPS = 128;

    /** Smallest grid time used when a run gives none. */
    public static final double DEFAULT_EPS = 1e-5;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if steps &lt; 1, eps is not in (0, 1), the temperature is not
     *                                  positive and finite or top_p is not in (0, 1]
     */
    public AnalyticConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(eps > 0.0 && eps < 1.0)) {
            throw new IllegalArgumentException("eps must be in (0, 1) exclusive, got " + eps);
        }
        DrawShaping.validate(temperature, topP);
    }

    /** Plain sampling (temperature 1, top-p 1) with the given steps and eps. */
    public static AnalyticConfig of(int steps, double eps) {
        return new AnalyticConfig(steps, eps, 1.0, 1.0);
    }

    /** The defaults: 128 steps, eps = 1e-5, temperature 1, top-p 1. */
    public static AnalyticConfig defaults() {
        return of(DEFAULT_STEPS, DEFAULT_EPS);
    }

    /** This config with another temperature and top-p. */
    public AnalyticConfig withShaping(double newTemperature, double newTopP) {
        return new AnalyticConfig(steps, eps, newTemperature, newTopP);
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
