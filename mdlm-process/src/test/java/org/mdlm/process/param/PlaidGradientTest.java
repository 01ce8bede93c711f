package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient of Plaid's mean token loss with respect to its embedding table, which reaches the
 * loss through the row normalisation, the state z_t, the output prior, the estimate e_hat and the
 * prior term: SameDiff's against central finite differences of the same graph.
 */
class PlaidGradientTest {

    @Test
    void embeddingTableGradientMatchesFiniteDifferences() {
        int v = 6;
        int d = 3;
        PlaidHarness harness = new PlaidHarness(new PlaidConfig(d, -2.0, 4.0, 0.25, -1e6), v, 5, 21L);
        SDVariable loss = harness.sd.mean("loss", harness.tokenLoss);
        harness.sd.setLossVariables(loss.name());
        int[][] x0 = {{0, 1, 2, 3}, {4, 3, 2, 1}, {2, 2, 0, 4}};
        double[] t = {0.0, 0.3, 0.8};
        SplittableRandom rng = new SplittableRandom(2);
        INDArray noise = harness.noiseFill().compute(3, 4, rng);
        double[] logits = new double[3 * 4 * v];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = rng.nextGaussian();
        }
        Map<String, INDArray> feeds = harness.feeds(x0, t, noise, Nd4j.createFromArray(logits).reshape(3, 4, v));
        INDArray grad = harness.sd.calculateGradients(feeds, PlaidGraph.TABLE).get(PlaidGraph.TABLE).dup();
        INDArray table = harness.sd.getArrForVarName(PlaidGraph.TABLE);
        double h = 1e-2;
        double largest = 0;
        for (int r = 0; r < v - 1; r++) {
            for (int i = 0; i < d; i++) {
                double original = table.getDouble(r, i);
                table.putScalar(r, i, original + h);
                double up = harness.sd.output(feeds, "loss").get("loss").getDouble(0);
                table.putScalar(r, i, original - h);
                double down = harness.sd.output(feeds, "loss").get("loss").getDouble(0);
                table.putScalar(r, i, original);
                double numeric = (up - down) / (2 * h);
                largest = Math.max(largest, Math.abs(numeric));
                assertEquals(numeric, grad.getDouble(r, i), 2e-3 + 0.03 * Math.abs(numeric),
                        "d loss / d table[" + r + ", " + i + "]");
            }
        }
        assertTrue(largest > 1e-2, "the table matters to the loss: " + largest);
    }
}
