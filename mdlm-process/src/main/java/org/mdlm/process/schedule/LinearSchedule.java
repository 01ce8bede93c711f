package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;

/**
 * The linear noise schedule (the MDLM reference's {@code LinearNoise}):
 * {@code sigma(t) = sigma_min + t (sigma_max - sigma_min)}, so {@code alpha(t) = exp(-sigma(t))}
 * decays exponentially in t and the rate {@code dsigma(t) = sigma_max - sigma_min} is constant.
 *
 * <p>{@code alpha} and {@code maskProbability} are the interface's {@code exp(-sigma)} and
 * {@code -expm1(-sigma)}, already free of cancellation.
 *
 * <p>Defined for t in [0, 1]; every method throws {@link IllegalArgumentException} for a t outside
 * that interval (or NaN).
 */
public final class LinearSchedule implements NoiseSchedule {

    private final double sigmaMin;
    private final double sigmaMax;
    private final double rate;

    /** Creates the schedule from its config. */
    public LinearSchedule(LinearConfig config) {
        this.sigmaMin = config.sigmaMin();
        this.sigmaMax = config.sigmaMax();
        this.rate = sigmaMax - sigmaMin;
    }

    /** The total noise at t = 0 this schedule was built with. */
    public double sigmaMin() {
        return sigmaMin;
    }

    /** The total noise at t = 1 this schedule was built with. */
    public double sigmaMax() {
        return sigmaMax;
    }

    /** {@inheritDoc} Here {@code sigma_min + t (sigma_max - sigma_min)}. */
    @Override
    public double sigma(double t) {
        ScheduleChecks.time(t);
        return sigmaMin + t * rate;
    }

    /** {@inheritDoc} Here the constant {@code sigma_max - sigma_min}. */
    @Override
    public double dsigma(double t) {
        ScheduleChecks.time(t);
        return rate;
    }

    @Override
    public String toString() {
        return "LinearSchedule[sigmaMin=" + sigmaMin + ", sigmaMax=" + sigmaMax + "]";
    }
}
