package org.mdlm.process.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * The polynomial schedule, mask probability (1-eps) t^k: values, the k = 1 log-linear case, provider
 * and config checks.
 */
class PolynomialScheduleTest {

    private static final double EPS = 1e-3;
    private final PolynomialSchedule schedule = new PolynomialSchedule(PolynomialConfig.defaults());
    private final PolynomialSchedule squareRoot = new PolynomialSchedule(new PolynomialConfig(0.5, EPS));
    private final PolynomialSchedule cubic = new PolynomialSchedule(new PolynomialConfig(3, EPS));

    @Test
    void handComputedValuesForTheDefaultSquare() {
        // k = 2, t = 1/2: mask = 0.999 / 4 = 0.24975, alpha = 0.75025; dsigma = 0.999 * 2 * 0.5 / 0.75025.
        assertEquals(0.24975, schedule.maskProbability(0.5), 1e-16);
        assertEquals(0.75025, schedule.alpha(0.5), 1e-16);
        assertEquals(-Math.log(0.75025), schedule.sigma(0.5), 1e-15);
        assertEquals(0.999 / 0.75025, schedule.dsigma(0.5), 1e-14);
        // t = 0.3: mask = 0.999 * 0.09 = 0.08991; dsigma = 0.999 * 0.6 / 0.91009.
        assertEquals(0.08991, schedule.maskProbability(0.3), 1e-16);
        assertEquals(-Math.log(0.91009), schedule.sigma(0.3), 1e-15);
        assertEquals(0.0942117832627314691773, schedule.sigma(0.3), 1e-15);
        assertEquals(0.999 * 0.6 / 0.91009, schedule.dsigma(0.3), 1e-14);
        assertEquals(0.6586161808172818072938, schedule.dsigma(0.3), 1e-14);
        // t = 0.9: mask = 0.999 * 0.81 = 0.80919; dsigma = 0.999 * 1.8 / 0.19081.
        assertEquals(1.656477110439886704052, schedule.sigma(0.9), 1e-13);
        assertEquals(0.999 * 1.8 / 0.19081, schedule.dsigma(0.9), 1e-12);
    }

    @Test
    void handComputedValuesForOtherPowers() {
        // k = 1/2, t = 1/4: mask = 0.999 * 0.5 = 0.4995; dsigma = 0.999 * 0.5 * (1/4)^(-1/2) / 0.5005 = 0.999 / 0.5005.
        assertEquals(0.4995, squareRoot.maskProbability(0.25), 1e-16);
        assertEquals(-Math.log(0.5005), squareRoot.sigma(0.25), 1e-15);
        assertEquals(0.999 / 0.5005, squareRoot.dsigma(0.25), 1e-14);
        assertEquals(2.013929720846442810218, squareRoot.dsigma(0.3), 1e-14);
        // k = 3, t = 1/2: mask = 0.999 / 8 = 0.124875; dsigma = 0.999 * 3 / 4 / 0.875125.
        assertEquals(0.124875, cubic.maskProbability(0.5), 1e-16);
        assertEquals(-Math.log(0.875125), cubic.sigma(0.5), 1e-15);
        assertEquals(0.999 * 0.75 / 0.875125, cubic.dsigma(0.5), 1e-14);
        assertEquals(8.933790651715495953689, cubic.dsigma(0.9), 1e-12);
    }

    @Test
    void endpoints() {
        for (PolynomialSchedule s : new PolynomialSchedule[] {schedule, squareRoot, cubic}) {
            assertEquals(0.0, s.sigma(0.0), 0.0, s.toString());
            assertEquals(1.0, s.alpha(0.0), 0.0, s.toString());
            assertEquals(0.0, s.maskProbability(0.0), 0.0, s.toString());
            assertEquals(1 - EPS, s.maskProbability(1.0), 0.0, s.toString());
            assertEquals(EPS, s.alpha(1.0), 1e-16, s.toString());
            assertEquals(-Math.log(EPS), s.sigma(1.0), 1e-12, s.toString());
            // (1-eps) k / eps.
            assertEquals(999 * s.k(), s.dsigma(1.0), 1e-9, s.toString());
        }
        assertEquals(0.0, schedule.dsigma(0.0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, squareRoot.dsigma(0.0), "k < 1: infinite rate at t = 0");
    }

    @Test
    void powerOneIsTheLogLinearSchedule() {
        for (double eps : new double[] {EPS, 0.25, 0.9}) {
            PolynomialSchedule polynomial = new PolynomialSchedule(new PolynomialConfig(1.0, eps));
            LogLinearSchedule logLinear = new LogLinearSchedule(new LogLinearConfig(eps));
            for (int i = 0; i <= 1000; i++) {
                double t = i / 1000.0;
                assertEquals(logLinear.sigma(t), polynomial.sigma(t), 0.0, "sigma, eps=" + eps + ", t=" + t);
                assertEquals(logLinear.dsigma(t), polynomial.dsigma(t), 0.0, "dsigma, eps=" + eps + ", t=" + t);
                assertEquals(logLinear.alpha(t), polynomial.alpha(t), 0.0, "alpha, eps=" + eps + ", t=" + t);
                assertEquals(logLinear.maskProbability(t), polynomial.maskProbability(t), 0.0,
                        "mask, eps=" + eps + ", t=" + t);
            }
        }
    }

    @Test
    void dsigmaIsTheDerivativeOfSigma() {
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(schedule);
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(squareRoot);
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(cubic);
        ScheduleProperties.dsigmaIsTheDerivativeOfSigma(new PolynomialSchedule(new PolynomialConfig(1.7, 0.05)));
    }

    @Test
    void alphaAndMaskProbabilityAgreeWithSigmaAndIncrease() {
        ScheduleProperties.alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(schedule);
        ScheduleProperties.alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(squareRoot);
        ScheduleProperties.alphaAndMaskProbabilityAgreeWithSigmaAndIncrease(cubic);
    }

    @Test
    void rejectsTimesOutsideTheUnitInterval() {
        ScheduleProperties.rejectsTimesOutsideTheUnitInterval(schedule);
        ScheduleProperties.rejectsTimesOutsideTheUnitInterval(squareRoot);
    }

    @Test
    void configRejectsBadValuesNamingTheField() {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            ScheduleProperties.rejected("k", bad, () -> new PolynomialConfig(bad, EPS));
        }
        for (double bad : new double[] {0.0, 1.0, -0.1, 1.5, Double.NaN}) {
            ScheduleProperties.rejected("eps", bad, () -> new PolynomialConfig(2.0, bad));
        }
    }

    @Test
    void providerNameDefaultsAndFactory() {
        PolynomialScheduleProvider provider = new PolynomialScheduleProvider();
        assertEquals("polynomial", provider.name());
        assertEquals(PolynomialConfig.class, provider.configType());
        assertEquals(new PolynomialConfig(2.0, 1e-3), provider.defaultConfig());
        NoiseSchedule s = provider.create(new PolynomialConfig(3.0, 0.5));
        assertInstanceOf(PolynomialSchedule.class, s);
        // 0.5 * 0.5^3 = 0.0625.
        assertEquals(0.0625, s.maskProbability(0.5), 0.0);
        assertInstanceOf(PolynomialSchedule.class, provider.createFromRecord(PolynomialConfig.defaults()));
    }
}
