package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainer given its gradient workers through {@link GradientWorkers} calls them once per step with
 * that step's index (also after a resume), closes them when the run ends, and trains exactly as the
 * default when they compute the same numbers.
 */
class GradientWorkersTest {

    /** Delegates to the trainer's own worker, recording the steps it is asked for. */
    private static final class Recording implements GradientWorker {
        final GradientWorker own;
        final List<Integer> steps = new ArrayList<>();
        boolean closed;

        Recording(GradientWorker own) {
            this.own = own;
        }

        @Override
        public Result gradients(Map<String, INDArray> placeholders, Map<String, INDArray> weights) {
            throw new AssertionError("the trainer asks for whole steps");
        }

        @Override
        public Result stepGradients(int step, Supplier<Map<String, INDArray>> placeholders,
                                    Map<String, INDArray> weights) {
            steps.add(step);
            return own.gradients(placeholders.get(), weights);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theTrainerCallsItsWorkersStepByStepAndClosesThem(@TempDir Path dir) {
        ModelSpec spec = Fixtures.spec(8);
        TrainConfig config = Fixtures.config(6, 0, 3);
        List<Recording> made = new ArrayList<>();
        TrainResult a = new Trainer(spec, config, Fixtures.trainStream(), Fixtures.validStream(), dir.resolve("a"), null)
                .withGradientWorkers((s, c, own) -> {
                    Recording r = new Recording(own);
                    made.add(r);
                    return r;
                }).train();
        assertEquals(1, made.size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), made.get(0).steps);
        assertTrue(made.get(0).closed, "closed when the run ended");

        TrainResult b = new Trainer(spec, config, Fixtures.trainStream(), Fixtures.validStream(), dir.resolve("b"), null)
                .train();
        Checkpoint ca = Checkpoint.load(a.lastCheckpoint());
        Checkpoint cb = Checkpoint.load(b.lastCheckpoint());
        for (String n : cb.params().keySet()) {
            assertArrayEquals(cb.params().get(n).data().asFloat(), ca.params().get(n).data().asFloat(), 0f, n);
        }

        // Resumed from step 3: the worker is asked for steps 3, 4, 5 only.
        made.clear();
        new Trainer(spec, config, Fixtures.trainStream(), Fixtures.validStream(), dir.resolve("a"), null)
                .withGradientWorkers((s, c, own) -> {
                    Recording r = new Recording(own);
                    made.add(r);
                    return r;
                }).resume(CheckpointFiles.fileFor(dir.resolve("a"), 3));
        assertEquals(List.of(3, 4, 5), made.get(0).steps);
    }
}
