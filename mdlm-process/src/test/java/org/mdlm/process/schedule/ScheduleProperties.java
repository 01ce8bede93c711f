package org.mdlm.process.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.mdlm.api.schedule.NoiseSchedule;

/**
 * Properties every noise schedule must have, shared by the schedule tests: dsigma is the derivative
 * of sigma, alpha and the mask probability agree with sigma and with each other, the mask probability
 * grows with t, and times outside [0, 1] are refused.
 */
final class ScheduleProperties {

    private ScheduleProperties() {
    }

    /** dsigma against a central finite difference of sigma at interior times 0.05, 0.10, ..., 0.95. */
    static void dsigmaIsTheDerivativeOfSigma(NoiseSchedule s) {
        double h = 1e-5;
        for (int i = 1; i <= 19; i++) {
            double t = i / 20.0;
            double numeric = (s.sigma(t + h) - s.sigma(t - h)) / (2 * h);
            double analytic = s.dsigma(t);
            assertEquals(numeric, analytic, 1e-6 * Math.abs(analytic), s + ": dsigma at t=" + t);
        }
    }

    /**
     * On a grid of 101 times: alpha = exp(-sigma), maskProbability = -expm1(-sigma) (both to a relative
     * 1e-12), alpha + maskProbability = 1, and maskProbability strictly increasing in t.
     */
    static void alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(NoiseSchedule s) {
        double previous = -1.0;
        for (int i = 0; i <= 100; i++) {
            double t = i / 100.0;
            double sigma = s.sigma(t);
            double alpha = s.alpha(t);
            double mask = s.maskProbability(t);
            assertEquals(Math.exp(-sigma), alpha, 1e-12 * alpha, s + ": alpha at t=" + t);
            assertEquals(-Math.expm1(-sigma), mask, 1e-12 * Math.max(mask, Double.MIN_NORMAL), s + ": mask at t=" + t);
            assertEquals(1.0, alpha + mask, 1e-15, s + ": alpha + mask at t=" + t);
            assertTrue(mask > previous,
                    s + ": mask probability must increase, at t=" + t + ": " + mask + " after " + previous);
            assertTrue(s.dsigma(t) >= 0.0, s + ": dsigma at t=" + t);
            previous = mask;
        }
    }

    /** Every method refuses times outside [0, 1] and NaN, naming the interval. */
    static void rejectsTimesOutsideTheUnitInterval(NoiseSchedule s) {
        for (double t : new double[] {-1e-9, Math.nextUp(1.0), 1.000001, -1.0, 2.0, Double.NaN,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> s.sigma(t), "sigma(" + t + ")");
            assertThrows(IllegalArgumentException.class, () -> s.dsigma(t), "dsigma(" + t + ")");
            assertThrows(IllegalArgumentException.class, () -> s.alpha(t), "alpha(" + t + ")");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.maskProbability(t),
                    "maskProbability(" + t + ")");
            assertTrue(e.getMessage().contains("[0, 1]") && e.getMessage().contains(String.valueOf(t)), e.getMessage());
        }
    }

    /**
     * The config's constructor refuses a value with a message naming the field (its config key) and
     * the bad value.
     */
    static void rejected(String field, double bad, Runnable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run,
                field + " = " + bad + " must be refused");
        assertTrue(e.getMessage().startsWith(field + " "), "message names " + field + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(bad)), "message shows " + bad + ": " + e.getMessage());
    }
}
