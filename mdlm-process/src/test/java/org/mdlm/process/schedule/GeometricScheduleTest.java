package org.mdlm.process.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;

/** The geometric schedule sigma(t) = sigma_min^(1-t) sigma_max^t: values, provider and config checks. */
class GeometricScheduleTest {

    private final GeometricSchedule schedule = new GeometricSchedule(GeometricConfig.defaults());

    @Test
    void handComputedValues() {
        // Tolerances are about 2e-15 relative: sigma is sigma_min exp(t ln(sigma_max / sigma_min)), and the
        // argument of exp (up to 12.2) carries a rounding error of about one ulp.
        // sigma_min = 1e-4, sigma_max = 20: sigma(1/2) = sqrt(1e-4 * 20) = sqrt(0.002);
        // dsigma = sigma ln(20 / 1e-4) = sqrt(0.002) ln(200000).
        assertEquals(Math.sqrt(0.002), schedule.sigma(0.5), 1e-16);
        assertEquals(0.0447213595499957939282, schedule.sigma(0.5), 1e-16);
        assertEquals(Math.sqrt(0.002) * Math.log(200000), schedule.dsigma(0.5), 2e-15);
        assertEquals(0.5458721634741232601131, schedule.dsigma(0.5), 2e-15);
        assertEquals(Math.exp(-Math.sqrt(0.002)), schedule.alpha(0.5), 1e-16);
        assertEquals(0.0437361014828505911709, schedule.maskProbability(0.5), 1e-16);
        // t = 1/4: 1e-4^(3/4) 20^(1/4) = 1e-3 20^(1/4).
        assertEquals(1e-3 * Math.sqrt(Math.sqrt(20)), schedule.sigma(0.25), 1e-17);
        assertEquals(0.00211474252688112823907, schedule.sigma(0.25), 1e-17);
        assertEquals(0.02581270090970309749807, schedule.dsigma(0.25), 1e-16);
        // t = 0.9: 1e-4^0.1 20^0.9; dsigma from a 30-digit numerical derivative.
        assertEquals(Math.pow(1e-4, 0.1) * Math.pow(20, 0.9), schedule.sigma(0.9), 2e-14);
        assertEquals(5.901018770673837262256, schedule.sigma(0.9), 2e-14);
        assertEquals(72.02826379748201835355, schedule.dsigma(0.9), 1e-12);
    }

    @Test
    void endpoints() {
        assertEquals(1e-4, schedule.sigma(0.0), 0.0);
        assertEquals(20.0, schedule.sigma(1.0), 1e-13);
        // alpha(0) = exp(-1e-4), not 1: the geometric schedule starts with a little noise.
        assertEquals(0.9999000049998333374999, schedule.alpha(0.0), 1e-16);
        assertEquals(9.99950001666625000833e-5, schedule.maskProbability(0.0), 1e-19);
        assertEquals(2.06115362243855782797e-9, schedule.alpha(1.0), 1e-21);
        assertEquals(0.9999999979388463775614, schedule.maskProbability(1.0), 1e-15);
        // 1e-4 ln(200000) and 20 ln(200000).
        assertEquals(1.22060726455301737295e-3, schedule.dsigma(0.0), 2e-18);
        assertEquals(244.1214529106034745901, schedule.dsigma(1.0), 1e-11);
    }

    @Test
    void otherRange() {
        // sigma_min = 1, sigma_max = 4: sigma(t) = 4^t = 2^(2t), dsigma = 4^t ln 4.
        GeometricSchedule s = new GeometricSchedule(new GeometricConfig(1.0, 4.0));
        assertEquals(2.0, s.sigma(0.5), 1e-15);
        assertEquals(2.0 * Math.log(4), s.dsigma(0.5), 1e-14);
        assertEquals(Math.exp(-2.0), s.alpha(0.5), 1e-16);
        assertEquals(1.0, s.sigmaMin(), 0.0);
        assertEquals(4.0, s.sigmaMax(), 0.0);
    }

    @Test
    void dsigmaIsTheDerivativeOfSigma() {
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(schedule);
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(new GeometricSchedule(new GeometricConfig(1.0, 4.0)));
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
        ScheduleProperties.rejected("sigma_min", 0.0, () -> new GeometricConfig(0.0, 20));
        ScheduleProperties.rejected("sigma_min", -1e-4, () -> new GeometricConfig(-1e-4, 20));
        ScheduleProperties.rejected("sigma_min", Double.NaN, () -> new GeometricConfig(Double.NaN, 20));
        ScheduleProperties.rejected("sigma_min", Double.POSITIVE_INFINITY,
                () -> new GeometricConfig(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        ScheduleProperties.rejected("sigma_max", 1e-4, () -> new GeometricConfig(1e-4, 1e-4));
        ScheduleProperties.rejected("sigma_max", 1e-5, () -> new GeometricConfig(1e-4, 1e-5));
        ScheduleProperties.rejected("sigma_max", Double.NaN, () -> new GeometricConfig(1e-4, Double.NaN));
        ScheduleProperties.rejected("sigma_max", Double.POSITIVE_INFINITY,
                () -> new GeometricConfig(1e-4, Double.POSITIVE_INFINITY));
    }

    @Test
    void providerNameDefaultsAndFactory() {
        GeometricScheduleProvider provider = new GeometricScheduleProvider();
        assertEquals("geometric", provider.name());
        assertEquals(GeometricConfig.class, provider.configType());
        assertEquals(new GeometricConfig(1e-4, 20.0), provider.defaultConfig());
        NoiseSchedule s = provider.create(new GeometricConfig(1.0, 4.0));
        assertInstanceOf(GeometricSchedule.class, s);
        assertEquals(2.0, s.sigma(0.5), 1e-15);
        assertInstanceOf(GeometricSchedule.class, provider.createFromRecord(GeometricConfig.defaults()));
    }
}
