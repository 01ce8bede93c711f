package org.mdlm.process.schedule;

/** The checks the schedules of this package share: the time domain [0, 1] and the eps interval (0, 1). */
final class ScheduleChecks {

    private ScheduleChecks() {
    }

    /**
     * Returns t if it lies in the closed interval [0, 1].
     *
     * @throws IllegalArgumentException if t is outside [0, 1] or NaN
     */
    static double time(double t) {
        if (!(t >= 0.0 && t <= 1.0)) {
            throw new IllegalArgumentException("t must be in [0, 1], got " + t);
        }
        return t;
    }

    /**
     * Checks a config's {@code eps}, the fraction of tokens left unmasked at t = 1.
     *
     * @throws IllegalArgumentException naming {@code eps} if it is not in the open interval (0, 1)
     */
    static void eps(double eps) {
        if (!(eps > 0.0 && eps < 1.0)) {
            throw new IllegalArgumentException("eps must be in (0, 1) (exclusive), got " + eps);
        }
    }
}
