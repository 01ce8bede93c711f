package org.mdlm.samplers.ancestral;

import org.mdlm.api.schedule.NoiseSchedule;

/** The MDLM log-linear schedule, written here because samplers may not depend on mdlm-process. */
public final class LogLinearTestSchedule implements NoiseSchedule {

    private static final double EPS = 1e-3;

    /** The schedule with eps = 1e-3. */
    public LogLinearTestSchedule() {
    }

    /** -log1p(-(1 - 1e-3) t). */
    @Override
    public double sigma(double t) {
        return -Math.log1p(-(1 - EPS) * t);
    }

    /** (1 - 1e-3) / (1 - (1 - 1e-3) t). */
    @Override
    public double dsigma(double t) {
        return (1 - EPS) / (1 - (1 - EPS) * t);
    }
}
