package org.mdlm.samplers.ar;

/**
 * Configuration of the left-to-right sampler.
 *
 * @param temperature divides the log-probabilities before the draw: 1 samples the model's
 *                    distribution, below 1 sharpens it, above 1 flattens it; positive and finite
 */
public record ArSamplerConfig(double temperature) {

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if the temperature is not positive and finite
     */
    public ArSamplerConfig {
        if (!(temperature > 0.0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
    }

    /** Temperature 1: the model's own distribution. */
    public static ArSamplerConfig defaults() {
        return new ArSamplerConfig(1.0);
    }
}
