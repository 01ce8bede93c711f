package org.mdlm.process.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;

/** The linear schedule sigma(t) = sigma_min + t (sigma_max - sigma_min): values, provider and config checks. */
class LinearScheduleTest {

    private final LinearSchedule schedule = new LinearSchedule(LinearConfig.defaults());

    @Test
    void handComputedValuesAtTheDefaults() {
        // sigma_min = 0, sigma_max = 10: sigma(t) = 10 t, dsigma = 10.
        assertEquals(3.0, schedule.sigma(0.3), 1e-15);
        assertEquals(5.0, schedule.sigma(0.5), 1e-15);
        assertEquals(10.0, schedule.dsigma(0.3), 0.0);
        // alpha(0.3) = e^-3, mask = 1 - e^-3 (30-digit values).
        assertEquals(0.0497870683678639429793, schedule.alpha(0.3), 1e-16);
        assertEquals(0.9502129316321360570207, schedule.maskProbability(0.3), 1e-15);
    }

    @Test
    void handComputedValuesWithAnOffset() {
        // sigma_min = 0.5, sigma_max = 2.5: sigma(0.25) = 0.5 + 0.25 * 2 = 1, alpha = 1/e.
        LinearSchedule s = new LinearSchedule(new LinearConfig(0.5, 2.5));
        assertEquals(1.0, s.sigma(0.25), 1e-15);
        assertEquals(2.0, s.dsigma(0.9), 0.0);
        assertEquals(0.3678794411714423215955, s.alpha(0.25), 1e-16);
        assertEquals(0.5, s.sigma(0.0), 0.0);
        assertEquals(2.5, s.sigma(1.0), 1e-15);
        assertEquals(0.5, s.sigmaMin(), 0.0);
        assertEquals(2.5, s.sigmaMax(), 0.0);
    }

    @Test
    void endpoints() {
        assertEquals(0.0, schedule.sigma(0.0), 0.0);
        assertEquals(1.0, schedule.alpha(0.0), 0.0);
        assertEquals(0.0, schedule.maskProbability(0.0), 0.0);
        assertEquals(10.0, schedule.sigma(1.0), 1e-15);
        // 1 - e^-10.
        assertEquals(0.9999546000702375151485, schedule.maskProbability(1.0), 1e-15);
        assertEquals(4.53999297624848515e-5, schedule.alpha(1.0), 1e-19);
    }

    @Test
    void dsigmaIsTheDerivativeOfSigma() {
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(schedule);
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(new LinearSchedule(new LinearConfig(0.5, 2.5)));
    }

    @Test
    void alphaAndMaskProbabilityAgreeWithSigmaAndIncrease() {
        ScheduleProperties.alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(schedule);
    }

    @Test
    void rejectsTimesOutsideTheUnitInterval() {
        ScheduleProperties.rejectsTimesOutsideTheUnitInterval(schedule);
    }

    @Test
    void configRejectsBadValuesNamingTheField() {
        ScheduleProperties.rejected("sigma_min", -0.1, () -> new LinearConfig(-0.1, 10));
        ScheduleProperties.rejected("sigma_min", Double.NaN, () -> new LinearConfig(Double.NaN, 10));
        ScheduleProperties.rejected("sigma_min", Double.POSITIVE_INFINITY,
                () -> new LinearConfig(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        ScheduleProperties.rejected("sigma_max", 1.0, () -> new LinearConfig(1.0, 1.0));
        ScheduleProperties.rejected("sigma_max", 0.5, () -> new LinearConfig(1.0, 0.5));
        ScheduleProperties.rejected("sigma_max", Double.NaN, () -> new LinearConfig(0.0, Double.NaN));
        ScheduleProperties.rejected("sigma_max", Double.POSITIVE_INFINITY,
                () -> new LinearConfig(0.0, Double.POSITIVE_INFINITY));
    }

    @Test
    void providerNameDefaultsAndFactory() {
        LinearScheduleProvider provider = new LinearScheduleProvider();
        assertEquals("linear", provider.name());
        assertEquals(LinearConfig.class, provider.configType());
        assertEquals(new LinearConfig(0.0, 10.0), provider.defaultConfig());
        NoiseSchedule s = provider.create(new LinearConfig(1.0, 3.0));
        assertInstanceOf(LinearSchedule.class, s);
        assertEquals(2.0, s.sigma(0.5), 1e-15);
        assertEquals(10.0, provider.createFromRecord(LinearConfig.defaults()).dsigma(0.5), 0.0);
    }
}
