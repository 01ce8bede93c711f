package org.mdlm.api.schedule;

/**
 * A noise schedule for the absorbing (masking) forward process: total noise {@code sigma(t)} for
 * t in [0, 1], with {@code alpha(t) = exp(-sigma(t))} the probability that a token is still
 * unmasked at time t.
 */
public interface NoiseSchedule {

    /** Total noise sigma(t). */
    double sigma(double t);

    /** Rate d sigma / d t. */
    double dsigma(double t);

    /** Probability that a token survives unmasked to time t: exp(-sigma(t)). */
    default double alpha(double t) {
        return Math.exp(-sigma(t));
    }

    /** Probability that a token is masked at time t: 1 - alpha(t), computed without cancellation. */
    default double maskProbability(double t) {
        return -Math.expm1(-sigma(t));
    }
}
