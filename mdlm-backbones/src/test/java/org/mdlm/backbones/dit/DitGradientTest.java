package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdlm.engine.RowLookup;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Gradients from SameDiff agree with central finite differences, in double precision. */
class DitGradientTest {

    private static final int VOCAB = 6;
    private static final int B = 2;
    private static final int L = 5;
    private static final double STEP = 1e-6;

    @ParameterizedTest(name = "timeConditioning={0}, training={1}")
    @CsvSource({"true, false", "false, true"})
    void gradientsMatchFiniteDifferences(boolean timeConditioning, boolean training) {
        DitConfig config = new DitConfig(16, 2, 1, 8, 2, 0.3, timeConditioning, 8);
        DitGraph g = new DitGraph(config, VOCAB, training, 3L, DataType.DOUBLE);
        Perturb.all(g.sd, 0.5, 11L);
        INDArray w = Nd4j.rand(DataType.DOUBLE, B, L, VOCAB).subi(0.5);
        SDVariable loss = g.sd.constant(w).mul(g.logits).sum();
        g.sd.setLossVariables(loss.name());

        INDArray tokens = DitGraph.tokens(B, L, VOCAB, 9);
        INDArray sigma = Nd4j.createFromArray(0.4, 2.2);
        Map<String, INDArray> ph = g.feed(tokens, sigma);
        if (training) {
            assertEquals(2, ph.keySet().stream().filter(k -> k.startsWith(Dit.DROPOUT_PREFIX)).count());
        }
        List<String> params = new ArrayList<>();
        for (SDVariable v : g.sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.add(v.name());
            }
        }
        // The embedding table is read through a row-lookup feed: differentiate its placeholder and
        // scatter that gradient into the table, as the engine does.
        List<String> differentiated = new ArrayList<>(params);
        for (RowLookup l : g.feeds.lookups().values()) {
            differentiated.remove(l.table());
            differentiated.add(l.placeholder());
        }
        // SameDiff only differentiates placeholders named when the gradient function is created.
        g.sd.createGradFunction(g.feeds.lookups().keySet().toArray(new String[0]));
        Map<String, INDArray> grads = new HashMap<>(g.sd.calculateGradients(ph, differentiated));
        for (RowLookup l : g.feeds.lookups().values()) {
            grads.put(l.table(), l.scatter(grads.remove(l.placeholder()), ph.get(l.ids()), g.array(l.table()).size(0)));
        }
        assertEquals(30 - 10, params.size(), "one block: 5 + 10 + 5 parameters");

        SplittableRandom r = new SplittableRandom(17);
        int checked = 0;
        for (String name : params) {
            INDArray value = g.array(name);
            INDArray grad = grads.get(name);
            assertTrue(grad != null, "gradient of " + name);
            assertEquals(0, grad.neq(grad).castTo(DataType.INT).sumNumber().intValue(), "no NaN in " + name);
            for (int k = 0; k < 3; k++) {
                long i = r.nextLong(value.length());
                double orig = value.getDouble(i);
                value.putScalar(i, orig + STEP);
                double up = lossValue(g, loss, g.feed(tokens, sigma));
                value.putScalar(i, orig - STEP);
                double down = lossValue(g, loss, g.feed(tokens, sigma));
                value.putScalar(i, orig);
                double numeric = (up - down) / (2 * STEP);
                double analytic = grad.getDouble(i);
                assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric),
                        name + "[" + i + "]: finite difference " + numeric + " vs gradient " + analytic);
                checked++;
            }
        }
        assertEquals(60, checked);
        // the gradients are not trivially zero after perturbation
        assertTrue(grads.get("vocab_embed.embedding").amaxNumber().doubleValue() > 1e-3);
        assertTrue(grads.get("sigma_map.mlp.0.weight").amaxNumber().doubleValue() > 1e-6);
    }

    private static double lossValue(DitGraph g, SDVariable loss, Map<String, INDArray> ph) {
        return g.sd.output(ph, loss.name()).get(loss.name()).getDouble(0);
    }
}
