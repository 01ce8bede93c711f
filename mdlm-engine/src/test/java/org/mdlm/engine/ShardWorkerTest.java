package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdlm.process.param.SubsConfig;
import org.mdlm.process.param.SubsParameterization;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A shard computed from (seed, step, worker) alone, as a cluster's executor computes it, is the
 * shard the threads of a process compute: the contributions of all workers, summed in worker order,
 * are bit for bit the batch's result of {@link DataParallelGradients} with as many workers, dropout
 * masks and row lookups included.
 */
class ShardWorkerTest {

    private static ModelSpec spec() {
        return new ModelSpec(new TinyTestBackbone(16, false, false, 0.1, true),
                new SubsParameterization(SubsConfig.defaults()), new LogLinearSchedule(LogLinearConfig.defaults()),
                Fixtures.V, Fixtures.MASK, "tiny/subs/loglinear");
    }

    @Test
    void shardsFromTheStepIndexSumToTheThreadsResultBitForBit() {
        int workers = 3;
        int step = 5;
        ModelSpec spec = spec();
        TrainConfig config = Fixtures.config(10, 0, 0).toBuilder().workers(workers).build();
        // The trainer's state with 3 thread workers, its weights moved away from the initial ones.
        TrainingState state = new TrainingState(spec, config);
        for (int i = 0; i < step; i++) {
            state.advance(Fixtures.trainStream());
        }
        Map<String, INDArray> weights = new java.util.TreeMap<>();
        state.weights().forEach((k, v) -> weights.put(k, v.dup()));
        TrainingState.LossAndGradients expected = state.gradients(
                Batches.train(spec, config, Fixtures.trainStream(), step));

        // A fresh graph per shard, initialised from another seed: only the weights given may matter.
        List<ShardContribution> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            ShardWorker shard = new ShardWorker(spec, config.toBuilder().build(), Fixtures.trainStream());
            parts.add(shard.contribution(step, w, workers, weights));
        }
        double loss = 0;
        Map<String, INDArray> sum = new java.util.TreeMap<>();
        for (ShardContribution c : parts) {
            assertTrue(c.counted() > 0, "every shard counts tokens");
            loss += c.weightedLoss();
            c.weightedGradients().forEach((k, v) -> sum.merge(k, v.dup(), INDArray::addi));
        }
        assertEquals(expected.loss(), loss, 0.0, "loss");
        assertEquals(expected.gradients().keySet(), sum.keySet());
        for (String n : sum.keySet()) {
            assertArrayEquals(expected.gradients().get(n).data().asFloat(), sum.get(n).data().asFloat(), 0f, n);
        }
    }

    @Test
    void aWorkerBeyondTheBatchGetsNothingAndABadIndexIsRefused() {
        ModelSpec spec = spec();
        TrainConfig config = Fixtures.config(1, 0, 0).toBuilder().batch(2, 32).build();
        ShardWorker shard = new ShardWorker(spec, config, Fixtures.trainStream());
        Map<String, INDArray> weights = new TrainingState(spec, config).weights();
        assertTrue(shard.contribution(0, 2, 3, weights).isEmpty(), "2 rows for 3 workers: worker 2 has none");
        assertTrue(shard.contribution(0, 1, 3, weights).counted() > 0);
        assertThrows(IllegalArgumentException.class, () -> shard.contribution(0, 3, 3, weights));
    }
}
