package org.mdlm.process.schedule;

/**
 * Configuration of the linear noise schedule {@code sigma(t) = sigma_min + t (sigma_max - sigma_min)}.
 *
 * <p>Config keys: {@code sigma_min}, {@code sigma_max}.
 *
 * @param sigmaMin the total noise at t = 0; finite and at least 0 (0 leaves every token unmasked at t = 0)
 * @param sigmaMax the total noise at t = 1; finite and greater than {@code sigmaMin} (a fraction
 *                 {@code exp(-sigma_max)} of tokens stays unmasked at t = 1)
 */
public record LinearConfig(double sigmaMin, double sigmaMax) {

    /** The reference MDLM value of {@link #sigmaMin()} (its {@code LinearNoise}). */
    public static final double DEFAULT_SIGMA_MIN = 0.0;

    /** The reference MDLM value of {@link #sigmaMax()} (its {@code LinearNoise}). */
    public static final double DEFAULT_SIGMA_MAX = 10.0;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if {@code sigma_min} is negative or not finite, or if
     *                                  {@code sigma_max} is not finite or not greater than {@code sigma_min}
     */
    public LinearConfig {
        if (!(sigmaMin >= 0.0 && Double.isFinite(sigmaMin))) {
            throw new IllegalArgumentException("sigma_min must be finite and >= 0, got " + sigmaMin);
        }
        if (!(sigmaMax > sigmaMin && Double.isFinite(sigmaMax))) {
            throw new IllegalArgumentException("sigma_max must be finite and greater than sigma_min (" + sigmaMin
                    + "), got " + sigmaMax);
        }
    }

    /** The default config: {@code sigma_min = 0}, {@code sigma_max = 10}. */
    public static LinearConfig defaults() {
        return new LinearConfig(DEFAULT_SIGMA_MIN, DEFAULT_SIGMA_MAX);
    }
}
