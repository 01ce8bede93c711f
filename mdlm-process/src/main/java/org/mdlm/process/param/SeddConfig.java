package org.mdlm.process.param;

/**
 * Configuration of the SEDD absorbing objective.
 *
 * @param negInfinity the finite stand-in for minus infinity that removes the mask column from the
 *                    sum of predicted ratios; negative and finite
 */
public record SeddConfig(double negInfinity) {

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if negInfinity is not a negative finite number
     */
    public SeddConfig {
        if (!(negInfinity < 0.0 && Double.isFinite(negInfinity))) {
            throw new IllegalArgumentException("negInfinity must be negative and finite (e.g. -1e6), got " + negInfinity);
        }
    }

    /** The default config: {@code negInfinity = -1e6}. */
    public static SeddConfig defaults() {
        return new SeddConfig(SubsConfig.DEFAULT_NEG_INFINITY);
    }
}
