package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.Backbone;
import org.nd4j.linalg.api.ndarray.INDArray;

class InferenceModelTest {

    private static ModelSpec spec(Backbone backbone) {
        ModelSpec base = Fixtures.spec(16);
        return new ModelSpec(backbone, base.objective(), base.schedule(), base.vocabSize(), base.maskId(),
                base.description());
    }

    private static Map<String, INDArray> weights(ModelSpec spec) {
        Map<String, INDArray> m = new TreeMap<>();
        ModelGraph.build(spec, false, false, 4L).params().forEach((k, v) -> m.put(k, v.dup()));
        return m;
    }

    @Test
    void subsCarriesUnmaskedTokensOverAndNeverPredictsTheMask() {
        ModelSpec spec = Fixtures.spec(16);
        InferenceModel model = InferenceModel.create(spec, weights(spec));
        int m = Fixtures.MASK;
        int[][] xt = {{0, m, 2, 3, m, 1}, {m, m, m, 4, 5, 6}};
        INDArray logp = model.outputArray(xt, new double[] {0.5, 1.0});
        assertArrayEquals(new long[] {2, 6, 8}, logp.shape());
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 6; i++) {
                int tok = xt[b][i];
                if (tok != m) {
                    assertEquals(0.0, logp.getDouble(b, i, tok), 0.0, "carry-over at " + b + "," + i);
                    for (int v = 0; v < 8; v++) {
                        if (v != tok) {
                            assertEquals(-1e6, logp.getDouble(b, i, v), 1.0);
                        }
                    }
                } else {
                    assertTrue(logp.getDouble(b, i, m) < -1e5, "mask has zero probability");
                    double sum = 0;
                    for (int v = 0; v < 8; v++) {
                        sum += Math.exp(logp.getDouble(b, i, v));
                    }
                    assertEquals(1.0, sum, 1e-5);
                }
            }
        }
        assertEquals(8, model.vocabSize());
        assertEquals(m, model.maskId());
        assertFalse(model.timeConditioned());
    }

    @Test
    void returnedArraysAreNotOverwrittenByLaterCalls() {
        ModelSpec spec = Fixtures.spec(16);
        InferenceModel model = InferenceModel.create(spec, weights(spec));
        int m = Fixtures.MASK;
        INDArray first = model.outputArray(new int[][] {{m, 1, m, 3}}, new double[] {0});
        float[] copy = first.data().asFloat();
        INDArray second = model.outputArray(new int[][] {{0, m, 2, m}}, new double[] {0});
        assertArrayEquals(copy, first.data().asFloat(), 0f);
        assertFalse(java.util.Arrays.equals(copy, second.data().asFloat()));
    }

    @Test
    void sigmaIsZeroedForABackboneThatIsNotTimeConditioned() {
        int[][] xt = {{Fixtures.MASK, 1, Fixtures.MASK, 3}};
        ModelSpec untimed = spec(new TinyTestBackbone(16, false, true, 0.0));
        InferenceModel a = InferenceModel.create(untimed, weights(untimed));
        assertArrayEquals(a.outputArray(xt, new double[] {0.1}).data().asFloat(),
                a.outputArray(xt, new double[] {3.0}).data().asFloat(), 0f);

        ModelSpec timed = spec(new TinyTestBackbone(16, true, true, 0.0));
        InferenceModel b = InferenceModel.create(timed, weights(timed));
        assertTrue(b.timeConditioned());
        float[] low = b.outputArray(xt, new double[] {0.1}).data().asFloat();
        float[] high = b.outputArray(xt, new double[] {3.0}).data().asFloat();
        assertFalse(java.util.Arrays.equals(low, high), "a time-conditioned backbone must see sigma");
    }

    @Test
    void wrongWeightsAndInputsFailClearly() {
        ModelSpec spec = Fixtures.spec(16);
        Map<String, INDArray> w = weights(Fixtures.spec(12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InferenceModel.create(spec, w));
        assertTrue(e.getMessage().contains("'emb' has shape [8, 12] but the model needs [8, 16]"), e.getMessage());

        InferenceModel model = InferenceModel.create(spec, weights(spec));
        assertThrows(IllegalArgumentException.class, () -> model.outputArray(new int[][] {{0, 9}}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> model.outputArray(new int[][] {{0, 1}, {2}},
                new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> model.outputArray(new int[][] {{0, 1}}, new double[2]));
    }
}
