package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The lean executor computes the same loss, gradients and log-probabilities (to 1e-5) as SameDiff's
 * own session, including after the batch shape changes, and it can be switched off. SameDiff's side
 * is the same model built with the composed ops (its session cannot run the Java kernels); without
 * kernels in the graph the two agree bit for bit.
 */
class LeanExecutorTest {

    private static final double TOL = 1e-5;

    @Test
    void lossAndGradientsEqualSameDiffs() {
        ModelSpec spec = Fixtures.spec(16);
        TrainConfig config = Fixtures.config(3, 0, 0);
        TrainingState state = new TrainingState(spec, config);
        state.advance(Fixtures.trainStream()); // builds the gradient function (and the lean executor)
        ModelGraph graph = state.graph();
        SameDiff sd = graph.sameDiff();
        LookupGradients lookups = new LookupGradients(graph.feeds(), sd);
        LeanGradients lean = LeanGradients.create(sd, graph.paramNames(), ModelGraph.LOSS, lookups);
        assertNotNull(lean, "the test backbone's graph is supported");
        // SameDiff's session cannot run the Java kernels: its side is the same model built with the composed ops.
        ModelGraph composed = SubsKernelGraphTest.withoutKernels(() -> ModelGraph.build(spec, true, true, 1L));
        composed.setParams(graph.params());
        SameDiff ref = composed.sameDiff();
        LookupGradients refLookups = new LookupGradients(composed.feeds(), ref);
        for (int[] shape : new int[][] {{8, 32}, {3, 12}, {8, 32}}) {
            NoisyBatch b = Batches.noise(spec, spec.route(1e-3), Batches.crops(spec, Fixtures.trainStream(), shape[0], shape[1],
                    Seeds.rng(1, shape[1], Seeds.CROPS)), times(shape[0]), Seeds.rng(1, shape[1], Seeds.MASKS));
            Map<String, INDArray> ph = graph.placeholders(b, true, Seeds.rng(1, 2, Seeds.FEEDS));
            Map<String, INDArray> refPh = composed.placeholders(b, true, Seeds.rng(1, 2, Seeds.FEEDS));
            OutAndGrad og = ref.calculateGradientsAndOutputs(refPh, List.of(ModelGraph.LOSS),
                    refLookups.differentiated(composed.paramNames()));
            Map<String, INDArray> expectedGradients = new java.util.HashMap<>(og.getGradients());
            refLookups.fold(expectedGradients, refPh);
            TrainingState.LossAndGradients actual = lean.run(ph);
            assertEquals(og.getOutputs().get(ModelGraph.LOSS).getDouble(0), actual.loss(), TOL);
            assertTrue(actual.loss() > 0.1, "a real loss");
            for (String p : graph.paramNames()) {
                INDArray e = expectedGradients.get(p);
                INDArray a = actual.gradients().get(p);
                assertEquals(java.util.Arrays.toString(e.shape()), java.util.Arrays.toString(a.shape()), p);
                double diff = e.sub(a).amaxNumber().doubleValue();
                assertTrue(diff <= TOL, p + ": max abs gradient difference " + diff);
            }
        }
    }

    @Test
    void inferenceEqualsSameDiffAndCanBeSwitchedOff() {
        ModelSpec spec = Fixtures.spec(16);
        TrainingState state = new TrainingState(spec, Fixtures.config(1, 0, 0));
        Map<String, INDArray> weights = state.graph().params();
        int[][] xt = {{0, 7, 2, 3, 7, 1}, {7, 7, 7, 7, 0, 1}};
        double[] sigma = {0.5, 1.5};
        INDArray lean = InferenceModel.create(spec, weights).outputArray(xt, sigma);
        String old = System.getProperty("mdlm.executor");
        System.setProperty("mdlm.executor", "samediff");
        try {
            assertTrue(!LeanExecutor.enabled());
            INDArray plain = InferenceModel.create(spec, weights).outputArray(xt, sigma);
            assertEquals(java.util.Arrays.toString(plain.shape()), java.util.Arrays.toString(lean.shape()));
            assertTrue(plain.sub(lean).amaxNumber().doubleValue() <= TOL);
        } finally {
            if (old == null) {
                System.clearProperty("mdlm.executor");
            } else {
                System.setProperty("mdlm.executor", old);
            }
        }
    }

    private static double[] times(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 0.2 + 0.7 * i / Math.max(1, n - 1);
        }
        return t;
    }
}
