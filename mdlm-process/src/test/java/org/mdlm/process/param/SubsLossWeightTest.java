package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/** The continuous-time SUBS weight dsigma / expm1(sigma). */
class SubsLossWeightTest {

    private final SubsParameterization subs = new SubsParameterization(SubsConfig.defaults());

    @Test
    void logLinearWeightIsOneOverT() {
        for (double eps : new double[] {1e-3, 1e-5, 0.1}) {
            NoiseSchedule schedule = new LogLinearSchedule(new LogLinearConfig(eps));
            for (int k = 0; k <= 1000; k++) {
                double t = 1e-3 + (1.0 - 1e-3) * k / 1000.0;
                double w = subs.lossWeight(schedule, t);
                assertEquals(1.0, w * t, 1e-6, "eps=" + eps + " t=" + t + " weight=" + w);
            }
        }
    }

    @Test
    void usesTheScheduleNotAHardCodedOneOverT() {
        // sigma(t) = 2t (alpha = exp(-2t)): weight = 2 / expm1(2t); at t = 0.5 that is 2 / (e - 1).
        NoiseSchedule linear = new NoiseSchedule() {
            @Override
            public double sigma(double t) {
                return 2 * t;
            }

            @Override
            public double dsigma(double t) {
                return 2;
            }
        };
        assertEquals(2.0 / (Math.E - 1.0), subs.lossWeight(linear, 0.5), 1e-12);
    }

    @Test
    void rejectsTimeZero() {
        NoiseSchedule schedule = new LogLinearSchedule(LogLinearConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> subs.lossWeight(schedule, 0.0));
    }
}
