package org.mdlm.samplers.gaussian;

import org.mdlm.samplers.draw.DrawShaping;

/**
 * Configuration of the embedding-space sampler.
 *
 * @param steps number of reverse steps from t = 1 to t = 0 (one network call each, plus one for the
 *              final rounding); at least 1
 * @param temperature of the final rounding draw p(x | z_0)^(1/T); positive and finite (default 1)
 * @param topP nucleus mass of the final rounding draw, in (0, 1] (default 1; JSON key {@code top_p})
 */
public record PlaidSamplerConfig(int steps, double temperature, double topP) {

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException naming the field
     */
    public PlaidSamplerConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        DrawShaping.validate(temperature, topP);
    }

    /** 256 steps, temperature 1, top-p 1. */
    public static PlaidSamplerConfig defaults() {
        return new PlaidSamplerConfig(256, 1.0, 1.0);
    }
}
