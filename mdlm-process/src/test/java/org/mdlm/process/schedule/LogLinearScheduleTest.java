package org.mdlm.process.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdlm.api.schedule.NoiseSchedule;

/** Log-linear schedule values against hand-computed and reference-fixture numbers. */
class LogLinearScheduleTest {

    private static final double EPS = 1e-3;
    private final LogLinearSchedule schedule = new LogLinearSchedule(new LogLinearConfig(EPS));

    @Test
    void matchesTheReferenceFixtureNumbers() {
        // From testdata/fixtures/dit-parity/README.md: the reference LogLinearNoise in float32 at the
        // float32 times t = [0.3f, 0.8f]; agreement to one float32 ulp of each value.
        double[] t = {0.3f, 0.8f};
        double[] sigma = {0.35624650, 1.60544586};
        double[] dsigma = {1.42653155, 4.97509956};
        for (int i = 0; i < 2; i++) {
            assertEquals(sigma[i], schedule.sigma(t[i]), Math.ulp((float) sigma[i]), "sigma at " + t[i]);
            assertEquals(dsigma[i], schedule.dsigma(t[i]), Math.ulp((float) dsigma[i]), "dsigma at " + t[i]);
        }
        // In double at the exact decimal times (hand-checked: -ln(0.7003), 0.999 / 0.7003, -ln(0.2008), 0.999 / 0.2008).
        assertEquals(-Math.log(0.7003), schedule.sigma(0.3), 1e-14);
        assertEquals(0.356246464320665, schedule.sigma(0.3), 1e-14);
        assertEquals(0.999 / 0.2008, schedule.dsigma(0.8), 1e-12);
    }

    @Test
    void handComputedValues() {
        // sigma(0.5) = -ln(1 - 0.999 * 0.5) = -ln(0.5005); dsigma(0.5) = 0.999 / 0.5005.
        assertEquals(-Math.log(0.5005), schedule.sigma(0.5), 1e-15);
        assertEquals(0.999 / 0.5005, schedule.dsigma(0.5), 1e-12);
        assertEquals(1.99600399600, schedule.dsigma(0.5), 1e-10);
    }

    @Test
    void endpoints() {
        assertEquals(0.0, schedule.sigma(0.0), 0.0);
        assertEquals(1.0 - EPS, schedule.dsigma(0.0), 1e-15);
        assertEquals(-Math.log(EPS), schedule.sigma(1.0), 1e-12);
        assertEquals(6.907755278982137, schedule.sigma(1.0), 1e-12);
        assertEquals((1.0 - EPS) / EPS, schedule.dsigma(1.0), 1e-9);
        assertEquals(1.0, schedule.alpha(0.0), 0.0);
        assertEquals(EPS, schedule.alpha(1.0), 1e-15);
        assertEquals(0.0, schedule.maskProbability(0.0), 0.0);
    }

    @Test
    void maskProbabilityIsLinearInT() {
        for (int k = 0; k <= 100; k++) {
            double t = k / 100.0;
            assertEquals((1 - EPS) * t, schedule.maskProbability(t), 1e-12, "t=" + t);
            assertEquals(1 - (1 - EPS) * t, schedule.alpha(t), 1e-12, "t=" + t);
            // The overrides agree with the interface's definitions through sigma.
            assertEquals(Math.exp(-schedule.sigma(t)), schedule.alpha(t), 1e-12, "t=" + t);
            assertEquals(-Math.expm1(-schedule.sigma(t)), schedule.maskProbability(t), 1e-12, "t=" + t);
        }
    }

    @Test
    void dsigmaIsTheDerivativeOfSigma() {
        double h = 1e-6;
        for (double t = 0.05; t < 0.96; t += 0.05) {
            double numeric = (schedule.sigma(t + h) - schedule.sigma(t - h)) / (2 * h);
            assertEquals(numeric, schedule.dsigma(t), 1e-6 * schedule.dsigma(t), "t=" + t);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-9, 1.000001, -1.0, 2.0, Double.NaN})
    void rejectsTimesOutsideTheUnitInterval(double t) {
        NoiseSchedule s = schedule;
        assertThrows(IllegalArgumentException.class, () -> s.sigma(t));
        assertThrows(IllegalArgumentException.class, () -> s.dsigma(t));
        assertThrows(IllegalArgumentException.class, () -> s.alpha(t));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.maskProbability(t));
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void otherEpsChangesTheEndpoint() {
        LogLinearSchedule s = new LogLinearSchedule(new LogLinearConfig(0.25));
        assertEquals(Math.log(4), s.sigma(1.0), 1e-15);
        assertEquals(0.375, s.maskProbability(0.5), 0.0);
        assertEquals(0.25, s.eps(), 0.0);
    }
}
