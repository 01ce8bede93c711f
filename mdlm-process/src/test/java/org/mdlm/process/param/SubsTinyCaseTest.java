package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SUBS on a batch small enough to check by hand: V = 4 (mask id 3), B = 2, L = 3.
 *
 * <pre>
 * row  logits                    xt  x0  expected
 * 0,0  [0, 0, 0, 7]              3   2   uniform over 3 tokens: loss = w0 * ln 3
 * 0,1  [1, 2, 3, 0]              1   1   carried over: [-1e6, 0, -1e6, -1e6], loss 0
 * 0,2  [0, ln 2, ln 5, 4]        3   0   probs 1/8, 2/8, 5/8: loss = w0 * ln 8
 * 1,0  [2, 2, 2, 2]              0   0   carried over: [0, -1e6, -1e6, -1e6], loss 0
 * 1,1  [0, ln 3, 0, -1]          3   1   probs 1/5, 3/5, 1/5: loss = w1 * ln(5/3)
 * 1,2  [-1, 0, 1, 0]             2   2   carried over: [-1e6, -1e6, 0, -1e6], loss 0
 * </pre>
 * with weights w = [2, 0.5]. The mask logit (7, 4, -1) never matters: -1e6 is added to it.
 */
class SubsTinyCaseTest {

    private static final int MASK = 3;
    private static final double LN2 = Math.log(2);
    private static final double LN3 = Math.log(3);
    private static final double LN5 = Math.log(5);
    private static final double[][][] LOGITS = {
        {{0, 0, 0, 7}, {1, 2, 3, 0}, {0, LN2, LN5, 4}},
        {{2, 2, 2, 2}, {0, LN3, 0, -1}, {-1, 0, 1, 0}},
    };
    private static final int[][] XT = {{3, 1, 3}, {0, 3, 2}};
    private static final int[][] X0 = {{2, 1, 0}, {0, 1, 2}};
    private static final double[] W = {2.0, 0.5};

    private final SameDiff sd = SameDiff.create();
    private final Map<String, INDArray> out = build();

    private Map<String, INDArray> build() {
        SDVariable logits = sd.placeHolder("logits", DataType.FLOAT, -1, -1, 4);
        SDVariable xt = sd.placeHolder("xt", DataType.INT32, -1, -1);
        SDVariable x0 = sd.placeHolder("x0", DataType.INT32, -1, -1);
        SDVariable w = sd.placeHolder("w", DataType.FLOAT, -1);
        SubsParameterization subs = new SubsParameterization(SubsConfig.defaults());
        SDVariable logp = subs.logProbs(sd, logits, xt, MASK).rename("logp");
        SDVariable tokenLoss = subs.tokenLoss(sd, logp, x0, xt, w, MASK).rename("tokenLoss");
        sd.mean(tokenLoss).rename("loss");
        return sd.output(Map.of(
                "logits", Nd4j.createFromArray(LOGITS).castTo(DataType.FLOAT),
                "xt", Nd4j.createFromArray(XT), "x0", Nd4j.createFromArray(X0),
                "w", Nd4j.createFromArray(W).castTo(DataType.FLOAT)), "logp", "tokenLoss", "loss");
    }

    @Test
    void maskedRowsAreLogSoftmaxWithoutTheMaskToken() {
        INDArray logp = out.get("logp");
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                if (XT[b][i] != MASK) {
                    continue;
                }
                double[] expected = plainLogSoftmaxWithoutMask(LOGITS[b][i]);
                for (int v = 0; v < MASK; v++) {
                    assertEquals(expected[v], logp.getDouble(b, i, v), 1e-6, "logp[" + b + "," + i + "," + v + "]");
                }
                assertTrue(logp.getDouble(b, i, MASK) < -999_000, "mask entry must be ~ -1e6");
            }
        }
        // Hand values: row (0,0) uniform over 3, row (0,2) = log(1/8, 2/8, 5/8), row (1,1) = log(1/5, 3/5, 1/5).
        assertEquals(-LN3, logp.getDouble(0, 0, 1), 1e-6);
        assertEquals(Math.log(1.0 / 8), logp.getDouble(0, 2, 0), 1e-6);
        assertEquals(Math.log(5.0 / 8), logp.getDouble(0, 2, 2), 1e-6);
        assertEquals(Math.log(3.0 / 5), logp.getDouble(1, 1, 1), 1e-6);
    }

    @Test
    void unmaskedRowsCarryTheObservedTokenOver() {
        INDArray logp = out.get("logp");
        int[][] carried = {{0, 1}, {1, 0}, {1, 2}};
        for (int[] pos : carried) {
            int b = pos[0];
            int i = pos[1];
            for (int v = 0; v < 4; v++) {
                double expected = v == XT[b][i] ? 0.0 : -1e6;
                assertEquals(expected, logp.getDouble(b, i, v), 0.0, "logp[" + b + "," + i + "," + v + "]");
            }
        }
    }

    @Test
    void lossMatchesHandComputation() {
        INDArray tokenLoss = out.get("tokenLoss");
        double[][] expected = {
            {2.0 * LN3, 0.0, 2.0 * Math.log(8)},
            {0.0, 0.5 * Math.log(5.0 / 3), 0.0},
        };
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[b][i], tokenLoss.getDouble(b, i), 1e-5, "tokenLoss[" + b + "," + i + "]");
            }
        }
        double mean = (2.0 * LN3 + 2.0 * Math.log(8) + 0.5 * Math.log(5.0 / 3)) / 6.0;
        assertEquals(1.101920, mean, 1e-6); // (2.197225 + 4.158883 + 0.255413) / 6
        assertEquals(mean, out.get("loss").getDouble(0), 1e-5);
    }

    /** log-softmax over the non-mask columns, in double, as the oracle. */
    private static double[] plainLogSoftmaxWithoutMask(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < MASK; v++) {
            max = Math.max(max, row[v]);
        }
        double sum = 0;
        for (int v = 0; v < MASK; v++) {
            sum += Math.exp(row[v] - max);
        }
        double[] out = new double[MASK];
        for (int v = 0; v < MASK; v++) {
            out[v] = row[v] - max - Math.log(sum);
        }
        return out;
    }
}
