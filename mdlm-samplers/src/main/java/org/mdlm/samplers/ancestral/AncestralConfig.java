package org.mdlm.samplers.ancestral;

/**
 * Settings of the ancestral samplers {@code ddpm} and {@code ddpm_cache}.
 *
 * <p>The reverse process walks the time grid {@code t_k = 1 - k (1 - eps) / steps}, k = 0..steps
 * (a linspace from 1 down to eps), then removes the remaining noise at {@code t = eps}.
 *
 * @param steps number of reverse steps, at least 1 (the reference default is 128)
 * @param eps the last time of the grid, in (0, 1) exclusive (the reference sampling uses 1e-5)
 */
public record AncestralConfig(int steps, double eps) {

    /** Steps used when a run gives none. */
    public static final int DEFAULT_STEPS = 128;

    /** Smallest time used when a run gives none. */
    public static final double DEFAULT_EPS = 1e-5;

    /** Validates the settings. */
    public AncestralConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(eps > 0.0 && eps < 1.0)) {
            throw new IllegalArgumentException("eps must be in (0, 1) exclusive, got " + eps);
        }
    }

    /** The defaults: 128 steps, eps = 1e-5. */
    public static AncestralConfig defaults() {
        return new AncestralConfig(DEFAULT_STEPS, DEFAULT_EPS);
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
