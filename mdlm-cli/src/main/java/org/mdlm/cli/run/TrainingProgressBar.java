package org.mdlm.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mdlm.engine.EvalMetrics;
import org.mdlm.engine.StepMetrics;
import org.mdlm.engine.TrainingListener;

/** A terminal progress bar for training: steps, ETA, and the latest loss, speed and validation figure. */
public final class TrainingProgressBar implements TrainingListener, AutoCloseable {

    private final ProgressBar bar;
    private final ReportUnit units;
    private String lastEval = "";
    private String lastStep = "";

    /** Starts a bar over {@code totalSteps} steps, already at {@code startStep}; evaluations in {@code units}. */
    public TrainingProgressBar(int totalSteps, int startStep, ReportUnit units) {
        this.units = units;
        this.bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
                .startsFrom(startStep, Duration.ZERO).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void onStep(StepMetrics m) {
        lastStep = String.format(Locale.ROOT, "loss %.3f, %.0f tok/s", m.loss(), m.tokensPerSecond());
        bar.stepTo(m.step());
        bar.setExtraMessage(" " + lastStep + lastEval);
    }

    @Override
    public void onEvalProgress(int step, int done, int total) {
        bar.setExtraMessage(String.format(Locale.ROOT, " %s, evaluating %d/%d%s", lastStep, done, total, lastEval));
    }

    @Override
    public void onEval(EvalMetrics m) {
        lastEval = units.characterLevel()
                ? String.format(Locale.ROOT, ", val %.3f bpc", Reports.bitsPerToken(m.natsPerToken()))
                : units.bitsPer().isPresent()
                ? String.format(Locale.ROOT, ", val %.3f bits/%s", Reports.bitsPerToken(m.natsPerToken()), units.unit())
                : String.format(Locale.ROOT, ", val %.3f nats", m.natsPerToken());
        bar.setExtraMessage(" " + lastStep + lastEval);
    }

    @Override
    public void onCheckpoint(int step, Path file) {
        // the bar stays on one line; checkpoints are listed in the run folder
    }

    @Override
    public void close() {
        bar.close();
    }
}
