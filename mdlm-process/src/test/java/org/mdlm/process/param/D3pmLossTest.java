package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/**
 * The D3PM loss against the KL of the discrete-time chain computed from its definition: the true
 * posterior q(x_s | x_t, x0) and the model's reverse step p(x_s | x_t) proportional to
 * q(x_t | x_s) * sum over x' of q(x_s | x') p(x' | x_t), both enumerated over the whole vocabulary in
 * double precision. V = 4 (mask id 3), T = 4, log-linear schedule.
 */
class D3pmLossTest {

    private static final int V = 4;
    private static final int MASK = 3;
    private static final int T = 4;
    private static final NoiseSchedule SCHEDULE = new LogLinearSchedule(LogLinearConfig.defaults());
    /** Logits with real mass on the mask column, so every KL term matters. */
    private static final double[][][] LOGITS = {
        {{0.3, -0.2, 1.1, 0.5}, {0.0, 2.0, -1.0, 1.5}, {1.0, 0.0, 0.0, -0.5}},
        {{-1.0, 0.4, 0.2, 0.9}, {0.7, 0.7, 0.1, 0.0}, {0.2, -0.3, 0.8, 2.0}},
    };
    private static final int[][] X0 = {{2, 1, 0}, {1, 0, 2}};
    private static final int[][] XT = {{MASK, 1, MASK}, {MASK, MASK, 2}};

    private final D3pmObjective d3pm = new D3pmObjective(new D3pmConfig(T));
    private final LossHarness harness = new LossHarness(d3pm, SCHEDULE, V, MASK);

    @Test
    void lossIsTimesTheKlOfTheStepAtMaskedPositionsAndZeroElsewhere() {
        double[] t = {0.5, 0.25}; // step 2 of 4 (s = 0.25), and the first step (s = 0: the data itself)
        double[][] loss = harness.tokenLoss(LOGITS, XT, X0, t);
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                double expected = XT[b][i] == MASK ? T * klOfStep(LOGITS[b][i], X0[b][i], t[b]) : 0.0;
                assertEquals(expected, loss[b][i], 1e-5 * Math.max(1, Math.abs(expected)),
                        "loss[" + b + "," + i + "]");
            }
        }
        assertTrue(loss[0][0] > 0 && loss[1][1] > 0, "a masked position's KL is positive");
    }

    @Test
    void firstStepIsTheReconstructionOfTheData() {
        // At t = 1/T the step goes back to the data: q(x_s | x_t, x0) is x0 for sure, so the KL is
        // -log p(x_s = x0 | x_t) = log(1 + oddsT * p_m) - log p(x0).
        double[] t = {0.25, 0.25};
        double[][] loss = harness.tokenLoss(LOGITS, XT, X0, t);
        double alphaT = SCHEDULE.alpha(0.25);
        double[] logp = LossHarness.logSoftmax(LOGITS[0][0], new boolean[] {true, true, true, true});
        double pm = Math.exp(logp[MASK]);
        double expected = T * (Math.log1p(alphaT / (1 - alphaT) * pm) - logp[X0[0][0]]);
        assertEquals(expected, loss[0][0], 1e-5 * expected);
    }

    @Test
    void timesOffTheGridAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> harness.rows(X0, new double[] {0.3, 0.5}));
    }

    /** KL(q(x_s | x_t = mask, x0) || p(x_s | x_t = mask)) for one position, from the definitions. */
    static double klOfStep(double[] logits, int x0, double t) {
        double s = t - 1.0 / T;
        double alphaT = SCHEDULE.alpha(t);
        double alphaS = s <= 0 ? 1.0 : SCHEDULE.alpha(s);
        double[] pClean = softmax(logits);
        // q(x_t = mask | x_s = k): a clean token gets masked between s and t w.p. 1 - alphaT/alphaS.
        double[] toMask = new double[V];
        for (int k = 0; k < V; k++) {
            toMask[k] = k == MASK ? 1.0 : 1.0 - alphaT / alphaS;
        }
        // q(x_s = k | x0 = x'): kept w.p. alphaS, masked w.p. 1 - alphaS; the mask stays the mask.
        double[] p = new double[V];
        double z = 0;
        for (int k = 0; k < V; k++) {
            double marginal = 0;
            for (int xp = 0; xp < V; xp++) {
                double qs = xp == MASK ? (k == MASK ? 1 : 0) : (k == xp ? alphaS : (k == MASK ? 1 - alphaS : 0));
                marginal += qs * pClean[xp];
            }
            p[k] = toMask[k] * marginal;
            z += p[k];
        }
        double qClean = (alphaS - alphaT) / (1 - alphaT);
        double qMask = (1 - alphaS) / (1 - alphaT);
        double kl = qClean * Math.log(qClean / (p[x0] / z));
        if (qMask > 0) {
            kl += qMask * Math.log(qMask / (p[MASK] / z));
        }
        return kl;
    }

    private static double[] softmax(double[] logits) {
        double[] logp = LossHarness.logSoftmax(logits, new boolean[] {true, true, true, true});
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logp[k]);
        }
        return p;
    }
}
