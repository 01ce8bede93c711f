package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdlm.process.param.SubsConfig;
import org.mdlm.process.param.SubsParameterization;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The data-parallel step: N workers on N threads give the one-worker run up to float rounding of
 * the shard sum (the feeds, dropout masks included, are drawn once for the whole batch), and the
 * same N gives the same numbers bit for bit.
 */
class DataParallelTest {

    private static final int STEPS = 4;

    private record Run(double[] losses, Map<String, INDArray> weights) {
    }

    private static Run train(int workers, boolean rowLookup) {
        ModelSpec spec = new ModelSpec(new TinyTestBackbone(16, false, false, 0.1, rowLookup),
                new SubsParameterization(SubsConfig.defaults()), new LogLinearSchedule(LogLinearConfig.defaults()),
                Fixtures.V, Fixtures.MASK, "tiny/subs/loglinear");
        TrainConfig config = Fixtures.config(STEPS, 0, 0).toBuilder().workers(workers).build();
        TrainingState state = new TrainingState(spec, config);
        double[] losses = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            losses[i] = state.advance(Fixtures.trainStream()).loss();
        }
        return new Run(losses, state.weights());
    }

    private static void assertClose(Run a, Run b, double tol) {
        for (int i = 0; i < STEPS; i++) {
            assertEquals(a.losses()[i], b.losses()[i], tol * Math.max(1, Math.abs(a.losses()[i])), "loss of step " + i);
        }
        for (String n : a.weights().keySet()) {
            double diff = a.weights().get(n).sub(b.weights().get(n)).amaxNumber().doubleValue();
            assertTrue(diff <= tol, n + ": max abs weight difference " + diff);
        }
    }

    @Test
    void twoAndThreeWorkersTrainAsOneUpToRounding() {
        Run one = train(1, false);
        // Float32 sums of the same terms in another grouping: ~1e-7 relative per step, and AdamW's
        // first steps move each weight by about lr whatever the gradient's size, so a few 1e-6.
        assertClose(one, train(2, false), 2e-5);
        assertClose(one, train(3, false), 2e-5);
        assertClose(train(1, true), train(2, true), 2e-5);
        assertTrue(one.losses()[0] > 0.5, "a real loss");
    }

    @Test
    void aGivenWorkerCountIsReproducibleBitForBit() {
        Run a = train(2, true);
        Run b = train(2, true);
        assertArrayEquals(a.losses(), b.losses(), 0.0);
        for (String n : a.weights().keySet()) {
            assertArrayEquals(a.weights().get(n).data().asFloat(), b.weights().get(n).data().asFloat(), 0f, n);
        }
    }

    @Test
    void shardsWeighByTheirCountedTokens() {
        // Two shards: 3 counted tokens with mean loss 2 and gradient 1, 1 counted token with mean loss 6
        // and gradient 5: the batch's mean loss is (3*2 + 1*6)/4 = 3, its gradient (3*1 + 5)/4 = 2.
        GradientWorker.Result r = DataParallelGradients.combine(List.of(
                new GradientWorker.Result(2.0, 3, Map.of("w", Nd4j.scalar(1.0f))),
                new GradientWorker.Result(6.0, 1, Map.of("w", Nd4j.scalar(5.0f))),
                new GradientWorker.Result(Double.NaN, 0, Map.of("w", Nd4j.scalar(Float.NaN)))));
        assertEquals(3.0, r.loss(), 1e-12);
        assertEquals(4.0, r.counted(), 0.0);
        assertEquals(2.0, r.gradients().get("w").getDouble(0), 1e-6);
    }

    @Test
    void refusesFewerThanTwoWorkersAndZero() {
        assertThrows(IllegalArgumentException.class, () -> new DataParallelGradients(null, 1, w -> null));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().workers(0).build());
    }
}
