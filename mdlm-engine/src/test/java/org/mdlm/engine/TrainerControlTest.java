package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

class TrainerControlTest {

    @TempDir
    Path dir;

    /** Delegates to SUBS but returns a NaN loss weight once poisoned. */
    private static final class PoisonableParameterization implements Parameterization {
        final Parameterization inner;
        final AtomicBoolean poisoned = new AtomicBoolean();

        PoisonableParameterization(Parameterization inner) {
            this.inner = inner;
        }

        @Override
        public DenoiserOutputKind outputKind() {
            return inner.outputKind();
        }

        @Override
        public double[] drawTimes(int n, RouteContext context, SplittableRandom rng) {
            return inner.drawTimes(n, context, rng);
        }

        @Override
        public Corruption corrupt(int[][] x0, boolean[][] valid, double[] t, RouteContext context,
                                  SplittableRandom rng) {
            Corruption c = inner.corrupt(x0, valid, t, context, rng);
            if (!poisoned.get()) {
                return c;
            }
            double[] nan = new double[t.length];
            Arrays.fill(nan, Double.NaN);
            return new Corruption(c.xt(), c.t(), c.counted(), Map.of("weight", nan));
        }

        @Override
        public SDVariable tokenLoss(SameDiff sd, LossContext context) {
            return inner.tokenLoss(sd, context);
        }

        @Override
        public SDVariable denoiserOutput(SameDiff sd, SDVariable logits, SDVariable xt, int maskId) {
            return inner.denoiserOutput(sd, logits, xt, maskId);
        }
    }

    @Test
    void nanLossStopsWithAClearErrorAndKeepsTheLastGoodCheckpoint() throws IOException {
        ModelSpec base = Fixtures.spec(16);
        PoisonableParameterization p = new PoisonableParameterization(base.objective());
        ModelSpec spec = new ModelSpec(base.backbone(), p, base.schedule(), base.vocabSize(), base.maskId(),
                base.description());
        TrainingListener poisonAfterCheckpoint = new TrainingListener() {
            @Override
            public void onCheckpoint(int step, Path file) {
                p.poisoned.set(true);
            }
        };
        TrainConfig config = Fixtures.config(6, 0, 2);
        Trainer trainer = new Trainer(spec, config, Fixtures.trainStream(), Fixtures.validStream(), dir,
                poisonAfterCheckpoint);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, trainer::train);

        assertEquals(3, e.step());
        assertTrue(Double.isNaN(e.loss()));
        assertTrue(e.getMessage().contains("step 3") && e.getMessage().contains("lower the learning rate"),
                e.getMessage());
        assertEquals(List.of(CheckpointFiles.fileFor(dir, 2)), CheckpointFiles.list(dir));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
        Checkpoint good = Checkpoint.load(CheckpointFiles.fileFor(dir, 2));
        assertEquals(2, good.step());
        assertTrue(good.params().values().stream().allMatch(a -> Double.isFinite(a.sumNumber().doubleValue())));
    }

    @Test
    void periodicCheckpointsKeepOnlyTheNewest() throws IOException {
        List<Integer> written = new java.util.ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onCheckpoint(int step, Path file) {
                written.add(step);
            }
        };
        TrainConfig c = Fixtures.config(5, 0, 1).toBuilder().keepCheckpoints(2).build();
        TrainResult r = new Trainer(Fixtures.spec(16), c, Fixtures.trainStream(), Fixtures.validStream(), dir, l)
                .train();
        assertEquals(List.of(1, 2, 3, 4, 5), written);
        assertEquals(List.of(CheckpointFiles.fileFor(dir, 4), CheckpointFiles.fileFor(dir, 5)),
                CheckpointFiles.list(dir));
        assertEquals(CheckpointFiles.fileFor(dir, 5), r.lastCheckpoint());
        assertEquals(5 * 8 * 32L, Checkpoint.load(r.lastCheckpoint()).trainTokens());
        assertEquals(c, Checkpoint.load(r.lastCheckpoint()).config());
    }

    @Test
    void requestStopEndsAfterTheCurrentStepWithACheckpoint() {
        AtomicReference<Trainer> ref = new AtomicReference<>();
        AtomicBoolean evaluated = new AtomicBoolean();
        TrainingListener stopAtThree = new TrainingListener() {
            @Override
            public void onStep(StepMetrics m) {
                if (m.step() == 3) {
                    ref.get().requestStop();
                }
            }

            @Override
            public void onEval(EvalMetrics m) {
                evaluated.set(true);
            }
        };
        Trainer trainer = new Trainer(Fixtures.spec(16), Fixtures.config(50, 0, 0), Fixtures.trainStream(),
                Fixtures.validStream(), dir, stopAtThree);
        ref.set(trainer);

        TrainResult r = trainer.train();

        assertEquals(3, r.steps());
        assertEquals(CheckpointFiles.fileFor(dir, 3), r.lastCheckpoint());
        assertEquals(3, Checkpoint.load(r.lastCheckpoint()).step());
        assertFalse(evaluated.get(), "a stopped run skips the final validation");
        assertTrue(Double.isNaN(r.valNatsPerToken()));
    }
}
