package org.mdlm.process.schedule;

/**
 * Configuration of the geometric noise schedule {@code sigma(t) = sigma_min^(1-t) sigma_max^t}.
 *
 * <p>Config keys: {@code sigma_min}, {@code sigma_max}.
 *
 * @param sigmaMin the total noise at t = 0; finite and greater than 0 (a fraction
 *                 {@code 1 - exp(-sigma_min)} of tokens is already masked at t = 0)
 * @param sigmaMax the total noise at t = 1; finite and greater than {@code sigmaMin} (a fraction
 *                 {@code exp(-sigma_max)} of tokens stays unmasked at t = 1)
 */
public record GeometricConfig(double sigmaMin, double sigmaMax) {

    /** The default {@link #sigmaMin()}, SEDD's geometric schedule value. */
    public static final double DEFAULT_SIGMA_MIN = 1e-4;

    /** The default {@link #sigmaMax()}, SEDD's geometric schedule value. */
    public static final double DEFAULT_SIGMA_MAX = 20.0;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if {@code sigma_min} is not finite and positive, or if
     *                                  {@code sigma_max} is not finite or not greater than {@code sigma_min}
     */
    public GeometricConfig {
        if (!(sigmaMin > 0.0 && Double.isFinite(sigmaMin))) {
            throw new IllegalArgumentException("sigma_min must be finite and > 0, got " + sigmaMin);
        }
        if (!(sigmaMax > sigmaMin && Double.isFinite(sigmaMax))) {
            throw new IllegalArgumentException("sigma_max must be finite and greater than sigma_min (" + sigmaMin
                    + "), got " + sigmaMax);
        }
    }

    /** The default config: {@code sigma_min = 1e-4}, {@code sigma_max = 20}. */
    public static GeometricConfig defaults() {
        return new GeometricConfig(DEFAULT_SIGMA_MIN, DEFAULT_SIGMA_MAX);
    }
}
