package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Gradients of the mean SUBS token loss with respect to a logits variable: against the analytic
 * {@code (softmax - onehot(x0)) * w[b] / (B L)} at masked positions (0 elsewhere), against central
 * finite differences in double precision, and through {@code SameDiff.fit}.
 */
class SubsGradientTest {

    private static final int B = 2;
    private static final int L = 5;
    private static final int V = 6;
    private static final int MASK = 5;
    private static final int[][] XT = {{5, 1, 5, 5, 0}, {2, 5, 3, 5, 5}};
    private static final int[][] X0 = {{4, 1, 0, 2, 0}, {2, 3, 3, 1, 4}};
    private static final double[] W = {1.7, 0.4};

    private static double[][][] randomLogits(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] x = new double[B][L][V];
        for (double[][] row : x) {
            for (double[] r : row) {
                for (int v = 0; v < V; v++) {
                    r[v] = rng.nextDouble(-2.0, 2.0);
                }
            }
        }
        return x;
    }

    /** Builds loss = mean(tokenLoss) over a logits variable (optionally hidden behind an op). */
    private static SameDiff graph(double[][][] logits, DataType dt, boolean hideShape) {
        return graph(logits, dt, hideShape, false);
    }

    /**
     * Builds loss = mean(token loss) over a logits variable; {@code fromLogits} builds it with the
     * training path {@code tokenLossFromLogits} instead of {@code tokenLoss(logProbs(...))}.
     */
    private static SameDiff graph(double[][][] logits, DataType dt, boolean hideShape, boolean fromLogits) {
        SameDiff sd = SameDiff.create();
        SDVariable var = sd.var("logits", Nd4j.createFromArray(logits).castTo(dt));
        SDVariable in = hideShape ? var.mul(1.0) : var;
        SDVariable xt = sd.placeHolder("xt", DataType.INT32, -1, -1);
        SDVariable x0 = sd.placeHolder("x0", DataType.INT32, -1, -1);
        SDVariable w = sd.placeHolder("w", dt, -1);
        SubsParameterization subs = new SubsParameterization(SubsConfig.defaults());
        SDVariable tokenLoss = fromLogits ? subs.tokenLossFromLogits(sd, in, x0, xt, w, MASK)
                : subs.tokenLoss(sd, subs.logProbs(sd, in, xt, MASK), x0, xt, w, MASK);
        sd.mean(tokenLoss).rename("loss");
        sd.setLossVariables("loss");
        return sd;
    }

    private static Map<String, INDArray> feeds(DataType dt) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("xt", Nd4j.createFromArray(XT));
        ph.put("x0", Nd4j.createFromArray(X0));
        ph.put("w", Nd4j.createFromArray(W).castTo(dt));
        return ph;
    }

    @ParameterizedTest(name = "vocab size hidden from the graph builder: {0}, loss from logits: {1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void gradientIsSoftmaxMinusOneHotAtMaskedPositions(boolean hideShape, boolean fromLogits) {
        double[][][] logits = randomLogits(11);
        SameDiff sd = graph(logits, DataType.FLOAT, hideShape, fromLogits);
        INDArray grad = sd.calculateGradients(feeds(DataType.FLOAT), "logits").get("logits");
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < L; i++) {
                double[] p = softmaxWithoutMask(logits[b][i]);
                for (int v = 0; v < V; v++) {
                    double expected = 0.0;
                    if (XT[b][i] == MASK && v != MASK) {
                        expected = (p[v] - (v == X0[b][i] ? 1.0 : 0.0)) * W[b] / (B * L);
                    }
                    String where = "dL/dlogits[" + b + "," + i + "," + v + "]";
                    if (XT[b][i] != MASK || v == MASK) {
                        assertEquals(0.0, grad.getDouble(b, i, v), 0.0, where + " must be exactly 0");
                    } else {
                        assertEquals(expected, grad.getDouble(b, i, v), 1e-6, where);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "loss from logits: {0}")
    @ValueSource(booleans = {false, true})
    void gradientMatchesCentralFiniteDifferencesInDouble(boolean fromLogits) {
        double[][][] logits = randomLogits(23);
        SameDiff sd = graph(logits, DataType.DOUBLE, false, fromLogits);
        Map<String, INDArray> ph = feeds(DataType.DOUBLE);
        INDArray grad = sd.calculateGradients(ph, "logits").get("logits").dup();
        INDArray arr = sd.getVariable("logits").getArr();
        double h = 1e-5;
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < L; i++) {
                for (int v = 0; v < V; v++) {
                    double x = arr.getDouble(b, i, v);
                    arr.putScalar(new int[] {b, i, v}, x + h);
                    double up = sd.output(ph, "loss").get("loss").getDouble(0);
                    arr.putScalar(new int[] {b, i, v}, x - h);
                    double down = sd.output(ph, "loss").get("loss").getDouble(0);
                    arr.putScalar(new int[] {b, i, v}, x);
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, grad.getDouble(b, i, v), 1e-8,
                            "dL/dlogits[" + b + "," + i + "," + v + "]");
                }
            }
        }
    }

    /** The graph must train with SameDiff's own fit loop (where logSoftmax(x, dim) breaks in M2.1). */
    @ParameterizedTest(name = "vocab size hidden from the graph builder: {0}")
    @ValueSource(booleans = {false, true})
    void fitLowersTheLoss(boolean hideShape) {
        SameDiff sd = graph(randomLogits(5), DataType.FLOAT, hideShape);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Sgd(2.0))
                .dataSetFeatureMapping("xt", "x0", "w")
                .markLabelsUnused()
                .build());
        Map<String, INDArray> ph = feeds(DataType.FLOAT);
        MultiDataSet batch = new MultiDataSet(new INDArray[] {ph.get("xt"), ph.get("x0"), ph.get("w")},
                new INDArray[0]);
        double before = sd.output(ph, "loss").get("loss").getDouble(0);
        for (int step = 0; step < 20; step++) {
            sd.fit(batch);
        }
        double after = sd.output(ph, "loss").get("loss").getDouble(0);
        assertTrue(after < 0.5 * before, "loss should fall under SGD: before " + before + ", after " + after);
        // Unmasked rows get no gradient, so their logits never move.
        INDArray trained = sd.getVariable("logits").getArr();
        double[][][] initial = randomLogits(5);
        assertEquals(initial[0][1][3], trained.getDouble(0, 1, 3), 1e-6);
        assertEquals(initial[1][0][0], trained.getDouble(1, 0, 0), 1e-6);
    }

    private static double[] softmaxWithoutMask(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < MASK; v++) {
            max = Math.max(max, row[v]);
        }
        double sum = 0;
        double[] p = new double[V];
        for (int v = 0; v < MASK; v++) {
            p[v] = Math.exp(row[v] - max);
            sum += p[v];
        }
        for (int v = 0; v < MASK; v++) {
            p[v] /= sum;
        }
        return p;
    }
}
