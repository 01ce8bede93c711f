package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.Corruption;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.engine.ManualSteps;
import org.mdlm.engine.ModelSpec;
import org.mdlm.engine.TrainConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Padding through the whole stack (dit + subs + engine, with the reference fixture's random weights):
 * a padded position changes neither the loss nor any gradient, whatever token it holds, and a
 * padded batch gives the loss and gradients of the same sequences without the padding.
 */
class PaddingTest {

    private static final Path PARITY = ParityModel.PARITY;
    private static final int PAD = 26;

    /** text8's 28 ids with the space (26) used as the padding id. */
    private record PaddedVocabulary(int size, int maskId) implements Vocabulary {
        @Override
        public String symbol(int id) {
            return Integer.toString(id);
        }

        @Override
        public OptionalInt padId() {
            return OptionalInt.of(PAD);
        }
    }

    @Test
    void paddingChangesNeitherLossNorGradients() throws Exception {
        Pipeline p = ParityModel.pipeline();
        ModelSpec spec = new ModelSpec(p.backbone(), p.parameterization(), p.schedule(), new PaddedVocabulary(28, 27),
                "dit/subs/loglinear/padded");
        Map<String, INDArray> weights = ParityModel.weights();
        TrainConfig config = TrainConfig.builder().steps(1).batch(2, 32).lr(1e-3, 0).build();
        int real = 24;
        int[][] x0 = Nd4j.createFromNpyFile(PARITY.resolve("x0.npy").toFile()).castTo(DataType.INT32).toIntMatrix();
        for (int[] row : x0) {
            for (int i = 0; i < row.length; i++) {
                row[i] = row[i] == PAD ? 25 : row[i];   // keep the pad id out of the real text
            }
            Arrays.fill(row, real, row.length, PAD);
        }
        double[] t = {0.3, 0.8};
        Corruption c = spec.objective().corrupt(x0, valid(x0), t, spec.route(1e-3), new SplittableRandom(5));
        for (int[] row : c.xt()) {
            for (int i = real; i < row.length; i++) {
                assertEquals(PAD, row[i], "the forward process never masks padding");
            }
        }
        ManualSteps engine = new ManualSteps(spec, config, weights);
        Map<String, INDArray> padded = engine.gradients(x0, c);

        int[][] otherXt = new int[2][];
        SplittableRandom r = new SplittableRandom(9);
        for (int b = 0; b < 2; b++) {
            otherXt[b] = c.xt()[b].clone();
            for (int i = real; i < otherXt[b].length; i++) {
                otherXt[b][i] = r.nextInt(28);
            }
        }
        Map<String, INDArray> otherContent = engine.gradients(x0, new Corruption(otherXt, t, c.counted(), c.rowValues()));
        assertSameLossAndGradients(padded, otherContent, 1e-6);

        int[][] shortX0 = {Arrays.copyOf(x0[0], real), Arrays.copyOf(x0[1], real)};
        int[][] shortXt = {Arrays.copyOf(c.xt()[0], real), Arrays.copyOf(c.xt()[1], real)};
        Map<String, INDArray> unpadded = engine.gradients(shortX0, new Corruption(shortXt, t, null, c.rowValues()));
        assertSameLossAndGradients(padded, unpadded, 1e-5);
        assertTrue(padded.get("loss").getDouble(0) > 0.5, "a real loss: " + padded.get("loss"));
    }

    private static boolean[][] valid(int[][] x0) {
        boolean[][] v = new boolean[x0.length][];
        for (int b = 0; b < x0.length; b++) {
            v[b] = new boolean[x0[b].length];
            for (int i = 0; i < x0[b].length; i++) {
                v[b][i] = x0[b][i] != PAD;
            }
        }
        return v;
    }

    private static void assertSameLossAndGradients(Map<String, INDArray> a, Map<String, INDArray> b, double tol) {
        assertEquals(a.keySet(), b.keySet());
        double worst = 0;
        String where = "";
        double largest = 0;
        for (String k : a.keySet()) {
            double d = a.get(k).castTo(DataType.DOUBLE).sub(b.get(k).castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
            largest = Math.max(largest, a.get(k).amaxNumber().doubleValue());
            if (d > worst) {
                worst = d;
                where = k;
            }
        }
        assertTrue(worst < tol, "largest difference " + worst + " in " + where);
        assertTrue(largest > 1e-3, "the gradients are not all zero");
    }
}
