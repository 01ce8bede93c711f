package org.mdlm.cli.finetune;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.mdlm.cli.ablate.GridProgress;
import org.mdlm.engine.finetune.FineTuneListener;
import org.mdlm.engine.finetune.FoldResult;

/**
 * Prints the progress of {@code mdlm finetune}: a line when a fold starts, at every epoch's end
 * (and every 100 steps within longer ones) with the mean training loss, and when a fold is scored,
 * each with the time left. The time left is the wall time per optimizer step so far times the
 * steps still to take over every fold of every initialisation (scoring is not counted apart).
 */
public final class FineTuneProgress implements FineTuneListener {

    private final PrintWriter err;
    private final int folds;
    private final long totalSteps;
    private final LongSupplier clock;
    private long startNanos = -1;
    private long stepsBefore;
    private long stepsDone;

    /**
     * @param totalSteps optimizer steps of the whole fine-tune (every fold of every initialisation)
     * @param clock nanosecond clock (System::nanoTime, or a fake one in tests)
     */
    public FineTuneProgress(PrintWriter err, int folds, long totalSteps, LongSupplier clock) {
        this.err = err;
        this.folds = folds;
        this.totalSteps = totalSteps;
        this.clock = clock;
    }

    @Override
    public void foldStarted(String arm, int fold, int trainRows, int testRows, int steps) {
        if (startNanos < 0) {
            startNanos = clock.getAsLong();
        }
        err.println(String.format(Locale.ROOT, "finetune: %s fold %d/%d: train on %d rows, score %d, %d steps — %s",
                arm, fold + 1, folds, trainRows, testRows, steps, eta()));
        err.flush();
    }

    @Override
    public void progress(String arm, int fold, int step, int steps, int epoch, double meanLoss) {
        stepsDone = stepsBefore + step;
        err.println(String.format(Locale.ROOT, "finetune: %s fold %d/%d epoch %d step %d/%d loss %.4f — %s",
                arm, fold + 1, folds, epoch, step, steps, meanLoss, eta()));
        err.flush();
    }

    @Override
    public void foldFinished(String arm, FoldResult r) {
        stepsBefore += r.steps();
        stepsDone = stepsBefore;
        err.println(String.format(Locale.ROOT, "finetune: %s fold %d/%d: accuracy %.4f (%d/%d) in %.0f s — %s",
                arm, r.fold() + 1, folds, r.accuracy(), r.correct(), r.testRows(), r.seconds(), eta()));
        err.flush();
    }

    /** E.g. "ETA 12 min"; unknown before the first step. */
    String eta() {
        if (stepsDone == 0) {
            return "ETA unknown until the first steps";
        }
        double seconds = (clock.getAsLong() - startNanos) / 1e9;
        return "ETA " + GridProgress.duration(seconds / stepsDone * (totalSteps - stepsDone));
    }
}
