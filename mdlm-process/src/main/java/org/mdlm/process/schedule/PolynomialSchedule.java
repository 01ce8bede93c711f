package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;

/**
 * The polynomial noise schedule: a token is masked at time t with probability exactly
 * {@code (1-eps) t^k}, so {@code alpha(t) = 1 - (1-eps) t^k}, {@code sigma(t) = -log1p(-(1-eps) t^k)}
 * and {@code dsigma(t) = (1-eps) k t^(k-1) / (1 - (1-eps) t^k)}.
 *
 * <p>With {@code k = 1} it is the log-linear schedule, value for value. For {@code k < 1} the rate
 * at t = 0 is infinite: {@code dsigma(0)} returns {@link Double#POSITIVE_INFINITY}.
 *
 * <p>Defined for t in [0, 1]; every method throws {@link IllegalArgumentException} for a t outside
 * that interval (or NaN).
 */
public final class PolynomialSchedule implements NoiseSchedule {

    private final double k;
    private final double eps;
    private final double scale;

    /** Creates the schedule from its config. */
    public PolynomialSchedule(PolynomialConfig config) {
        this.k = config.k();
        this.eps = config.eps();
        this.scale = 1.0 - eps;
    }

    /** The power of t this schedule was built with. */
    public double k() {
        return k;
    }

    /** The eps this schedule was built with. */
    public double eps() {
        return eps;
    }

    /** {@inheritDoc} Here {@code -log1p(-(1-eps) t^k)}. */
    @Override
    public double sigma(double t) {
        ScheduleChecks.time(t);
        return -Math.log1p(-mask(t));
    }

    /**
     * {@inheritDoc} Here {@code (1-eps) k t^(k-1) / (1 - (1-eps) t^k)}; {@code +Infinity} at t = 0
     * when {@code k < 1}.
     */
    @Override
    public double dsigma(double t) {
        ScheduleChecks.time(t);
        return scale * k * Math.pow(t, k - 1.0) / (1.0 - mask(t));
    }

    /** {@inheritDoc} Here exactly {@code 1 - (1-eps) t^k}. */
    @Override
    public double alpha(double t) {
        ScheduleChecks.time(t);
        return 1.0 - mask(t);
    }

    /** {@inheritDoc} Here exactly {@code (1-eps) t^k}. */
    @Override
    public double maskProbability(double t) {
        ScheduleChecks.time(t);
        return mask(t);
    }

    private double mask(double t) {
        return scale * Math.pow(t, k);
    }

    @Override
    public String toString() {
        return "PolynomialSchedule[k=" + k + ", eps=" + eps + "]";
    }
}
