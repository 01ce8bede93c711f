package org.mdlm.process.param;

/**
 * Configuration of the SUBS parameterization.
 *
 * @param negInfinity the finite stand-in for minus infinity: added to the mask logit ("zero masking
 *                    probability") and written to the impossible entries of carried-over rows; must be
 *                    negative and finite (the reference MDLM uses -1e6)
 */
public record SubsConfig(double negInfinity) {

    /** The reference MDLM value of {@link #negInfinity()}. */
    public static final double DEFAULT_NEG_INFINITY = -1e6;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if negInfinity is not a negative finite number
     */
    public SubsConfig {
        if (!(negInfinity < 0.0 && Double.isFinite(negInfinity))) {
            throw new IllegalArgumentException("negInfinity must be negative and finite (e.g. -1e6), got "
                    + negInfinity);
        }
    }

    /** The default config: {@code negInfinity = -1e6}. */
    public static SubsConfig defaults() {
        return new SubsConfig(DEFAULT_NEG_INFINITY);
    }
}
