package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.engine.finetune.ClassifierGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link GraphTrainer} on a graph the engine did not build (a classifier on the test backbone's
 * features): its gradients, run by the lean executor, equal SameDiff's own and central finite
 * differences of the loss; a step moves the parameters and lowers the loss of its batch.
 */
class GraphTrainerTest {

    private static final int[][] TOKENS = {{0, 1, 2, 3, 4, 5}, {6, 6, 1, 0, 2, 3}, {3, 2, 1, 0, 6, 5}};
    private static final int[] LABELS = {0, 2, 1};

    private static ClassifierGraph graph() {
        ClassifierGraph g = ClassifierGraph.build(new TinyTestBackbone(8, false, false, 0.0), Vocabulary.of(8, 7), 3,
                false, 4, 5);
        g.params().get(ClassifierGraph.HEAD_WEIGHT).muli(5);
        return g;
    }

    @Test
    void gradientsEqualSameDiffsAndFiniteDifferences() {
        ClassifierGraph g = graph();
        GraphTrainer trainer = new GraphTrainer(g.sameDiff(), g.feeds(), ClassifierGraph.LOSS, 0.9, 0.999, 0, 0);
        Map<String, INDArray> ph = g.placeholders(TOKENS, LABELS, new SplittableRandom(0));
        Map<String, INDArray> lean = trainer.gradients(ph);
        Map<String, INDArray> own = g.sameDiff().calculateGradients(ph, trainer.paramNames());
        for (String n : trainer.paramNames()) {
            double diff = lean.get(n).sub(own.get(n)).amaxNumber().doubleValue();
            assertTrue(diff < 1e-6, n + ": lean and SameDiff differ by " + diff);
        }
        INDArray mix = g.params().get("mix.weight");
        INDArray grad = lean.get("mix.weight");
        double eps = 1e-2;
        for (long[] at : new long[][] {{0, 0}, {3, 5}, {9, 1}, {17, 7}, {23, 4}}) {
            float keep = mix.getFloat(at);
            mix.putScalar(at, keep + eps);
            double up = trainer.gradients(ph).get("loss").getDouble(0);
            mix.putScalar(at, keep - eps);
            double down = trainer.gradients(ph).get("loss").getDouble(0);
            mix.putScalar(at, keep);
            double fd = (up - down) / (2 * eps);
            double g0 = grad.getDouble(at);
            assertEquals(fd, g0, 5e-4 + 2e-2 * Math.abs(fd), "mix.weight" + java.util.Arrays.toString(at));
        }
        assertTrue(grad.amaxNumber().doubleValue() > 1e-3, "a real gradient");
    }

    @Test
    void aStepUpdatesTheLiveWeightsAndLowersTheBatchLoss() {
        ClassifierGraph g = graph();
        GraphTrainer trainer = new GraphTrainer(g.sameDiff(), g.feeds(), ClassifierGraph.LOSS, 0.9, 0.999, 0.0, 1.0);
        Map<String, INDArray> ph = g.placeholders(TOKENS, LABELS, new SplittableRandom(0));
        INDArray before = g.params().get("mix.weight").dup();
        double first = 0;
        for (int i = 0; i < 20; i++) {
            StepOutcome o = trainer.step(ph, 1e-2);
            first = i == 0 ? o.loss() : first;
            assertEquals(i + 1, o.step());
        }
        double last = trainer.gradients(ph).get("loss").getDouble(0);
        assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
        assertTrue(g.params().get("mix.weight").sub(before).amaxNumber().doubleValue() > 1e-3, "weights moved");
        assertEquals(20, trainer.steps());
    }

    @Test
    void aMissingLossIsRefused() {
        ClassifierGraph g = graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GraphTrainer(g.sameDiff(), g.feeds(), "nope", 0.9, 0.999, 0, 0));
        assertTrue(e.getMessage().contains("no loss variable 'nope'"), e.getMessage());
    }
}
