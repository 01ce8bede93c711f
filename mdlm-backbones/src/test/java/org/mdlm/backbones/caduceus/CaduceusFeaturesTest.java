package org.mdlm.backbones.caduceus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.AttentionPattern;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code features} builds the logits graph's trunk: the same variables (names, shapes, initial
 * values) without {@code lm_head.weight}, [B, L, featureWidth] per position; with reverse complement
 * its two halves swap, position-reversed, when the input is reverse-complemented.
 */
class CaduceusFeaturesTest {

    private static final Vocabulary VOCAB = new DnaLikeVocabulary();

    @ParameterizedTest(name = "rc={0}")
    @ValueSource(booleans = {true, false})
    void featuresAreTheTrunkOfTheLogitsGraph(boolean rc) {
        CaduceusConfig config = new CaduceusConfig(8, 2, 4, 2, 4, 0, 0.001, 0.1, true, rc, true, false, 4);
        CaduceusGraph logits = new CaduceusGraph(config, VOCAB, DataType.FLOAT, RcHead.Tying.COMPLEMENT,
                AttentionPattern.BIDIRECTIONAL, false, 6L);
        CaduceusGraph features = new CaduceusGraph(config, VOCAB, DataType.FLOAT, RcHead.Tying.COMPLEMENT,
                AttentionPattern.BIDIRECTIONAL, true, 6L);
        Map<String, INDArray> withHead = variables(logits);
        Map<String, INDArray> trunk = variables(features);
        assertTrue(withHead.containsKey("lm_head.weight"));
        withHead.remove("lm_head.weight");
        assertEquals(withHead.keySet(), trunk.keySet());
        for (String name : trunk.keySet()) {
            assertEquals(withHead.get(name), trunk.get(name), "initial value of " + name);
        }
        assertEquals(rc ? 16 : 8, new Caduceus(config).featureWidth());

        features.perturb(0.5, 3L);
        INDArray x = CaduceusGraph.tokens(2, 12, 6, 5L);
        INDArray f = features.run(x);
        assertArrayEquals(new long[] {2, 12, config.featureWidth()}, f.shape());
        if (rc) {
            INDArray g = features.run(CaduceusGraph.reverseComplement(x, VOCAB));
            INDArray firstHalf = g.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 8));
            INDArray secondHalf = g.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(8, 16));
            INDArray reversed = reverse(f);
            double gap = Math.max(
                    firstHalf.sub(reversed.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(8, 16)))
                            .amaxNumber().doubleValue(),
                    secondHalf.sub(reversed.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 8)))
                            .amaxNumber().doubleValue());
            assertTrue(gap <= 1e-5, "halves swap under reverse complement, gap " + gap);
        }
    }

    private static Map<String, INDArray> variables(CaduceusGraph g) {
        Map<String, INDArray> out = new TreeMap<>();
        for (SDVariable v : g.sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                out.put(v.name(), v.getArr().dup());
            }
        }
        return out;
    }

    /** f [B, L, W] with the positions in reverse order. */
    private static INDArray reverse(INDArray f) {
        INDArray r = f.dup();
        long l = f.size(1);
        for (int i = 0; i < l; i++) {
            r.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.all())
                    .assign(f.get(NDArrayIndex.all(), NDArrayIndex.point(l - 1 - i), NDArrayIndex.all()));
        }
        return r;
    }
}
