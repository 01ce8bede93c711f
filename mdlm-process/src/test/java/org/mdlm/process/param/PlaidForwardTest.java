package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward noising against its closed form: over many positions holding one token, the state
 * z_t has mean alpha(t) e_x and variance sigma(t)^2 per dimension, with alpha^2 = sigmoid(-gamma),
 * sigma^2 = sigmoid(gamma), gamma = gamma0 + (gamma1 - gamma0) t (fixed seed; tolerances of five
 * standard errors); the backbone reads z_t / sqrt(alpha^2 / D + sigma^2).
 */
class PlaidForwardTest {

    private static final int V = 6;
    private static final int D = 4;
    private static final int L = 4000;

    @Test
    void stateHasTheClosedFormMeanAndVariance() {
        PlaidHarness harness = new PlaidHarness(new PlaidConfig(D, -2.0, 5.0, 0.25, -1e6), V, 5, 3L);
        double[] t = {0.1, 0.5, 0.9};
        int[][] x0 = new int[t.length][L];
        for (int b = 0; b < t.length; b++) {
            Arrays.fill(x0[b], b + 1);
        }
        INDArray noise = harness.noiseFill().compute(t.length, L, new SplittableRandom(42));
        Map<String, INDArray> out = harness.run(x0, t, noise, Nd4j.zeros(t.length, L, V), PlaidGraph.STATE,
                PlaidGraph.EMBEDDINGS, harness.vectors.name());
        INDArray z = out.get(PlaidGraph.STATE);
        INDArray e = out.get(PlaidGraph.EMBEDDINGS);
        INDArray input = out.get(harness.vectors.name());
        for (int b = 0; b < t.length; b++) {
            double gamma = -2.0 + 7.0 * t[b];
            double alpha2 = 1.0 / (1.0 + Math.exp(gamma));
            double sigma2 = 1.0 / (1.0 + Math.exp(-gamma));
            for (int i = 0; i < D; i++) {
                double sum = 0;
                double sumSq = 0;
                for (int l = 0; l < L; l++) {
                    double v = z.getDouble(b, l, i);
                    sum += v;
                    sumSq += v * v;
                }
                double mean = sum / L;
                double variance = (sumSq - L * mean * mean) / (L - 1);
                double expectedMean = Math.sqrt(alpha2) * e.getDouble(b + 1, i);
                String at = "t = " + t[b] + ", dimension " + i;
                assertEquals(expectedMean, mean, 5 * Math.sqrt(sigma2 / L), at + " mean");
                assertEquals(sigma2, variance, 5 * sigma2 * Math.sqrt(2.0 / (L - 1)), at + " variance");
            }
            double scale = 1.0 / Math.sqrt(alpha2 / D + sigma2);
            for (int l = 0; l < 3; l++) {
                for (int i = 0; i < D; i++) {
                    assertEquals(scale * z.getDouble(b, l, i), input.getDouble(b, l, i), 1e-5);
                }
            }
        }
    }

    @Test
    void noiseFeedIsStandardNormalAndReproducible() {
        PlaidHarness harness = new PlaidHarness(PlaidConfig.defaults(), V, 5, 3L);
        INDArray a = harness.noiseFill().compute(2, 3000, new SplittableRandom(7));
        INDArray b = harness.noiseFill().compute(2, 3000, new SplittableRandom(7));
        assertEquals(a, b);
        assertEquals(0.0, a.meanNumber().doubleValue(), 5 / Math.sqrt(a.length()));
        assertEquals(1.0, a.varNumber().doubleValue(), 5 * Math.sqrt(2.0 / a.length()));
        assertEquals(3, a.rank());
        assertEquals(16, a.size(2));
    }
}
