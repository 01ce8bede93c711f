package org.mdlm.samplers.ancestral;

import org.mdlm.api.schedule.NoiseSchedule;

/** The MDLM log-linear schedule, written here because samplers may not depend on mdlm-process. */
final class LogLinearTestSchedule implements NoiseSchedule {

    private static final double EPS = 1e-3;

    @Override
    public double sigma(double t) {
        return -Math.log1p(-(1 - EPS) * t);
    }

    @Override
    public double dsigma(double t) {
        return (1 - EPS) / (1 - (1 - EPS) * t);
    }
}
