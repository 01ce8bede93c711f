package org.mdlm.cli.run;

import java.nio.file.Path;
import java.util.List;
import org.mdlm.engine.EvalMetrics;
import org.mdlm.engine.StepMetrics;
import org.mdlm.engine.TrainingListener;

/** Fans one listener call out to several listeners, in order. */
public final class Listeners implements TrainingListener {

    private final List<TrainingListener> all;

    /** Combines listeners. */
    public Listeners(TrainingListener... listeners) {
        this.all = List.of(listeners);
    }

    @Override
    public void onStep(StepMetrics m) {
        all.forEach(l -> l.onStep(m));
    }

    @Override
    public void onEvalProgress(int step, int done, int total) {
        all.forEach(l -> l.onEvalProgress(step, done, total));
    }

    @Override
    public void onEval(EvalMetrics m) {
        all.forEach(l -> l.onEval(m));
    }

    @Override
    public void onCheckpoint(int step, Path file) {
        all.forEach(l -> l.onCheckpoint(step, file));
    }
}
