package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mdlm.process.param.SubsConfig;
import org.mdlm.process.param.SubsParameterization;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code train.embedding_update = lazy} through the trainer: the corpus holds tokens 0..3 only, so
 * rows 4..6 of the lookup table are never looked up (the mask, 7, is in every batch).
 */
class LazyEmbeddingTrainingTest {

    private static TrainingState train(String update) {
        ModelSpec spec = new ModelSpec(new TinyTestBackbone(8, false, false, 0.0, true),
                new SubsParameterization(SubsConfig.defaults()), new LogLinearSchedule(LogLinearConfig.defaults()),
                Fixtures.V, Fixtures.MASK, "tiny-lookup/subs/loglinear");
        TrainConfig config = Fixtures.config(4, 0, 0).toBuilder().adamW(0.9, 0.999, 0.1).embeddingUpdate(update)
                .build();
        TrainingState state = new TrainingState(spec, config);
        for (int i = 0; i < 4; i++) {
            state.advance(Fixtures.trainStream());
        }
        return state;
    }

    private static float[] row(INDArray table, int r) {
        return table.getRow(r).toFloatVector();
    }

    @Test
    void rowsNeverLookedUpKeepTheirInitialValuesOnlyWhenLazy() {
        INDArray initial = new TrainingState(new ModelSpec(new TinyTestBackbone(8, false, false, 0.0, true),
                new SubsParameterization(SubsConfig.defaults()), new LogLinearSchedule(LogLinearConfig.defaults()),
                Fixtures.V, Fixtures.MASK, "tiny-lookup/subs/loglinear"), Fixtures.config(4, 0, 0))
                .weights().get("emb").dup();
        INDArray lazy = train(TrainConfig.LAZY).weights().get("emb");
        INDArray dense = train(TrainConfig.DENSE).weights().get("emb");
        for (int r = 4; r <= 6; r++) {
            assertArrayEquals(row(initial, r), row(lazy, r), 0f, "lazy: row " + r + " is never looked up");
            assertFalse(Arrays.equals(row(initial, r), row(dense, r)), "dense AdamW decays row " + r);
        }
        for (int r : new int[] {0, 3, Fixtures.MASK}) {
            assertFalse(Arrays.equals(row(initial, r), row(lazy, r)), "lazy: row " + r + " is looked up and learns");
        }
        assertTrue(lazy.getRow(0).sub(dense.getRow(0)).amaxNumber().doubleValue() < 1e-6,
                "a row looked up at every step gets the dense update");
    }
}
