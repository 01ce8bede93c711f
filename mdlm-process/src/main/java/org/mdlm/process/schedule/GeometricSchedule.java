package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;

/**
 * The geometric noise schedule (SEDD's): the total noise interpolates geometrically from
 * {@code sigma_min} to {@code sigma_max}, {@code sigma(t) = sigma_min^(1-t) sigma_max^t}, so that
 * {@code dsigma(t) = sigma(t) (ln sigma_max - ln sigma_min)}.
 *
 * <p>sigma is evaluated as {@code sigma_min exp(t (ln sigma_max - ln sigma_min))}, exact at t = 0.
 * Unlike the other schedules, {@code sigma(0) = sigma_min > 0}: a fraction {@code 1 - exp(-sigma_min)}
 * of tokens is masked already at t = 0. {@code alpha} and {@code maskProbability} are the interface's
 * {@code exp(-sigma)} and {@code -expm1(-sigma)}, already free of cancellation.
 *
 * <p>Defined for t in [0, 1]; every method throws {@link IllegalArgumentException} for a t outside
 * that interval (or NaN).
 */
public final class GeometricSchedule implements NoiseSchedule {

    private final double sigmaMin;
    private final double sigmaMax;
    private final double logRatio;

    /** Creates the schedule from its config. */
    public GeometricSchedule(GeometricConfig config) {
        this.sigmaMin = config.sigmaMin();
        this.sigmaMax = config.sigmaMax();
        this.logRatio = Math.log(sigmaMax) - Math.log(sigmaMin);
    }

    /** The total noise at t = 0 this schedule was built with. */
    public double sigmaMin() {
        return sigmaMin;
    }

    /** The total noise at t = 1 this schedule was built with. */
    public double sigmaMax() {
        return sigmaMax;
    }

    /** {@inheritDoc} Here {@code sigma_min^(1-t) sigma_max^t}. */
    @Override
    public double sigma(double t) {
        ScheduleChecks.time(t);
        return sigmaMin * Math.exp(t * logRatio);
    }

    /** {@inheritDoc} Here {@code sigma(t) (ln sigma_max - ln sigma_min)}. */
    @Override
    public double dsigma(double t) {
        return sigma(t) * logRatio;
    }

    @Override
    public String toString() {
        return "GeometricSchedule[sigmaMin=" + sigmaMin + ", sigmaMax=" + sigmaMax + "]";
    }
}
