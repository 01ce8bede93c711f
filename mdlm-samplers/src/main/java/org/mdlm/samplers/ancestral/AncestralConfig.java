package org.mdlm.samplers.ancestral;

import org.mdlm.samplers.draw.DrawShaping;

/**
 * Settings of the ancestral samplers {@code ddpm} and {@code ddpm_cache}.
 *
 * <p>The reverse process walks the time grid {@code t_k = 1 - k (1 - eps) / steps}, k = 0..steps
 * (a linspace from 1 down to eps), then removes the remaining noise at {@code t = eps}.
 *
 * <p>Temperature and top-p shape p(x0 | xt) before a masked token that unmasks draws its clean
 * token; the probability of staying masked is not changed. The final noise removal takes the most
 * probable clean token, which neither setting changes.
 *
 * @param steps number of reverse steps, at least 1 (the reference default is 128)
 * @param eps the last time of the grid, in (0, 1) exclusive (the reference sampling uses 1e-5)
 * @param temperature divides the log-probabilities of the clean-token draw; positive and finite (default 1)
 * @param topP nucleus mass of the clean-token draw, in (0, 1] (default 1: no truncation; JSON key {@code top_p})
 */
public record AncestralConfig(int steps, double eps, double temperature, double topP) {

    /** Steps used when a run gives none. */
    public static final int DEFAULT_STEPS = 128;

    /** Smallest time used when a run gives none. */
    public static final double DEFAULT_EPS = 1e-5;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if steps &lt; 1, eps is not in (0, 1), the temperature is not
     *                                  positive and finite or top_p is not in (0, 1]
     */
    public AncestralConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(eps > 0.0 && eps < 1.0)) {
            throw new IllegalArgumentException("eps must be in (0, 1) exclusive, got " + eps);
        }
        DrawShaping.validate(temperature, topP);
    }

    /** Plain sampling (temperature 1, top-p 1) with the given steps and eps. */
    public static AncestralConfig of(int steps, double eps) {
        return new AncestralConfig(steps, eps, 1.0, 1.0);
    }

    /** The defaults: 128 steps, eps = 1e-5, temperature 1, top-p 1. */
    public static AncestralConfig defaults() {
        return of(DEFAULT_STEPS, DEFAULT_EPS);
    }

    /** This config with another temperature and top-p. */
    public AncestralConfig withShaping(double newTemperature, double newTopP) {
        return new AncestralConfig(steps, eps, newTemperature, newTopP);
    }

    /**
     * Time of grid point {@code k}: 1 at k = 0 and exactly {@code eps} at k = steps.
     *
     * @param k grid index in [0, steps]
     */
    public double time(int k) {
        if (k < 0 || k > steps) {
            throw new IllegalArgumentException("k must be in [0, " + steps + "], got " + k);
        }
        return k == steps ? eps : 1.0 - k * ((1.0 - eps) / steps);
    }
}
