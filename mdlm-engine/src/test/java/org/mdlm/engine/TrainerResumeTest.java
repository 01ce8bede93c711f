package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerResumeTest {

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private static final class Recorder implements TrainingListener {
        final List<StepMetrics> steps = new ArrayList<>();
        final List<EvalMetrics> evals = new ArrayList<>();

        @Override
        public void onStep(StepMetrics m) {
            steps.add(m);
        }

        @Override
        public void onEval(EvalMetrics m) {
            evals.add(m);
        }
    }

    @Test
    void resumedRunReproducesTheUninterruptedRunBitForBit() {
        ModelSpec spec = Fixtures.spec(16);
        TrainConfig full = Fixtures.config(8, 4, 4);
        Recorder a = new Recorder();
        TrainResult ra = new Trainer(spec, full, Fixtures.trainStream(), Fixtures.validStream(), dirA, a).train();

        Recorder b1 = new Recorder();
        TrainResult rb1 = new Trainer(spec, full.withSteps(4), Fixtures.trainStream(), Fixtures.validStream(), dirB,
                b1).train();
        assertEquals(CheckpointFiles.fileFor(dirB, 4), rb1.lastCheckpoint());
        Recorder b2 = new Recorder();
        TrainResult rb2 = new Trainer(spec, full, Fixtures.trainStream(), Fixtures.validStream(), dirB, b2)
                .resume(rb1.lastCheckpoint());

        List<StepMetrics> combined = new ArrayList<>(b1.steps);
        combined.addAll(b2.steps);
        assertEquals(8, combined.size());
        for (int i = 0; i < 8; i++) {
            StepMetrics x = a.steps.get(i);
            StepMetrics y = combined.get(i);
            assertEquals(x.step(), y.step());
            assertEquals(Double.doubleToRawLongBits(x.loss()), Double.doubleToRawLongBits(y.loss()),
                    "loss of step " + x.step() + ": " + x.loss() + " vs " + y.loss());
            assertEquals(Double.doubleToRawLongBits(x.gradNorm()), Double.doubleToRawLongBits(y.gradNorm()));
            assertEquals(x.lr(), y.lr());
        }
        assertEquals(a.evals.get(a.evals.size() - 1), b2.evals.get(b2.evals.size() - 1));
        assertEquals(ra.steps(), rb2.steps());
        assertEquals(ra.trainTokens(), rb2.trainTokens());
        assertEquals(ra.valNatsPerToken(), rb2.valNatsPerToken());

        Checkpoint ca = Checkpoint.load(ra.lastCheckpoint());
        Checkpoint cb = Checkpoint.load(rb2.lastCheckpoint());
        assertEquals(8, cb.step());
        for (String n : ca.paramNames()) {
            assertArrayEquals(ca.params().get(n).data().asFloat(), cb.params().get(n).data().asFloat(), 0f, n);
            assertArrayEquals(ca.emaParams().get(n).data().asFloat(), cb.emaParams().get(n).data().asFloat(), 0f, n);
            assertArrayEquals(ca.adamSecondMoments().get(n).data().asFloat(),
                    cb.adamSecondMoments().get(n).data().asFloat(), 0f, n);
        }
    }

    @Test
    void resumeRefusesACheckpointOfAnotherModelOrDataLayout() {
        TrainConfig config = Fixtures.config(2, 0, 0);
        Path ckpt = new Trainer(Fixtures.spec(16), config, Fixtures.trainStream(), Fixtures.validStream(), dirA, null)
                .train().lastCheckpoint();

        ModelSpec base = Fixtures.spec(16);
        ModelSpec otherName = new ModelSpec(base.backbone(), base.objective(), base.schedule(), base.vocabSize(),
                base.maskId(), "dit/subs/loglinear");
        CheckpointException e1 = assertThrows(CheckpointException.class, () -> new Trainer(otherName,
                config.withSteps(4), Fixtures.trainStream(), Fixtures.validStream(), dirB, null).resume(ckpt));
        assertTrue(e1.getMessage().contains("'tiny/subs/loglinear'") && e1.getMessage().contains("'dit/subs/loglinear'"),
                e1.getMessage());
        assertTrue(e1.getMessage().contains(ckpt.toString()), e1.getMessage());

        CheckpointException e2 = assertThrows(CheckpointException.class, () -> new Trainer(Fixtures.spec(24),
                config.withSteps(4), Fixtures.trainStream(), Fixtures.validStream(), dirB, null).resume(ckpt));
        assertTrue(e2.getMessage().contains("parameter 'emb' has shape [8, 16] but the model needs [8, 24]"),
                e2.getMessage());

        Checkpoint loaded = Checkpoint.load(ckpt);
        CheckpointException e5 = assertThrows(CheckpointException.class, () -> InferenceModel.create(otherName, loaded));
        assertTrue(e5.getMessage().contains("'tiny/subs/loglinear'"), e5.getMessage());
        CheckpointException e6 = assertThrows(CheckpointException.class,
                () -> InferenceModel.create(Fixtures.spec(24), loaded));
        assertTrue(e6.getMessage().contains("'emb' has shape [8, 16]"), e6.getMessage());
        int[][] xt = {{Fixtures.MASK, 1, 2, Fixtures.MASK}};
        assertArrayEquals(InferenceModel.create(base, loaded.emaParams()).outputArray(xt, new double[1]).data().asFloat(),
                InferenceModel.create(base, loaded).outputArray(xt, new double[1]).data().asFloat(), 0f);

        TrainConfig smallerBatch = Fixtures.config(4, 0, 0).toBuilder().batch(4, 32).build();
        CheckpointException e3 = assertThrows(CheckpointException.class, () -> new Trainer(base, smallerBatch,
                Fixtures.trainStream(), Fixtures.validStream(), dirB, null).resume(ckpt));
        assertTrue(e3.getMessage().contains("batchSize is 8 in the checkpoint but 4 here"), e3.getMessage());

        CheckpointException e4 = assertThrows(CheckpointException.class, () -> new Trainer(base, config.withSteps(1),
                Fixtures.trainStream(), Fixtures.validStream(), dirB, null).resume(ckpt));
        assertTrue(e4.getMessage().contains("at step 2, beyond steps=1"), e4.getMessage());
    }

    /** A process killed while writing a checkpoint leaves its temporary file; the resume removes it. */
    @Test
    void resumeRemovesTheTemporaryFileOfAnInterruptedCheckpointWrite() throws Exception {
        TrainConfig config = Fixtures.config(2, 0, 0);
        Path ckpt = new Trainer(Fixtures.spec(16), config, Fixtures.trainStream(), Fixtures.validStream(), dirA, null)
                .train().lastCheckpoint();
        Path partial = Files.writeString(dirA.resolve(".ckpt-000003.zip.8412957.tmp"), "cut short");
        Path unrelated = Files.writeString(dirA.resolve("notes.txt"), "kept");
        new Trainer(Fixtures.spec(16), config.withSteps(4), Fixtures.trainStream(), Fixtures.validStream(), dirA, null)
                .resume(ckpt);
        assertFalse(Files.exists(partial), "the unfinished write is gone");
        assertTrue(Files.exists(unrelated), "other files are left alone");
        assertTrue(Files.exists(CheckpointFiles.fileFor(dirA, 4)));
    }
}
