package org.mdlm.cli.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.engine.finetune.FoldResult;

/** The time left is the wall time per step so far times the steps left over every fold of every initialisation. */
class FineTuneProgressTest {

    @Test
    void linesCarryTheFoldTheLossAndTheTimeLeft() {
        long[] now = {0};
        StringWriter text = new StringWriter();
        // 2 initialisations x 2 folds x 30 steps = 120 steps.
        FineTuneProgress p = new FineTuneProgress(new PrintWriter(text, true), 2, 120, () -> now[0]);
        p.foldStarted("pretrained", 0, 80, 40, 30);
        now[0] = 15_000_000_000L;   // 15 s for 10 steps: 1.5 s per step, 110 left
        p.progress("pretrained", 0, 10, 30, 1, 0.6931);
        now[0] = 45_000_000_000L;   // 45 s for 30 steps: 90 left
        p.foldFinished("pretrained", new FoldResult(0, 80, 40, 30, 30, 0.5, 45.0, new int[2][2]));
        assertEquals(List.of(
                "finetune: pretrained fold 1/2: train on 80 rows, score 40, 30 steps — ETA unknown until the first steps",
                "finetune: pretrained fold 1/2 epoch 1 step 10/30 loss 0.6931 — ETA 3 min",
                "finetune: pretrained fold 1/2: accuracy 0.7500 (30/40) in 45 s — ETA 2 min"),
                text.toString().lines().toList());
    }
}
