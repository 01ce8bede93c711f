package org.mdlm.engine;

import org.mdlm.process.param.SubsConfig;
import org.mdlm.process.param.SubsParameterization;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/** Shared small models, corpora and configs for the training tests. */
final class Fixtures {

    /** Vocabulary: tokens 0..6, mask 7. */
    static final int V = 8;
    static final int MASK = 7;
    static final int[] ABCD = {0, 1, 2, 3};

    private Fixtures() {
    }

    static ModelSpec spec(int hidden) {
        return new ModelSpec(new TinyTestBackbone(hidden), new SubsParameterization(SubsConfig.defaults()),
                new LogLinearSchedule(LogLinearConfig.defaults()), V, MASK, "tiny/subs/loglinear");
    }

    static ArrayTokenStream trainStream() {
        return ArrayTokenStream.repeating(ABCD, 4000);
    }

    static ArrayTokenStream validStream() {
        return ArrayTokenStream.repeating(new int[] {2, 3, 0, 1}, 1000);
    }

    /** A small, fast config: batch 8, length 32, lr 1e-2, warm-up 5. */
    static TrainConfig config(int steps, int evalEvery, int checkpointEvery) {
        return TrainConfig.builder().steps(steps).batch(8, 32).lr(1e-2, 5).emaDecay(0.99)
                .every(1, evalEvery, checkpointEvery).evaluation(8, 4).keepCheckpoints(0).seed(7L).build();
    }
}
