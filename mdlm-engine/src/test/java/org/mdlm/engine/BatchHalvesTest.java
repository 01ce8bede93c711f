package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdlm.api.kernels.KernelThreads;
import org.mdlm.api.model.DenoiserOutput;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch evaluated in two halves on two threads gives the same table, row for row, as the whole
 * batch through one executor, for even and odd batch sizes, and repeatedly (the helper thread's
 * graph is a separate copy).
 */
class BatchHalvesTest {

    @Test
    void halvesEqualTheWholeBatch() {
        assertTrue(KernelThreads.threads() >= 2 || Runtime.getRuntime().availableProcessors() < 2,
                "the test JVM has 2 cores: kernels default to both");
        ModelSpec spec = Fixtures.spec(16);
        Map<String, INDArray> weights = new TrainingState(spec, Fixtures.config(1, 0, 0)).graph().params();
        InferenceModel model = InferenceModel.create(spec, weights);
        int[][][] batches = {
            {{0, 7, 2, 3, 7, 1}, {7, 7, 7, 7, 0, 1}, {1, 2, 3, 4, 5, 6}, {7, 0, 7, 0, 7, 0}},
            {{0, 7, 2, 3, 7, 1}, {7, 7, 7, 7, 0, 1}, {1, 2, 3, 4, 5, 6}},
        };
        for (int round = 0; round < 2; round++) {
            for (int[][] xt : batches) {
                double[] sigma = new double[xt.length];
                for (int b = 0; b < sigma.length; b++) {
                    sigma[b] = 0.3 + 0.4 * b;
                }
                assertTrue(BatchHalves.worthSplitting(xt.length) || KernelThreads.threads() < 2);
                DenoiserOutput split = model.evaluate(xt, sigma);
                INDArray whole = model.outputArray(xt, sigma);
                assertEquals(xt.length, split.batch());
                float[] want = whole.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
                float[] got = split.values();
                assertEquals(want.length, got.length);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-5, "element " + i + " of a batch of " + xt.length);
                }
            }
        }
    }
}
