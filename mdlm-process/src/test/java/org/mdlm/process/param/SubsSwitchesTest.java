package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/**
 * Each SUBS ablation switch, turned off, reproduces the plain formula it names, computed here in
 * double precision from the logits: V = 4 (mask id 3), B = 2, L = 3.
 */
class SubsSwitchesTest {

    private static final int V = 4;
    private static final int MASK = 3;
    private static final NoiseSchedule SCHEDULE = new LogLinearSchedule(LogLinearConfig.defaults());
    private static final double[][][] LOGITS = {
        {{0.3, -0.2, 1.1, 0.5}, {0.0, 2.0, -1.0, 1.5}, {1.0, 0.0, 0.0, -0.5}},
        {{-1.0, 0.4, 0.2, 0.9}, {0.7, 0.7, 0.1, 0.0}, {0.2, -0.3, 0.8, 2.0}},
    };
    private static final int[][] X0 = {{2, 1, 0}, {1, 0, 2}};
    private static final int[][] XT = {{MASK, 1, MASK}, {MASK, 0, 2}};
    private static final double[] T = {0.6, 0.2};
    private static final boolean[] CLEAN = {true, true, true, false};
    private static final boolean[] ALL = {true, true, true, true};

    @Test
    void carryOverOffScoresTheModelAtEveryPosition() {
        double[][] loss = loss(new SubsConfig(-1e6, 0, false, true), T);
        for (int b = 0; b < 2; b++) {
            double w = SCHEDULE.dsigma(T[b]) / Math.expm1(SCHEDULE.sigma(T[b]));
            for (int i = 0; i < 3; i++) {
                double expected = -w * LossHarness.logSoftmax(LOGITS[b][i], CLEAN)[X0[b][i]];
                assertEquals(expected, loss[b][i], 1e-5 * expected, "loss[" + b + "," + i + "]");
            }
        }
    }

    @Test
    void zeroMaskingOffUsesTheSoftmaxOverTheWholeVocabulary() {
        double[][] loss = loss(new SubsConfig(-1e6, 0, true, false), T);
        for (int b = 0; b < 2; b++) {
            double w = 1.0 / T[b]; // dsigma / expm1(sigma) is exactly 1/t for the log-linear schedule
            for (int i = 0; i < 3; i++) {
                double expected = XT[b][i] == MASK ? -w * LossHarness.logSoftmax(LOGITS[b][i], ALL)[X0[b][i]] : 0.0;
                assertEquals(expected, loss[b][i], 1e-5 * Math.max(1, expected), "loss[" + b + "," + i + "]");
            }
        }
    }

    @Test
    void discreteTimeWithZeroMaskingIsTheStepWeightTimesTheCrossEntropy() {
        int steps = 10;
        double[] t = {0.6, 0.1};
        double[][] loss = loss(new SubsConfig(-1e6, steps, true, true), t);
        for (int b = 0; b < 2; b++) {
            double alphaT = 1 - (1 - 1e-3) * t[b];
            double s = t[b] - 1.0 / steps;
            double alphaS = s < 1e-12 ? 1.0 : 1 - (1 - 1e-3) * s;
            double w = steps * (alphaS - alphaT) / (1 - alphaT);
            for (int i = 0; i < 3; i++) {
                double expected = XT[b][i] == MASK ? -w * LossHarness.logSoftmax(LOGITS[b][i], CLEAN)[X0[b][i]] : 0.0;
                assertEquals(expected, loss[b][i], 1e-5 * Math.max(1, expected), "loss[" + b + "," + i + "]");
            }
        }
    }

    @Test
    void discreteTimeWithoutZeroMaskingIsTheD3pmLoss() {
        int steps = 4;
        double[] t = {0.75, 0.25};
        double[][] subs = loss(new SubsConfig(-1e6, steps, true, false), t);
        double[][] d3pm = new LossHarness(new D3pmObjective(new D3pmConfig(steps)), SCHEDULE, V, MASK)
                .tokenLoss(LOGITS, XT, X0, t);
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                double expected = XT[b][i] == MASK ? steps * D3pmLossTest.klOfStep(LOGITS[b][i], X0[b][i], t[b]) : 0;
                assertEquals(expected, subs[b][i], 1e-5 * Math.max(1, expected));
                assertEquals(subs[b][i], d3pm[b][i], 0.0);
            }
        }
    }

    private static double[][] loss(SubsConfig config, double[] t) {
        return new LossHarness(new SubsParameterization(config), SCHEDULE, V, MASK).tokenLoss(LOGITS, XT, X0, t);
    }
}
