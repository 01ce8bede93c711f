package org.mdlm.engine;

/**
 * The training loss or gradient became NaN or infinite. Nothing was written for the failing step:
 * the last checkpoint on disk is the last good state.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final double loss;

    /**
     * @param step the 1-based step whose loss or gradient was not finite
     * @param loss the loss of that step
     * @param gradNorm the gradient norm of that step (NaN if not computed)
     * @param lr the learning rate of that step
     */
    public TrainingDivergedException(int step, double loss, double gradNorm, double lr) {
        super("training diverged at step " + step + ": loss " + loss + ", gradient norm " + gradNorm
                + " (lr " + lr + "); lower the learning rate (e.g. by 3-10x), lengthen the warm-up or "
                + "lower grad_clip, then resume from the last checkpoint");
        this.step = step;
        this.loss = loss;
    }

    /** The 1-based step that diverged. */
    public int step() {
        return step;
    }

    /** Its loss. */
    public double loss() {
        return loss;
    }
}
