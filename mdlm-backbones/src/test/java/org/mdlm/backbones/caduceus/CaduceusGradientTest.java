package org.mdlm.backbones.caduceus;

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

/**
 * SameDiff's gradients of every Caduceus parameter agree with central finite differences, in double
 * precision, for a loss that weights every logit: reverse complement with two directions and
 * RMSNorm (one-hot embedding), and one strand with one direction and LayerNorm (row-lookup feed);
 * three chunks each.
 */
class CaduceusGradientTest {

    private static final int B = 2;
    private static final int L = 6;
    private static final double STEP = 1e-6;

    @ParameterizedTest(name = "rc={0}, bidirectional={1}, rmsNorm={2}")
    @CsvSource({"true, true, true", "false, false, false"})
    void gradientsMatchFiniteDifferences(boolean rc, boolean bidirectional, boolean rmsNorm) {
        CaduceusConfig config = new CaduceusConfig(4, 1, 2, 2, 3, 1, 0.001, 0.1, rmsNorm, rc, bidirectional,
                false, 2);
        CaduceusGraph g = new CaduceusGraph(config, new DnaLikeVocabulary(), DataType.DOUBLE,
                RcHead.Tying.COMPLEMENT, 3L);
        g.perturb(0.5, 11L);
        INDArray w = Nd4j.rand(DataType.DOUBLE, B, L, 6).subi(0.5);
        SDVariable loss = g.sd.constant(w).mul(g.out).sum();
        g.sd.setLossVariables(loss.name());

        INDArray tokens = CaduceusGraph.tokens(B, L, 6, 9);
        Map<String, INDArray> ph = g.feed(tokens);
        List<String> params = new ArrayList<>();
        for (SDVariable v : g.sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.add(v.name());
            }
        }
        int perDirection = 7;
        assertEquals(1 + 2 + perDirection * config.directions() + 1 + 1 + 1, params.size(), params.toString());
        assertEquals(rc ? 0 : 1, g.feeds.lookups().size(), "row lookup only without reverse complement");
        // As the engine does: differentiate each row lookup's placeholder and scatter it into its table.
        List<String> differentiated = new ArrayList<>(params);
        for (RowLookup l : g.feeds.lookups().values()) {
            differentiated.remove(l.table());
            differentiated.add(l.placeholder());
        }
        g.sd.createGradFunction(g.feeds.lookups().keySet().toArray(new String[0]));
        Map<String, INDArray> grads = new HashMap<>(g.sd.calculateGradients(ph, differentiated));
        for (RowLookup l : g.feeds.lookups().values()) {
            grads.put(l.table(), l.scatter(grads.remove(l.placeholder()), ph.get(l.ids()),
                    g.sd.getArrForVarName(l.table()).size(0)));
        }

        SplittableRandom r = new SplittableRandom(17);
        for (String name : params) {
            INDArray value = g.sd.getArrForVarName(name);
            INDArray grad = grads.get(name);
            assertTrue(grad != null, "gradient of " + name);
            assertTrue(grad.amaxNumber().doubleValue() > 1e-8, "gradient of " + name + " is not all zero");
            for (int k = 0; k < 2; k++) {
                long i = r.nextLong(value.length());
                double orig = value.getDouble(i);
                value.putScalar(i, orig + STEP);
                double up = lossValue(g, loss);
                value.putScalar(i, orig - STEP);
                double down = lossValue(g, loss);
                value.putScalar(i, orig);
                double numeric = (up - down) / (2 * STEP);
                double analytic = grad.getDouble(i);
                assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric),
                        name + "[" + i + "]: finite difference " + numeric + " vs gradient " + analytic);
            }
        }
    }

    private static double lossValue(CaduceusGraph g, SDVariable loss) {
        return g.sd.output(g.feed(CaduceusGraph.tokens(B, L, 6, 9)), loss.name()).get(loss.name()).getDouble(0);
    }
}
