package org.mdlm.samplers.confidence;

import org.mdlm.samplers.draw.DrawShaping;

/**
 * Settings of the confidence sampler {@code confidence} (see {@link ConfidenceSampler} for the
 * algorithm).
 *
 * <p>The steps walk the ancestral time grid {@code t_k = 1 - k (1 - eps) / steps}, k = 0..steps:
 * step j (1..steps) calls the denoiser at sigma(t_{j-1}) and leaves as many masks as the schedule
 * gives at t_j (none after the last step).
 *
 * @param steps number of steps S, at least 1 (default 128)
 * @param eps the last time of the grid, in (0, 1) exclusive (default 1e-5)
 * @param temperature divides the log-probabilities of the candidate draw; positive and finite (default 1)
 * @param topP nucleus mass of the candidate draw, in (0, 1] (default 1; JSON key {@code top_p})
 * @param remask whether earlier choices of low confidence may be masked again (default false)
 * @param remaskFraction with remask on, the largest share, in [0, 1], of the tokens the sampler
 *                       unmasked in earlier steps that one step may mask again (default 0.05; JSON
 *                       key {@code remask_fraction}); ignored when remask is off
 */
public record ConfidenceConfig(int steps, double eps, double temperature, double topP, boolean remask,
        double remaskFraction) {

    /** Steps used when a run gives none. */
    public static final int DEFAULT_STEPS = 128;

    /** Smallest grid time used when a run gives none. */
    public static final double DEFAULT_EPS = 1e-5;

    /** Remask fraction used when a run gives none. */
    public static final double DEFAULT_REMASK_FRACTION = 0.05;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if steps &lt; 1, eps is not in (0, 1), the temperature is not
     *                                  positive and finite, top_p is not in (0, 1] or remask_fraction
     *                                  is not in [0, 1]
     */
    public ConfidenceConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(eps > 0.0 && eps < 1.0)) {
            throw new IllegalArgumentException("eps must be in (0, 1) exclusive, got " + eps);
        }
        DrawShaping.validate(temperature, topP);
        if (!(remaskFraction >= 0.0 && remaskFraction <= 1.0)) {
            throw new IllegalArgumentException("remask_fraction must be in [0, 1], got " + remaskFraction);
        }
    }

    /** No remasking, temperature 1, top-p 1, with the given steps and eps. */
    public static ConfidenceConfig of(int steps, double eps) {
        return new ConfidenceConfig(steps, eps, 1.0, 1.0, false, DEFAULT_REMASK_FRACTION);
    }

    /** The defaults: 128 steps, eps = 1e-5, temperature 1, top-p 1, no remasking (fraction 0.05). */
    public static ConfidenceConfig defaults() {
        return of(DEFAULT_STEPS, DEFAULT_EPS);
    }

    /** This config with another temperature and top-p. */
    public ConfidenceConfig withShaping(double newTemperature, double newTopP) {
        return new ConfidenceConfig(steps, eps, newTemperature, newTopP, remask, remaskFraction);
    }

    /** This config with remasking on and the given fraction. */
    public ConfidenceConfig withRemask(double fraction) {
        return new ConfidenceConfig(steps, eps, temperature, topP, true, fraction);
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
