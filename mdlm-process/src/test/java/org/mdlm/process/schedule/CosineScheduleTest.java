package org.mdlm.process.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;

/** The cosine schedule sigma(t) = -log(eps + (1-eps) cos(pi t / 2)): values, provider and config checks. */
class CosineScheduleTest {

    private static final double EPS = 1e-3;
    private final CosineSchedule schedule = new CosineSchedule(CosineConfig.defaults());

    @Test
    void handComputedValues() {
        // t = 1/2: cos(pi/4) = sqrt(1/2).
        assertEquals(-Math.log(0.001 + 0.999 * Math.sqrt(0.5)), schedule.sigma(0.5), 1e-15);
        assertEquals(0.346159462480355272818, schedule.sigma(0.5), 1e-15);
        assertEquals(0.999 * (Math.PI / 2) * Math.sqrt(0.5) / (0.001 + 0.999 * Math.sqrt(0.5)),
                schedule.dsigma(0.5), 1e-14);
        assertEquals(1.568575805096020654278, schedule.dsigma(0.5), 1e-14);
        assertEquals(0.707399674405360976876, schedule.alpha(0.5), 1e-15);
        assertEquals(0.292600325594639023124, schedule.maskProbability(0.5), 1e-15);
        // t = 2/3: cos(pi/3) = 1/2, sin(pi/3) = sqrt(3)/2; alpha = 0.5005.
        assertEquals(-Math.log(0.5005), schedule.sigma(2.0 / 3), 1e-15);
        assertEquals(0.999 * (Math.PI / 2) * (Math.sqrt(3) / 2) / 0.5005, schedule.dsigma(2.0 / 3), 1e-14);
        assertEquals(0.4995, schedule.maskProbability(2.0 / 3), 1e-15);
        // t = 1/3: cos(pi/6) = sqrt(3)/2, sin(pi/6) = 1/2.
        assertEquals(0.143686347652405531784, schedule.sigma(1.0 / 3), 1e-15);
        assertEquals(0.999 * (Math.PI / 2) * 0.5 / (0.001 + 0.999 * Math.sqrt(3) / 2), schedule.dsigma(1.0 / 3), 1e-14);
        // t = 0.25 and 0.9 (30-digit values of the formula).
        assertEquals(0.079091203103945982387, schedule.sigma(0.25), 1e-15);
        assertEquals(0.649940947077312395621, schedule.dsigma(0.25), 1e-14);
        assertEquals(1.849740144436916262335, schedule.sigma(0.9), 1e-14);
        assertEquals(9.854559817027931858532, schedule.dsigma(0.9), 1e-12);
        // Near t = 0 sigma keeps its relative precision: sigma(1e-6) = 1.2324668495865397e-12.
        assertEquals(1.23246684958653972902e-12, schedule.sigma(1e-6), 1e-26);
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
        // (1-eps)(pi/2) / eps.
        assertEquals(1569.225530468101722612, schedule.dsigma(1.0), 1e-9);
    }

    @Test
    void otherEps() {
        CosineSchedule s = new CosineSchedule(new CosineConfig(0.25));
        // alpha(2/3) = 0.25 + 0.75 / 2 = 0.625.
        assertEquals(0.625, s.alpha(2.0 / 3), 1e-15);
        assertEquals(-Math.log(0.625), s.sigma(2.0 / 3), 1e-15);
        assertEquals(Math.log(4), s.sigma(1.0), 1e-15);
        assertEquals(0.25, s.eps(), 0.0);
    }

    @Test
    void dsigmaIsTheDerivativeOfSigma() {
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(schedule);
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(new CosineSchedule(new CosineConfig(0.25)));
    }

    @Test
    void alphaAndMaskProbabilityAgreeWithSigmaAndIncrease() {
        ScheduleProperties.alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(schedule);
        ScheduleProperties.alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(new CosineSchedule(new CosineConfig(0.25)));
    }

    @Test
    void rejectsTimesOutsideTheUnitInterval() {
        ScheduleProperties.rejectsTimesOutsideTheUnitInterval(schedule);
    }

    @Test
    void configRejectsEpsOutsideTheOpenUnitInterval() {
        for (double bad : new double[] {0.0, 1.0, -0.1, 1.5, Double.NaN}) {
            ScheduleProperties.rejected("eps", bad, () -> new CosineConfig(bad));
        }
    }

    @Test
    void providerNameDefaultsAndFactory() {
        CosineScheduleProvider provider = new CosineScheduleProvider();
        assertEquals("cosine", provider.name());
        assertEquals(CosineConfig.class, provider.configType());
        assertEquals(new CosineConfig(1e-3), provider.defaultConfig());
        NoiseSchedule s = provider.create(new CosineConfig(0.5));
        assertInstanceOf(CosineSchedule.class, s);
        // 1 - (0.5 + 0.5 cos(pi/3)) = 0.25.
        assertEquals(0.25, s.maskProbability(2.0 / 3), 1e-15);
        assertInstanceOf(CosineSchedule.class, provider.createFromRecord(CosineConfig.defaults()));
    }
}
