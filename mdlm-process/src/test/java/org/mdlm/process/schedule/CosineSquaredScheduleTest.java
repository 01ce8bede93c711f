package org.mdlm.process.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;

/** The cosine-squared schedule sigma(t) = -log(eps + (1-eps) cos^2(pi t / 2)): values, provider and config checks. */
class CosineSquaredScheduleTest {

    private static final double EPS = 1e-3;
    private final CosineSquaredSchedule schedule = new CosineSquaredSchedule(CosineSquaredConfig.defaults());

    @Test
    void handComputedValues() {
        // t = 1/2: cos^2(pi/4) = 1/2, so alpha = 0.001 + 0.999 / 2 = 0.5005 (the log-linear value at 1/2);
        // dsigma = 0.999 (pi/2) sin(pi/2) / 0.5005.
        assertEquals(-Math.log(0.5005), schedule.sigma(0.5), 1e-15);
        assertEquals(0.999 * (Math.PI / 2) / 0.5005, schedule.dsigma(0.5), 1e-14);
        assertEquals(3.135315745191012432791, schedule.dsigma(0.5), 1e-14);
        assertEquals(0.5005, schedule.alpha(0.5), 1e-15);
        assertEquals(0.4995, schedule.maskProbability(0.5), 1e-15);
        // t = 1/3: cos^2(pi/6) = 3/4, alpha = 0.75025; sin(pi/3) = sqrt(3)/2.
        assertEquals(-Math.log(0.75025), schedule.sigma(1.0 / 3), 1e-15);
        assertEquals(0.999 * (Math.PI / 2) * (Math.sqrt(3) / 2) / 0.75025, schedule.dsigma(1.0 / 3), 1e-14);
        assertEquals(0.24975, schedule.maskProbability(1.0 / 3), 1e-15);
        // t = 0.25 and 0.9: sigma from the formula, dsigma from a 30-digit numerical derivative of it.
        assertEquals(0.158175625662063562401, schedule.sigma(0.25), 1e-15);
        assertEquals(1.299765989695995179797, schedule.dsigma(0.25), 1e-14);
        assertEquals(3.671146806549464484381, schedule.sigma(0.9), 1e-13);
        assertEquals(19.05577120118085704475, schedule.dsigma(0.9), 1e-11);
        // Near t = 0 sigma and the mask probability keep their relative precision.
        assertEquals(2.46493369917307793740e-12, schedule.sigma(1e-6), 1e-26);
        assertEquals(2.46493369917003998833e-12, schedule.maskProbability(1e-6), 1e-26);
    }

    @Test
    void endpoints() {
        assertEquals(0.0, schedule.sigma(0.0), 0.0);
        assertEquals(0.0, schedule.dsigma(0.0), 0.0);
        assertEquals(1.0, schedule.alpha(0.0), 0.0);
        assertEquals(0.0, schedule.maskProbability(0.0), 0.0);
        assertEquals(EPS, schedule.alpha(1.0), 0.0);
        assertEquals(1 - EPS, schedule.maskProbability(1.0), 1e-15);
        assertEquals(-Math.log(EPS), schedule.sigma(1.0), 1e-13);
        // sin(pi) = 0: the rate vanishes at t = 1.
        assertEquals(0.0, schedule.dsigma(1.0), 1e-12);
    }

    @Test
    void otherEps() {
        CosineSquaredSchedule s = new CosineSquaredSchedule(new CosineSquaredConfig(0.25));
        // alpha(1/2) = 0.25 + 0.75 / 2 = 0.625.
        assertEquals(0.625, s.alpha(0.5), 1e-15);
        assertEquals(-Math.log(0.625), s.sigma(0.5), 1e-15);
        assertEquals(Math.log(4), s.sigma(1.0), 1e-15);
        assertEquals(0.25, s.eps(), 0.0);
    }

    @Test
    void dsigmaIsTheDerivativeOfSigma() {
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(schedule);
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(new CosineSquaredSchedule(new CosineSquaredConfig(0.25)));
    }

    @Test
    void alphaAndMaskProbabilityAgreeWithSigmaAndIncrease() {
        ScheduleProperties.alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(schedule);
        ScheduleProperties.alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(
                new CosineSquaredSchedule(new CosineSquaredConfig(0.25)));
    }

    @Test
    void rejectsTimesOutsideTheUnitInterval() {
        ScheduleProperties.rejectsTimesOutsideTheUnitInterval(schedule);
    }

    @Test
    void configRejectsEpsOutsideTheOpenUnitInterval() {
        for (double bad : new double[] {0.0, 1.0, -0.1, 1.5, Double.NaN}) {
            ScheduleProperties.rejected("eps", bad, () -> new CosineSquaredConfig(bad));
        }
    }

    @Test
    void providerNameDefaultsAndFactory() {
        CosineSquaredScheduleProvider provider = new CosineSquaredScheduleProvider();
        assertEquals("cosine2", provider.name());
        assertEquals(CosineSquaredConfig.class, provider.configType());
        assertEquals(new CosineSquaredConfig(1e-3), provider.defaultConfig());
        NoiseSchedule s = provider.create(new CosineSquaredConfig(0.5));
        assertInstanceOf(CosineSquaredSchedule.class, s);
        // 0.5 sin^2(pi/4) = 0.25.
        assertEquals(0.25, s.maskProbability(0.5), 1e-15);
        assertInstanceOf(CosineSquaredSchedule.class, provider.createFromRecord(CosineSquaredConfig.defaults()));
    }
}
