package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A third objective, written here and nowhere else, plugs into the unchanged engine: uniform-noise
 * replacement (each token becomes a uniformly drawn clean token with probability t) with a
 * time-weighted cross-entropy read through a row input and the {@code t} input. It trains, is
 * evaluated with a standard error, and serves its own output kind as a denoiser.
 */
class ToyObjectiveTest {

    @TempDir
    Path dir;

    /** The toy objective. Its loss reads {@code t} and a row input to exercise both kinds of declared inputs. */
    static final class UniformReplacement implements Parameterization {
        final List<String> corrupted = new ArrayList<>();

        @Override
        public DenoiserOutputKind outputKind() {
            return DenoiserOutputKind.CLEAN_LOG_PROBS;
        }

        @Override
        public double[] drawTimes(int n, RouteContext context, SplittableRandom rng) {
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = 0.1 + 0.8 * rng.nextDouble();
            }
            return t;
        }

        @Override
        public Corruption corrupt(int[][] x0, boolean[][] valid, double[] t, RouteContext context, SplittableRandom rng) {
            int clean = context.vocabulary().size() - 1;
            int[][] xt = new int[x0.length][];
            double[] scale = new double[x0.length];
            for (int b = 0; b < x0.length; b++) {
                xt[b] = x0[b].clone();
                for (int i = 0; i < xt[b].length; i++) {
                    if (rng.nextDouble() < t[b]) {
                        xt[b][i] = rng.nextInt(clean);
                    }
                }
                scale[b] = 1.0;
            }
            corrupted.add("batch of " + x0.length);
            return new Corruption(xt, t, valid, Map.of("scale", scale));
        }

        @Override
        public SDVariable tokenLoss(SameDiff sd, LossContext c) {
            SDVariable logp = logSoftmax(sd, c.logits());
            SDVariable target = sd.oneHot(c.x0(), c.vocabulary().size(), 2, 1.0, 0.0,
                    c.logits().dataType());
            SDVariable nll = sd.sum(logp.mul(target), false, 2).neg();
            // (1 + 0 * t) * scale: reads both declared inputs without changing the value.
            SDVariable rowFactor = c.t().mul(0.0).add(1.0).mul(c.rowInput("scale"));
            return nll.mul(sd.expandDims(rowFactor, 1));
        }

        @Override
        public SDVariable denoiserOutput(SameDiff sd, SDVariable logits, SDVariable xt, int maskId) {
            return logSoftmax(sd, logits);
        }

        /** Written out: SameDiff M2.1's native log_softmax breaks gradient creation when given an axis. */
        private static SDVariable logSoftmax(SameDiff sd, SDVariable z) {
            return z.sub(sd.math.log(sd.sum(sd.math.exp(z), true, 2)));
        }
    }

    @Test
    void aTestOnlyObjectiveTrainsEvaluatesAndSamplesThroughTheEngine() {
        UniformReplacement toy = new UniformReplacement();
        ModelSpec spec = new ModelSpec(new TinyTestBackbone(32), toy, new LogLinearSchedule(LogLinearConfig.defaults()),
                Fixtures.V, Fixtures.MASK, "tiny/toy/loglinear");
        EvalRequest request = EvalRequest.sampled(32, 8, 4, 1e-3, 3L);
        EvalResult before = Evaluator.evaluate(spec, ModelGraph.build(spec, false, true, 7L).params(),
                Fixtures.validStream(), request, EvalProgress.NONE);
        TrainResult r = new Trainer(spec, Fixtures.config(60, 0, 0), Fixtures.trainStream(), Fixtures.validStream(),
                dir, null).train();
        EvalResult after = Evaluator.evaluate(spec, Checkpoint.load(r.lastCheckpoint()).emaParams(),
                Fixtures.validStream(), request, EvalProgress.NONE);

        assertTrue(toy.corrupted.size() >= 60, "the engine drew every batch through the objective's route");
        assertTrue(after.natsPerToken() < before.natsPerToken() - 0.5,
                "cross-entropy before " + before.natsPerToken() + ", after " + after.natsPerToken());
        assertTrue(after.standardError() > 0 && after.standardError() < 0.5, "standard error " + after.standardError());
        assertEquals(8, after.windows());
        assertEquals(32, after.sequences());

        InferenceModel model = InferenceModel.create(spec, Checkpoint.load(r.lastCheckpoint()));
        DenoiserOutput out = model.evaluate(new int[][] {{0, 1, 2, 3, 0, 1, 2, 3}}, new double[1]);
        assertEquals(DenoiserOutputKind.CLEAN_LOG_PROBS, out.kind());
        assertEquals(32, model.trainedLength());
        double total = 0;
        for (int v = 0; v < Fixtures.V; v++) {
            total += Math.exp(out.get(0, 2, v));
        }
        assertEquals(1.0, total, 1e-5);
    }
}
