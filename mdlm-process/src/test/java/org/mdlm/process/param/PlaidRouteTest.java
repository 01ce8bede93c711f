package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.RouteContext;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/**
 * Plaid's route: a fraction p of the draws at t = 0 in expectation, the rest stratified over (0, 1];
 * the term weights 1/p and 1/(1-p) make the batch average unbiased; xt gives the shape only; a
 * model that is not time-conditioned is refused; the config's ranges.
 */
class PlaidRouteTest {

    private static final Vocabulary VOCAB = Vocabulary.of(6, 5);
    private static final RouteContext ROUTE = new RouteContext(new LogLinearSchedule(LogLinearConfig.defaults()), VOCAB,
            1e-3, true);

    @Test
    void timesHaveTheExpectedShareAtZeroAndOneDrawPerStratum() {
        PlaidObjective plaid = new PlaidObjective(new PlaidConfig(16, -3, 6, 0.3, -1e6));
        SplittableRandom rng = new SplittableRandom(1);
        int n = 7;
        int zeros = 0;
        int trials = 4000;
        for (int k = 0; k < trials; k++) {
            double[] t = plaid.drawTimes(n, ROUTE, rng);
            int atZero = (int) Arrays.stream(t).filter(x -> x == 0.0).count();
            assertTrue(atZero == 2 || atZero == 3, "floor(7 * 0.3) = 2, or one more");
            zeros += atZero;
            int m = n - atZero;
            boolean[] hit = new boolean[m];
            for (double x : t) {
                if (x != 0.0) {
                    assertTrue(x > 0.0 && x <= 1.0, "t in (0, 1]: " + x);
                    int stratum = (int) Math.ceil(x * m) - 1;
                    assertTrue(!hit[stratum], "one draw per stratum");
                    hit[stratum] = true;
                }
            }
        }
        double share = zeros / (double) (n * trials);
        assertEquals(0.3, share, 5 * Math.sqrt(0.1 * 0.9 / trials) / n * 7, "expected share at t = 0");
    }

    @Test
    void weightsMakeTheBatchAverageUnbiased() {
        PlaidObjective plaid = new PlaidObjective(new PlaidConfig(16, -3, 6, 0.25, -1e6));
        int[][] x0 = {{0, 1}, {2, 3}, {4, 0}, {1, 1}};
        Corruption c = plaid.corrupt(x0, null, new double[] {0.0, 0.2, 0.0, 1.0}, ROUTE, new SplittableRandom(0));
        assertArrayEquals(new double[] {4.0, 0.0, 4.0, 0.0}, c.rowValues().get(PlaidObjective.RECONSTRUCTION_WEIGHT));
        assertArrayEquals(new double[] {0.0, 4.0 / 3.0, 0.0, 4.0 / 3.0}, c.rowValues().get(PlaidObjective.DIFFUSION_WEIGHT),
                1e-12);
        for (int[] row : c.xt()) {
            assertArrayEquals(new int[] {5, 5}, row, "xt holds the mask only: the backbone reads vectors");
        }
        // E[weight of the reconstruction term] = 1 under the objective's own time draws.
        SplittableRandom rng = new SplittableRandom(9);
        double sumRec = 0;
        double sumDiff = 0;
        int n = 3;
        int trials = 20000;
        for (int k = 0; k < trials; k++) {
            double[] t = plaid.drawTimes(n, ROUTE, rng);
            Corruption ck = plaid.corrupt(new int[n][1], null, t, ROUTE, rng);
            sumRec += Arrays.stream(ck.rowValues().get(PlaidObjective.RECONSTRUCTION_WEIGHT)).sum() / n;
            sumDiff += Arrays.stream(ck.rowValues().get(PlaidObjective.DIFFUSION_WEIGHT)).sum() / n;
        }
        assertEquals(1.0, sumRec / trials, 0.03);
        assertEquals(1.0, sumDiff / trials, 0.01);
    }

    @Test
    void refusesAModelThatIsNotTimeConditioned() {
        RouteContext untimed = new RouteContext(ROUTE.schedule(), VOCAB, 1e-3, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PlaidObjective(PlaidConfig.defaults()).drawTimes(4, untimed, new SplittableRandom(0)));
        assertTrue(e.getMessage().contains("model.time_conditioning=true"), e.getMessage());
    }

    @Test
    void configRangesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PlaidConfig(0, -3, 6, 0.25, -1e6));
        assertThrows(IllegalArgumentException.class, () -> new PlaidConfig(16, 6, -3, 0.25, -1e6));
        assertThrows(IllegalArgumentException.class, () -> new PlaidConfig(16, -3, 6, 0.0, -1e6));
        assertThrows(IllegalArgumentException.class, () -> new PlaidConfig(16, -3, 6, 1.0, -1e6));
        assertThrows(IllegalArgumentException.class, () -> new PlaidConfig(16, -3, 6, 0.25, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new PlaidConfig(16, -40, 6, 0.25, -1e6));
    }

    @Test
    void scheduleIsLinearInGammaWithTheVariancePreservingAlphaAndSigma() {
        LinearLogSnr p = new LinearLogSnr(16, -3, 6, "e");
        assertEquals(-3.0, p.gamma(0.0), 0);
        assertEquals(1.5, p.gamma(0.5), 1e-15);
        assertEquals(9.0, p.gammaPrime(), 0);
        for (double t : new double[] {0, 0.3, 1}) {
            assertEquals(1.0, p.alphaSquared(t) + p.sigmaSquared(t), 1e-15);
            assertEquals(Math.exp(p.gamma(t)), p.sigmaSquared(t) / p.alphaSquared(t), 1e-9 * Math.exp(p.gamma(t)));
        }
        // KL(N(alpha_1 e, sigma_1^2 I) || N(0, I)) for |e| = 1, D = 16, written out.
        double a2 = 1 / (1 + Math.exp(6));
        double s2 = 1 - a2;
        assertEquals(0.5 * (a2 + 16 * (s2 - 1 - Math.log(s2))), p.priorKl(1.0), 1e-12);
    }
}
