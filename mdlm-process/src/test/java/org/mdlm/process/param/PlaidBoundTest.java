package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three terms of Plaid's bound, recomputed by hand in double precision from the embeddings,
 * the state and the logits the graph saw: the reconstruction term is the cross-entropy of the
 * rounding step (logits plus the output prior (alpha/sigma^2) z.e_v, mask excluded), the diffusion
 * term is gamma' exp(-gamma) |e - e_hat|^2 / 2, the prior is the closed-form KL; each is
 * non-negative and the per-token loss is their weighted sum.
 */
class PlaidBoundTest {

    private static final int V = 6;
    private static final int MASK = 5;
    private static final int D = 4;
    private static final int L = 5;

    private final PlaidConfig config = new PlaidConfig(D, -3.0, 6.0, 0.25, -1e6);
    private final PlaidHarness harness = new PlaidHarness(config, V, MASK, 11L);
    private final int[][] x0 = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 2, 0, 1, 3}};
    private final double[] t = {0.0, 0.37, 0.91};

    private Map<String, INDArray> run() {
        SplittableRandom rng = new SplittableRandom(5);
        INDArray noise = harness.noiseFill().compute(x0.length, L, rng);
        double[] logits = new double[x0.length * L * V];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = 2.0 * rng.nextGaussian();
        }
        return harness.run(x0, t, noise, Nd4j.createFromArray(logits).reshape(x0.length, L, V),
                harness.tokenLoss.name(), PlaidGraph.EMBEDDINGS, PlaidGraph.STATE, PlaidGraph.RECONSTRUCTION,
                PlaidGraph.DIFFUSION, PlaidGraph.PRIOR, "logits");
    }

    @Test
    void termsMatchTheirFormulasAndSumToTheLoss() {
        Map<String, INDArray> out = run();
        INDArray e = out.get(PlaidGraph.EMBEDDINGS);
        INDArray z = out.get(PlaidGraph.STATE);
        INDArray logits = out.get("logits");
        LinearLogSnr process = harness.objective.process();
        for (int b = 0; b < x0.length; b++) {
            double gamma = -3.0 + 9.0 * t[b];
            double alpha2 = 1.0 / (1.0 + Math.exp(gamma));
            double sigma2 = 1.0 / (1.0 + Math.exp(-gamma));
            double coefficient = Math.sqrt(alpha2) / sigma2;
            for (int l = 0; l < L; l++) {
                double[] row = new double[V];
                boolean[] keep = new boolean[V];
                for (int v = 0; v < V; v++) {
                    double dot = 0;
                    for (int i = 0; i < D; i++) {
                        dot += z.getDouble(b, l, i) * e.getDouble(v, i);
                    }
                    row[v] = logits.getDouble(b, l, v) + coefficient * dot;
                    keep[v] = v != MASK;
                }
                double[] logp = LossHarness.logSoftmax(row, keep);
                int x = x0[b][l];
                double reconstruction = -logp[x];
                double error = 0;
                double norm2 = 0;
                for (int i = 0; i < D; i++) {
                    double expected = 0;
                    for (int v = 0; v < V; v++) {
                        expected += keep[v] ? Math.exp(logp[v]) * e.getDouble(v, i) : 0.0;
                    }
                    double diff = e.getDouble(x, i) - expected;
                    error += diff * diff;
                    norm2 += e.getDouble(x, i) * e.getDouble(x, i);
                }
                double diffusion = 0.5 * 9.0 * Math.exp(-gamma) * error;
                double a1 = 1.0 / (1.0 + Math.exp(6.0));
                double prior = 0.5 * (a1 * norm2 + D * ((1 - a1) - 1 - Math.log(1 - a1)));

                String at = "row " + b + " position " + l;
                assertEquals(reconstruction, out.get(PlaidGraph.RECONSTRUCTION).getDouble(b, l),
                        1e-4 * Math.max(1, reconstruction), at);
                assertEquals(diffusion, out.get(PlaidGraph.DIFFUSION).getDouble(b, l), 1e-4 * Math.max(1, diffusion), at);
                assertEquals(prior, out.get(PlaidGraph.PRIOR).getDouble(b, l), 1e-7, at);
                assertEquals(process.priorKl(1.0), prior, 1e-9, "unit-norm embeddings");
                assertTrue(reconstruction > 0 && diffusion >= 0 && prior > 0, at);

                double wRec = t[b] == 0.0 ? 1.0 / 0.25 : 0.0;
                double wDiff = t[b] == 0.0 ? 0.0 : 1.0 / 0.75;
                double total = wRec * reconstruction + wDiff * diffusion + prior;
                assertEquals(total, out.get(harness.tokenLoss.name()).getDouble(b, l), 1e-4 * Math.max(1, total), at);
            }
        }
    }

    @Test
    void atTimeZeroTheLossIsTheWeightedCrossEntropyOfTheRoundingStepOnAFixedExample() {
        // Two positions (the second only keeps every axis longer than 1), t = 0, z_0 = alpha_0 e_x + sigma_0 eps with eps = 0: the rounding step is the
        // logits plus (alpha_0 / sigma_0^2) alpha_0 e_x . e_v. With zero logits and unit-norm e, the
        // cross-entropy is log(sum_v exp(c e_x.e_v)) - c with c = alpha_0^2 / sigma_0^2 = exp(3).
        int[][] one = {{2, 0}, {1, 3}};
        Map<String, INDArray> out = harness.run(one, new double[] {0.0, 0.0}, Nd4j.zeros(2, 2, D), Nd4j.zeros(2, 2, V),
                PlaidGraph.RECONSTRUCTION, PlaidGraph.EMBEDDINGS, harness.tokenLoss.name());
        INDArray e = out.get(PlaidGraph.EMBEDDINGS);
        double c = Math.exp(3.0);
        double sum = 0;
        for (int v = 0; v < V; v++) {
            if (v == MASK) {
                continue;
            }
            double dot = 0;
            for (int i = 0; i < D; i++) {
                dot += e.getDouble(2, i) * e.getDouble(v, i);
            }
            sum += Math.exp(c * (dot - 1.0));
        }
        double crossEntropy = Math.log(sum);
        assertEquals(crossEntropy, out.get(PlaidGraph.RECONSTRUCTION).getDouble(0, 0), 1e-4);
        double prior = harness.objective.process().priorKl(1.0);
        assertEquals(crossEntropy / 0.25 + prior, out.get(harness.tokenLoss.name()).getDouble(0, 0), 1e-3);
    }

    @Test
    void embeddingsHaveUnitNorm() {
        INDArray e = run().get(PlaidGraph.EMBEDDINGS);
        for (int v = 0; v < V; v++) {
            double n = 0;
            for (int i = 0; i < D; i++) {
                n += e.getDouble(v, i) * e.getDouble(v, i);
            }
            assertEquals(1.0, n, 1e-5, "row " + v);
        }
    }
}
