package org.mdlm.engine.finetune;

/**
 * Receives the progress of a cross-validation: each fold's start and end, and the mean training
 * loss every few steps. Every method has an empty default.
 */
public interface FineTuneListener {

    /** A listener that ignores everything. */
    FineTuneListener NONE = new FineTuneListener() {
    };

    /**
     * Fold {@code fold} of the initialisation {@code arm} starts.
     *
     * @param steps the optimizer steps it will take
     */
    default void foldStarted(String arm, int fold, int trainRows, int testRows, int steps) {
    }

    /**
     * Training of a fold reached {@code step} of {@code steps} (after that many optimizer steps).
     *
     * @param meanLoss the mean training loss over the steps since the previous call
     * @param epoch the 1-based epoch (pass over the training rows) the step belongs to
     */
    default void progress(String arm, int fold, int step, int steps, int epoch, double meanLoss) {
    }

    /** Fold {@code result.fold()} of {@code arm} was trained and scored. */
    default void foldFinished(String arm, FoldResult result) {
    }
}
