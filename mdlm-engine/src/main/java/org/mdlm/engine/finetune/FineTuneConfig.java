package org.mdlm.engine.finetune;

/**
 * The settings of a cross-validated fine-tune. The training budget of each fold is either a number
 * of epochs (passes over the fold's training rows, each in a fresh seeded order; the last batch of
 * an epoch may be smaller) or a number of optimizer steps: exactly one of the two is positive.
 *
 * @param folds number of folds k, at least 2
 * @param epochs passes over the training rows per fold, or 0 when {@code steps} sets the budget
 * @param steps optimizer steps per fold, or 0 when {@code epochs} sets the budget
 * @param batchSize training sequences per step, at least 1
 * @param lr AdamW learning rate (constant), in (0, 1]
 * @param weightDecay AdamW decoupled weight decay, at least 0
 * @param gradClip largest global gradient L2 norm, at least 0 (0: no clipping)
 * @param seed seed of the folds, the head's initialisation, the batch order, the dropout masks and
 *             the scratch baseline's backbone initialisation
 * @param dropout whether the backbone runs its training graph, with the dropout its config sets;
 *                false: no dropout
 * @param evalBatch sequences per forward pass when scoring a held-out fold, at least 1
 */
public record FineTuneConfig(int folds, int epochs, int steps, int batchSize, double lr, double weightDecay,
                             double gradClip, long seed, boolean dropout, int evalBatch) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its value and what to give instead
     */
    public FineTuneConfig {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2 (each fold is held out once while the others"
                    + " train), got " + folds);
        }
        if (epochs < 0 || steps < 0 || (epochs > 0) == (steps > 0)) {
            throw new IllegalArgumentException("give the training budget as epochs or as steps: exactly one of them"
                    + " positive, the other 0; got epochs=" + epochs + ", steps=" + steps);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (!(lr > 0 && lr <= 1)) {
            throw new IllegalArgumentException("lr must be in (0, 1], got " + lr + "; fine-tuning typically uses"
                    + " 1e-4 to 1e-3");
        }
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("weightDecay must be a finite number >= 0, got " + weightDecay);
        }
        if (!(gradClip >= 0 && Double.isFinite(gradClip))) {
            throw new IllegalArgumentException("gradClip must be a finite number >= 0 (0: no clipping), got " + gradClip);
        }
        if (evalBatch < 1) {
            throw new IllegalArgumentException("evalBatch must be at least 1, got " + evalBatch);
        }
    }

    /**
     * The defaults: 5 folds, 3 epochs, batch 32, lr 1e-3, weight decay 0.01, clip 1.0, seed 0, no
     * dropout, scoring batch 128.
     */
    public static FineTuneConfig defaults() {
        return new FineTuneConfig(5, 3, 0, 32, 1e-3, 0.01, 1.0, 0L, false, 128);
    }

    /** The optimizer steps of a fold that trains on {@code trainRows} rows. */
    public int stepsFor(int trainRows) {
        if (steps > 0) {
            return steps;
        }
        return epochs * Math.max(1, (trainRows + batchSize - 1) / batchSize);
    }

    /** Batches per pass over {@code trainRows} rows. */
    public int batchesPerEpoch(int trainRows) {
        return Math.max(1, (trainRows + batchSize - 1) / batchSize);
    }
}
