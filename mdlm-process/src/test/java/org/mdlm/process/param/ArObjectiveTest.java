package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.RouteContext;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The autoregressive objective's route and its loss, checked against a cross-entropy computed by hand. */
class ArObjectiveTest {

    private static final int MASK = 3;
    private static final Vocabulary VOCAB = Vocabulary.of(4, MASK);
    private static final NoiseSchedule SCHEDULE = new LogLinearSchedule(LogLinearConfig.defaults());
    private final ArObjective ar = new ArObjective(ArConfig.defaults());

    @Test
    void declaresACausalExactNoiselessRoute() {
        assertEquals(DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS, ar.outputKind());
        assertEquals(AttentionPattern.CAUSAL, ar.attention());
        assertTrue(ar.exactLikelihood());
        assertFalse(ar.drawsNoise());
        assertEquals("ar", ar.preferredSampler());
        assertArrayEquals(new double[3], ar.drawTimes(3, route(), new SplittableRandom(1)), 0.0);
    }

    @Test
    void inputIsTheSequenceShiftedBehindTheMaskAsBos() {
        int[][] x0 = {{0, 2, 1}, {1, 1, 0}};
        Corruption c = ar.corrupt(x0, null, new double[2], route(), new SplittableRandom(1));
        assertArrayEquals(new int[][] {{MASK, 0, 2}, {MASK, 1, 1}}, c.xt());
        assertNull(c.counted(), "every position counts when nothing is padded");
        boolean[][] valid = {{true, true, false}, {true, true, true}};
        assertSame(valid, ar.corrupt(x0, valid, new double[2], route(), new SplittableRandom(1)).counted());
        assertArrayEquals(new int[] {0, 2, 1}, x0[0], "x0 is not modified");
    }

    @Test
    void lossIsTheNextTokenCrossEntropyComputedByHand() {
        double[][] z = {{0.5, -1.0, 2.0, 7.0}, {1.5, 0.25, -0.5, 3.0}, {-2.0, 0.0, 1.0, 9.0}};
        int[] target = {2, 0, 1};
        SameDiff sd = SameDiff.create();
        float[] flat = new float[12];
        for (int i = 0; i < 3; i++) {
            for (int v = 0; v < 4; v++) {
                flat[i * 4 + v] = (float) z[i][v];
            }
        }
        SDVariable logits = sd.constant(Nd4j.createFromArray(flat).reshape(1, 3, 4));
        SDVariable x0 = sd.constant(Nd4j.createFromArray(new int[][] {target}));
        SDVariable xt = sd.constant(Nd4j.createFromArray(new int[][] {{MASK, 2, 0}}));
        SDVariable loss = ar.tokenLoss(sd, new StubLossContext(logits, x0, xt, Map.of(), VOCAB, SCHEDULE));
        INDArray got = loss.eval();
        for (int i = 0; i < 3; i++) {
            // The mask column (a large logit here) is excluded: log-softmax over ids 0..2 only.
            double lse = Math.log(Math.exp(z[i][0]) + Math.exp(z[i][1]) + Math.exp(z[i][2]));
            assertEquals(lse - z[i][target[i]], got.getDouble(0, i), 1e-5, "position " + i);
        }
        INDArray logp = ar.denoiserOutput(sd, logits, xt, MASK).eval();
        double total = 0;
        for (int v = 0; v < 3; v++) {
            total += Math.exp(logp.getDouble(0, 1, v));
        }
        assertEquals(1.0, total, 1e-6, "next-token probabilities over clean ids sum to 1");
        assertTrue(logp.getDouble(0, 1, MASK) < -1e5, "the mask is never predicted");
    }

    private static RouteContext route() {
        return new RouteContext(SCHEDULE, VOCAB, 1e-3, false);
    }
}
