package org.mdlm.engine;

import java.nio.file.Path;

/** Receives progress from a {@link Trainer}; every method is called on the training thread. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /** Called every {@code logEvery} steps and after the last step. */
    default void onStep(StepMetrics m) {
    }

    /** Called while a validation at {@code step} runs: {@code done} of {@code total} sequences evaluated. */
    default void onEvalProgress(int step, int done, int total) {
    }

    /** Called after every validation. */
    default void onEval(EvalMetrics m) {
    }

    /** Called after a checkpoint file has been written (atomically) at {@code step}. */
    default void onCheckpoint(int step, Path file) {
    }
}
