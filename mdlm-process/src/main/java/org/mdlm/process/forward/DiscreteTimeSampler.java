package org.mdlm.process.forward;

import java.util.SplittableRandom;

/**
 * Draws the step times of a discrete-time chain with {@code steps} steps: t = i / steps with i
 * uniform on {1, ..., steps}, stratified like {@link AntitheticTimeSampler} (one draw per stratum
 * of [0, 1), then {@code i = floor(v * steps) + 1}), so a batch covers the chain evenly.
 */
public final class DiscreteTimeSampler {

    private DiscreteTimeSampler() {
    }

    /**
     * Stratified step times.
     *
     * @param n number of times, at least 1
     * @param steps number of steps T of the chain, at least 1
     * @param rng source of the uniforms (one per time, as the continuous sampler)
     * @return n times in {1/T, 2/T, ..., 1}
     */
    public static double[] sample(int n, int steps, SplittableRandom rng) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        double[] v = AntitheticTimeSampler.sample(n, 0.0, rng);
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = (double) step(v[k], steps) / steps;
        }
        return t;
    }

    /** The step index i in {1..steps} of a uniform v in [0, 1]. */
    static int step(double v, int steps) {
        return Math.min(steps, (int) Math.floor(v * steps) + 1);
    }

    /**
     * The step index of a time on the grid, {@code round(t * steps)}.
     *
     * @throws IllegalArgumentException if t is not within 1e-9 of a grid point i/steps with i in 1..steps
     */
    public static int indexOf(double t, int steps) {
        long i = Math.round(t * steps);
        if (i < 1 || i > steps || Math.abs(t * steps - i) > 1e-9 * steps) {
            throw new IllegalArgumentException("time " + t + " is not a step i/" + steps + " with i in 1.." + steps);
        }
        return (int) i;
    }
}
