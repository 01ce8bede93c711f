package org.mdlm.process.param;

/**
 * Configuration of the autoregressive objective.
 *
 * @param negInfinity the finite stand-in for minus infinity added to the mask logit, so the model
 *                    never predicts the mask (which it uses as its beginning-of-sequence input);
 *                    negative and finite
 */
public record ArConfig(double negInfinity) {

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if negInfinity is not a negative finite number
     */
    public ArConfig {
        if (!(negInfinity < 0.0 && Double.isFinite(negInfinity))) {
            throw new IllegalArgumentException("negInfinity must be negative and finite (e.g. -1e6), got " + negInfinity);
        }
    }

    /** The default config: {@code negInfinity = -1e6}. */
    public static ArConfig defaults() {
        return new ArConfig(SubsConfig.DEFAULT_NEG_INFINITY);
    }
}
