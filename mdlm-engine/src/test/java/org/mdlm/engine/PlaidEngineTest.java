package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.EmbeddingStates;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.param.PlaidConfig;
import org.mdlm.process.param.PlaidObjective;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An objective in embedding space (Plaid) runs through the unchanged engine: the backbone reads the
 * objective's vectors, the bound falls with training, the inference model serves states (not
 * tokens) and its embedding table, and a backbone that cannot read vectors is refused by name.
 */
class PlaidEngineTest {

    private static final NoiseSchedule SCHEDULE = new LogLinearSchedule(LogLinearConfig.defaults());

    @TempDir
    Path dir;

    private static ModelSpec spec() {
        return new ModelSpec(TinyTestBackbone.forVectors(32), new PlaidObjective(new PlaidConfig(8, -3, 6, 0.25, -1e6)),
                SCHEDULE, Fixtures.V, Fixtures.MASK, "tiny/plaid/loglinear");
    }

    /** Trains 120 steps; the bound (positive, reported as a bound) falls by more than 0.3 nats. */
    private Checkpoint trainsAndLearns(ModelSpec spec) {
        EvalRequest request = EvalRequest.sampled(32, 8, 8, 1e-3, 3L);
        EvalResult before = Evaluator.evaluate(spec, ModelGraph.build(spec, false, true, 7L).params(),
                Fixtures.validStream(), request, EvalProgress.NONE);
        TrainResult r = new Trainer(spec, Fixtures.config(120, 0, 0), Fixtures.trainStream(), Fixtures.validStream(),
                dir, null).train();
        Checkpoint ckpt = Checkpoint.load(r.lastCheckpoint());
        EvalResult after = Evaluator.evaluate(spec, ckpt.emaParams(), Fixtures.validStream(), request,
                EvalProgress.NONE);
        assertTrue(after.natsPerToken() < before.natsPerToken() - 0.3,
                "bound before " + before.natsPerToken() + ", after " + after.natsPerToken());
        assertTrue(after.natsPerToken() > 0, "a bound on an NLL is positive");
        assertFalse(after.exact());
        return ckpt;
    }

    @Test
    void plaidLearnsAndItsModelServesEmbeddingSpaceStates() {
        ModelSpec spec = spec();
        Checkpoint ckpt = trainsAndLearns(spec);
        assertTrue(ckpt.emaParams().containsKey("plaid.embedding"), "the objective's table is a trained parameter");

        InferenceModel model = InferenceModel.create(spec, ckpt);
        assertEquals(DenoiserOutputKind.STATE_CLEAN_LOG_PROBS, model.kind());
        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> model.evaluate(new int[][] {{0, 1}}, new double[] {0.5}));
        assertTrue(refused.getMessage().contains("plaid"), refused.getMessage());

        EmbeddingStates states = model.embeddingStates().orElseThrow();
        assertEquals(8, states.width());
        assertEquals(Fixtures.V, states.vocab());
        for (int v = 0; v < Fixtures.V; v++) {
            double n = 0;
            for (int i = 0; i < 8; i++) {
                n += states.embedding(v, i) * states.embedding(v, i);
            }
            assertEquals(1.0, n, 1e-5, "unit-norm row " + v);
        }
        // Near t = 0 a state at alpha_0 e_x (no noise) is read back as x: the output prior decides.
        int[] x = {0, 1, 2, 3, 4, 5, 6, 0};
        float[] z = new float[x.length * 8];
        double alpha0 = Math.sqrt(1 / (1 + Math.exp(-3.0)));
        for (int l = 0; l < x.length; l++) {
            for (int i = 0; i < 8; i++) {
                z[l * 8 + i] = (float) (alpha0 * states.embedding(x[l], i));
            }
        }
        DenoiserOutput out = model.evaluateState(z, 1, x.length, new double[] {0.0});
        assertEquals(DenoiserOutputKind.STATE_CLEAN_LOG_PROBS, out.kind());
        int right = 0;
        for (int l = 0; l < x.length; l++) {
            double total = 0;
            int best = -1;
            for (int v = 0; v < Fixtures.V; v++) {
                if (v != Fixtures.MASK) {
                    total += Math.exp(out.get(0, l, v));
                    if (best < 0 || out.get(0, l, v) > out.get(0, l, best)) {
                        best = v;
                    }
                }
            }
            assertEquals(1.0, total, 1e-4, "clean tokens carry the whole mass");
            assertTrue(out.get(0, l, Fixtures.MASK) < -1e4, "the mask is never predicted");
            right += best == x[l] ? 1 : 0;
        }
        assertTrue(right >= 7, right + " of 8 positions read back");
        assertThrows(IllegalArgumentException.class, () -> model.evaluateState(z, 1, x.length, new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> model.evaluateState(z, 2, x.length, new double[] {0, 0}));
    }

    @Test
    void aBackboneThatCannotReadVectorsIsRefusedByName() {
        ModelSpec spec = new ModelSpec(new TinyTestBackbone(16), new PlaidObjective(PlaidConfig.defaults()), SCHEDULE,
                Fixtures.V, Fixtures.MASK, "tiny/plaid/loglinear");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelGraph.build(spec, true, true, 1L));
        assertTrue(e.getMessage().contains("cannot read") && e.getMessage().contains("model.type=dit"), e.getMessage());
    }

    @Test
    void tokenModelsHaveNoEmbeddingStates() {
        ModelSpec spec = new ModelSpec(new TinyTestBackbone(16), new org.mdlm.process.param.SubsParameterization(
                org.mdlm.process.param.SubsConfig.defaults()), SCHEDULE, Fixtures.V, Fixtures.MASK, "tiny/subs/loglinear");
        InferenceModel model = InferenceModel.untrained(spec, 1L, 8);
        assertTrue(model.embeddingStates().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> model.evaluateState(new float[8], 1, 1, new double[] {0}));
        Map<String, INDArray> params = ModelGraph.build(spec, false, false, 1L).params();
        assertFalse(params.containsKey("plaid.embedding"));
    }

    private static ModelSpec selfConditionedSpec(double fraction) {
        return new ModelSpec(TinyTestBackbone.forVectors(32),
                new PlaidObjective(new PlaidConfig(8, -3, 6, 0.25, -1e6, true, fraction)), SCHEDULE, Fixtures.V,
                Fixtures.MASK, "tiny/plaid-sc/loglinear");
    }

    @Test
    void selfConditioningFeedsBackTheFirstPassEstimateOnTheChosenRowsOnly() {
        ModelSpec spec = selfConditionedSpec(0.5);
        ModelGraph graph = ModelGraph.build(spec, false, true, 5L);
        NoisyBatch batch = Batches.train(spec, Fixtures.config(1, 0, 0), Fixtures.trainStream(), 0);
        double[] chosen = batch.corruption().rowValues().get("plaid.self_conditioned");
        assertTrue(java.util.Arrays.stream(chosen).anyMatch(x -> x == 1.0)
                && java.util.Arrays.stream(chosen).anyMatch(x -> x == 0.0), "this seed chooses some rows, not all");
        Map<String, INDArray> ph = graph.placeholders(batch, true, new java.util.SplittableRandom(3));
        INDArray fed = ph.get("plaid.self_condition");
        // The first pass again, through SameDiff's own session: the same placeholders with zeros there.
        Map<String, INDArray> zeros = new java.util.HashMap<>(ph);
        zeros.put("plaid.self_condition", org.nd4j.linalg.factory.Nd4j.zeros(fed.shape()).castTo(fed.dataType()));
        INDArray first = graph.sameDiff().output(zeros, "plaid.estimate").get("plaid.estimate");
        assertTrue(first.amaxNumber().doubleValue() > 0.05, "a non-trivial estimate");
        for (int b = 0; b < chosen.length; b++) {
            INDArray expected = chosen[b] == 1.0 ? first.slice(b) : first.slice(b).mul(0.0);
            assertTrue(expected.equalsWithEps(fed.slice(b), 1e-5), "row " + b + " (chosen " + chosen[b] + ")");
        }
    }

    @Test
    void aSelfConditionedPlaidLearnsAndItsInferenceFeedsItsOwnEstimate() {
        ModelSpec spec = selfConditionedSpec(0.5);
        Checkpoint ckpt = trainsAndLearns(spec);

        InferenceModel model = InferenceModel.create(spec, ckpt);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
        float[] z = new float[2 * 6 * 8];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        double[] t = {0.3, 0.6};
        DenoiserOutput out = model.evaluateState(z, 2, 6, t);
        // By hand: a graph with the same weights, first pass with zeros, second with its estimate.
        ModelGraph graph = ModelGraph.build(spec, false, false, 0L);
        graph.setParams(ckpt.emaParams());
        Map<String, INDArray> ph = new java.util.HashMap<>();
        ph.put("xt", org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {2, 6}, Fixtures.MASK,
                org.nd4j.linalg.api.buffer.DataType.INT32));
        double[] sigma = {SCHEDULE.sigma(0.3), SCHEDULE.sigma(0.6)};
        ph.put("sigma", ModelGraph.floats(sigma));
        ph.put("input.t", ModelGraph.floats(t));
        ph.put("input.state", org.nd4j.linalg.factory.Nd4j.createFromArray(z).reshape(2, 6, 8));
        ph.put("plaid.self_condition", org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 6, 8));
        INDArray estimate = graph.sameDiff().output(ph, "plaid.estimate").get("plaid.estimate").dup();
        ph.put("plaid.self_condition", estimate);
        INDArray second = graph.sameDiff().output(ph, graph.outputName()).get(graph.outputName());
        ph.put("plaid.self_condition", org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 6, 8));
        INDArray withoutEstimate = graph.sameDiff().output(ph, graph.outputName()).get(graph.outputName());
        double differs = 0;
        for (int b = 0; b < 2; b++) {
            for (int l = 0; l < 6; l++) {
                for (int v = 0; v < Fixtures.MASK; v++) {
                    assertEquals(second.getDouble(b, l, v), out.get(b, l, v), 1e-4, "(" + b + ", " + l + ", " + v + ")");
                    differs = Math.max(differs, Math.abs(second.getDouble(b, l, v) - withoutEstimate.getDouble(b, l, v)));
                }
            }
        }
        assertTrue(differs > 1e-3, "the trained model reads its estimate: " + differs);
    }
}
