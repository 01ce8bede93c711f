package org.mdlm.cli.run;

import java.io.PrintWriter;
import java.util.Locale;
import org.mdlm.engine.EvalMetrics;
import org.mdlm.engine.StepMetrics;
import org.mdlm.engine.TrainingListener;

/** Prints training progress to a stream (stderr by default): step, loss, speed, ETA, evaluations. */
public final class ProgressReporter implements TrainingListener {

    private final PrintWriter out;
    private final int totalSteps;
    private final ReportUnit units;

    /** Reports to {@code out} for a run of {@code totalSteps} steps, evaluations in {@code units}. */
    public ProgressReporter(PrintWriter out, int totalSteps, ReportUnit units) {
        this.out = out;
        this.totalSteps = totalSteps;
        this.units = units;
    }

    @Override
    public void onStep(StepMetrics m) {
        double eta = (totalSteps - m.step()) * m.msPerStep() / 1000.0;
        out.printf(Locale.ROOT, "step %6d/%d  loss %.4f  lr %.2e  %6.0f tok/s  %5.0f ms/step  ETA %s%n", m.step(),
                totalSteps, m.loss(), m.lr(), m.tokensPerSecond(), m.msPerStep(), Reports.duration(eta));
    }

    @Override
    public void onEval(EvalMetrics m) {
        out.printf(Locale.ROOT, "eval step %d%s: %s%n", m.step(), m.ema() ? " (EMA)" : "",
                Reports.evaluation(m.result(), units));
    }

    @Override
    public void onCheckpoint(int step, java.nio.file.Path file) {
        out.printf(Locale.ROOT, "checkpoint step %d -> %s%n", step, file);
    }
}
