package org.mdlm.cli.run;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mdlm.engine.EvalProgress;

/** Shows evaluation progress: a bar on a terminal, otherwise a line at every quarter. */
public final class EvalProgressDisplay implements EvalProgress, AutoCloseable {

    private final PrintWriter lines;
    private ProgressBar bar;
    private int lastQuarter = -1;

    private EvalProgressDisplay(PrintWriter lines) {
        this.lines = lines;
    }

    /** A display writing lines to {@code err} unless a terminal can show a bar. */
    public static EvalProgressDisplay open(PrintWriter err) {
        return new EvalProgressDisplay(err);
    }

    @Override
    public void onProgress(int done, int total) {
        if (Terminal.interactive()) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.stepTo(done);
            return;
        }
        int quarter = 4 * done / Math.max(1, total);
        if (quarter != lastQuarter) {
            lastQuarter = quarter;
            lines.printf("evaluating: %d/%d sequences%n", done, total);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
