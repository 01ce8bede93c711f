package org.mdlm.samplers.ar;

import org.mdlm.samplers.draw.DrawShaping;

/**
 * Configuration of the left-to-right sampler.
 *
 * @param temperature divides the log-probabilities before the draw: 1 samples the model's
 *                    distribution, below 1 sharpens it, above 1 flattens it; positive and finite
 *                    (default 1)
 * @param topP nucleus mass of the next-token draw, in (0, 1] (default 1: no truncation; JSON key {@code top_p})
 */
public record ArSamplerConfig(double temperature, double topP) {

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if the temperature is not positive and finite or top_p is not in (0, 1]
     */
    public ArSamplerConfig {
        DrawShaping.validate(temperature, topP);
    }

    /** Temperature 1 and top-p 1: the model's own distribution. */
    public static ArSamplerConfig defaults() {
        return new ArSamplerConfig(1.0, 1.0);
    }
}
