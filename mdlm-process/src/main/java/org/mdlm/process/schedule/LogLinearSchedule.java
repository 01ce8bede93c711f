package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;

/**
 * The log-linear noise schedule of MDLM: {@code sigma(t) = -log1p(-(1-eps) t)}, so that a token is
 * masked at time t with probability exactly {@code (1-eps) t} and {@code alpha(t) = 1 - (1-eps) t}.
 *
 * <p>Defined for t in [0, 1]; every method throws {@link IllegalArgumentException} for a t outside
 * that interval (or NaN).
 */
public final class LogLinearSchedule implements NoiseSchedule {

    private final double eps;
    private final double slope;

    /** Creates the schedule from its config. */
    public LogLinearSchedule(LogLinearConfig config) {
        this.eps = config.eps();
        this.slope = 1.0 - eps;
    }

    /** The eps this schedule was built with. */
    public double eps() {
        return eps;
    }

    /** {@inheritDoc} Here {@code -log1p(-(1-eps) t)}. */
    @Override
    public double sigma(double t) {
        ScheduleChecks.time(t);
        return -Math.log1p(-slope * t);
    }

    /** {@inheritDoc} Here {@code (1-eps) / (1 - (1-eps) t)}. */
    @Override
    public double dsigma(double t) {
        ScheduleChecks.time(t);
        return slope / (1.0 - slope * t);
    }

    /** {@inheritDoc} Here exactly {@code 1 - (1-eps) t}. */
    @Override
    public double alpha(double t) {
        ScheduleChecks.time(t);
        return 1.0 - slope * t;
    }

    /** {@inheritDoc} Here exactly {@code (1-eps) t}. */
    @Override
    public double maskProbability(double t) {
        ScheduleChecks.time(t);
        return slope * t;
    }

    @Override
    public String toString() {
        return "LogLinearSchedule[eps=" + eps + "]";
    }
}
