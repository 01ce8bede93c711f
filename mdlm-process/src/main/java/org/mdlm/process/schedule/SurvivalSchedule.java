package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;

/**
 * A schedule given by its survival probability alpha(t) in closed form, with the mask probability
 * 1 - alpha(t) and the rate -alpha'(t) also in closed form (each without cancellation): then
 * {@code sigma = -log(alpha)}, taken as {@code -log1p(-mask)} while the mask probability is at most
 * 1/2, so it keeps full relative precision at both ends, and {@code dsigma = -alpha' / alpha}.
 * Every method checks that t lies in [0, 1].
 */
abstract class SurvivalSchedule implements NoiseSchedule {

    /** alpha(t), for t already checked. */
    abstract double survival(double t);

    /** 1 - alpha(t), for t already checked. */
    abstract double mask(double t);

    /** -d alpha / dt, for t already checked. */
    abstract double survivalRate(double t);

    @Override
    public final double sigma(double t) {
        ScheduleChecks.time(t);
        double mask = mask(t);
        return mask <= 0.5 ? -Math.log1p(-mask) : -Math.log(survival(t));
    }

    @Override
    public final double dsigma(double t) {
        ScheduleChecks.time(t);
        return survivalRate(t) / survival(t);
    }

    @Override
    public final double alpha(double t) {
        ScheduleChecks.time(t);
        return survival(t);
    }

    @Override
    public final double maskProbability(double t) {
        ScheduleChecks.time(t);
        return mask(t);
    }
}
