package org.mdlm.samplers.semiar;

import java.util.List;
import java.util.Objects;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * Settings of the semi-autoregressive sampler {@code semi_ar} (see {@link SemiArSampler}).
 *
 * @param inner the sampler of every window: {@code ddpm}, {@code ddpm_cache} or {@code analytic}
 *              (default {@code ddpm}); it runs with eps = 1e-5 and the steps, temperature and top-p below
 * @param steps reverse steps of the inner sampler in each window, at least 1 (default 128)
 * @param stride new tokens per window after the first, at most the model's trained length L (checked
 *               when sampling, since L is the model's); 0 (the default) means L / 2, and 1 when L = 1
 * @param temperature of the inner sampler's clean-token draws; positive and finite (default 1)
 * @param topP nucleus mass of the inner sampler's clean-token draws, in (0, 1] (default 1; JSON key {@code top_p})
 */
public record SemiArConfig(String inner, int steps, int stride, double temperature, double topP) {

    /** The inner samplers this sampler can run. */
    public static final List<String> INNER_SAMPLERS = List.of("ddpm", "ddpm_cache", "analytic");

    /** Inner steps used when a run gives none. */
    public static final int DEFAULT_STEPS = 128;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if inner is not one of {@link #INNER_SAMPLERS}, steps &lt; 1,
     *                                  stride &lt; 0, the temperature is not positive and finite or
     *                                  top_p is not in (0, 1]
     */
    public SemiArConfig {
        if (inner == null || !INNER_SAMPLERS.contains(inner)) {
            throw new IllegalArgumentException("inner must be one of " + INNER_SAMPLERS + ", got "
                    + (inner == null ? "nothing" : "'" + inner + "'"));
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (stride < 0) {
            throw new IllegalArgumentException("stride must be 0 (half the trained length) or a number of tokens"
                    + " from 1 to the trained length, got " + stride);
        }
        DrawShaping.validate(temperature, topP);
    }

    /** The defaults: inner {@code ddpm}, 128 steps, stride L / 2, temperature 1, top-p 1. */
    public static SemiArConfig defaults() {
        return of("ddpm", DEFAULT_STEPS, 0);
    }

    /** Plain sampling (temperature 1, top-p 1) with the given inner sampler, steps and stride. */
    public static SemiArConfig of(String inner, int steps, int stride) {
        return new SemiArConfig(Objects.requireNonNull(inner, "inner"), steps, stride, 1.0, 1.0);
    }

    /** This config with another temperature and top-p. */
    public SemiArConfig withShaping(double newTemperature, double newTopP) {
        return new SemiArConfig(inner, steps, stride, newTemperature, newTopP);
    }

    /**
     * The stride for a model of trained length {@code trainedLength}: {@link #stride()}, or
     * {@code max(1, L / 2)} when it is 0.
     *
     * @throws IllegalArgumentException if the trained length is below 1 or the stride exceeds it
     */
    public int strideFor(int trainedLength) {
        if (trainedLength < 1) {
            throw new IllegalArgumentException("semi_ar needs the model's trained length, but the model reports "
                    + trainedLength);
        }
        int s = stride == 0 ? Math.max(1, trainedLength / 2) : stride;
        if (s > trainedLength) {
            throw new IllegalArgumentException("stride " + s + " is larger than the model's trained length "
                    + trainedLength + ": consecutive windows would leave positions no window covers; choose a stride"
                    + " from 1 to " + trainedLength + " (0 for " + Math.max(1, trainedLength / 2) + ")");
        }
        return s;
    }
}
