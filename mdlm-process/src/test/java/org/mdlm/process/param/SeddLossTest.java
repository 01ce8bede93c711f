package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/**
 * SEDD's score entropy on V = 4 (mask id 3, N = 3 clean tokens): hand values, non-negativity, zero
 * at the true ratios, and the log-score output.
 */
class SeddLossTest {

    private static final int V = 4;
    private static final int MASK = 3;
    private static final NoiseSchedule SCHEDULE = new LogLinearSchedule(LogLinearConfig.defaults());
    private final SeddObjective sedd = new SeddObjective(SeddConfig.defaults());
    private final LossHarness harness = new LossHarness(sedd, SCHEDULE, V, MASK);

    @Test
    void lossEqualsTheHandComputedScoreEntropy() {
        double[][][] logits = {{{0.5, -1.0, 2.0, 9.0}, {1.0, 1.0, 1.0, 1.0}}};
        int[][] x0 = {{1, 2}};
        int[][] xt = {{MASK, 2}};
        double t = 0.4;
        double[][] loss = harness.tokenLoss(logits, xt, x0, new double[] {t});
        // sigma = -log(1 - 0.999 * 0.4); expm1(sigma) = 0.3996 / 0.6004; q = 0.6004 / 0.3996;
        // s_v = exp(logit_v) / (expm1(sigma) * 3); dsigma = 0.999 / 0.6004.
        double em1 = 0.3996 / 0.6004;
        double q = 1 / em1;
        double s0 = Math.exp(0.5) / (3 * em1);
        double s1 = Math.exp(-1.0) / (3 * em1);
        double s2 = Math.exp(2.0) / (3 * em1);
        double expected = 0.999 / 0.6004 * (s0 + s1 + s2 - q * Math.log(s1) + q * (Math.log(q) - 1));
        assertEquals(expected, loss[0][0], 1e-5 * expected);
        assertEquals(0.0, loss[0][1], 0.0, "an unmasked position carries no loss");
    }

    @Test
    void scoreEntropyIsNonNegativeAtEveryPosition() {
        SplittableRandom rng = new SplittableRandom(7);
        int b = 16;
        int l = 5;
        double[][][] logits = new double[b][l][V];
        int[][] x0 = new int[b][l];
        int[][] xt = new int[b][l];
        double[] t = new double[b];
        for (int r = 0; r < b; r++) {
            t[r] = 0.01 + 0.98 * rng.nextDouble();
            for (int i = 0; i < l; i++) {
                for (int v = 0; v < V; v++) {
                    logits[r][i][v] = 6 * (rng.nextDouble() - 0.5);
                }
                x0[r][i] = rng.nextInt(MASK);
                xt[r][i] = rng.nextBoolean() ? MASK : x0[r][i];
            }
        }
        double[][] loss = harness.tokenLoss(logits, xt, x0, t);
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < l; i++) {
                assertTrue(loss[r][i] >= -1e-5, "loss[" + r + "," + i + "] = " + loss[r][i]);
            }
        }
    }

    @Test
    void scoreEntropyIsZeroAtTheTrueRatios() {
        double[] times = {0.1, 0.5, 0.9};
        double[][][] logits = new double[times.length][1][V];
        int[][] x0 = new int[times.length][1];
        int[][] xt = new int[times.length][1];
        for (int r = 0; r < times.length; r++) {
            double em1 = Math.expm1(SCHEDULE.sigma(times[r]));
            // log s_x0 = log q  <=>  logit = log(1/em1) + log(em1) + log 3 = log 3; others ~ -inf.
            x0[r][0] = r % 3;
            xt[r][0] = MASK;
            for (int v = 0; v < V; v++) {
                logits[r][0][v] = v == x0[r][0] ? Math.log(3) : -1e4;
            }
            assertTrue(em1 > 0);
        }
        double[][] loss = harness.tokenLoss(logits, xt, x0, times);
        for (int r = 0; r < times.length; r++) {
            assertEquals(0.0, loss[r][0], 1e-5, "t = " + times[r]);
        }
        // Away from the true ratio the entropy is positive.
        logits[1][0][x0[1][0]] += 0.5;
        assertTrue(harness.tokenLoss(logits, xt, x0, times)[1][0] > 1e-3);
    }

    @Test
    void outputIsTheLogScoreWithZeroAtTheObservedToken() {
        double[][][] logits = {{{0.5, -1.0, 2.0, 9.0}, {1.0, 3.0, 1.0, 1.0}}};
        int[][] xt = {{MASK, 1}};
        double sigma = 0.7;
        double[][][] out = harness.output(logits, xt, new double[] {sigma});
        double shift = Math.log(Math.expm1(sigma)) + Math.log(3);
        for (int v = 0; v < MASK; v++) {
            assertEquals(logits[0][0][v] - shift, out[0][0][v], 1e-5);
        }
        assertEquals(0.0, out[0][0][MASK], 0.0, "the mask column of a masked position");
        assertEquals(0.0, out[0][1][1], 0.0, "the observed token's column");
        assertEquals(DenoiserOutputKind.LOG_SCORE_RATIOS, sedd.outputKind());
        assertEquals("analytic", sedd.preferredSampler());
    }
}
