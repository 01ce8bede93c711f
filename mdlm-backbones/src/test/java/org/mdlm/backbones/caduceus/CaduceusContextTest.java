package org.mdlm.backbones.caduceus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdlm.api.model.AttentionPattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Which positions see which: with a second scan direction or a reverse-complement strand, changing
 * the last token changes the first position's logits; with neither, the model is causal (a Mamba):
 * changing token p leaves every logit before p exactly as it was and changes those at p.
 */
class CaduceusContextTest {

    private static final int L = 16;

    @ParameterizedTest(name = "rc={0}, bidirectional={1}")
    @CsvSource({"false, true", "true, false", "true, true"})
    void laterTokensReachEarlierPositions(boolean rc, boolean bidirectional) {
        CaduceusGraph g = graph(rc, bidirectional, AttentionPattern.BIDIRECTIONAL);
        INDArray x = CaduceusGraph.tokens(2, L, 6, 3L);
        INDArray changed = x.dup();
        changed.putScalar(0, L - 1, (x.getInt(0, L - 1) + 1) % 6);
        INDArray before = g.run(x);
        INDArray after = g.run(changed);
        double first = gap(before, after, 0, 0, 1);
        assertTrue(first > 1e-4, "position 0 does not see the last token: " + first);
        assertEquals(0.0, gap(before, after, 1, 0, L), "the other sequence is untouched");
    }

    @Test
    void withoutSecondDirectionOrStrandTheModelIsCausal() {
        CaduceusGraph g = graph(false, false, AttentionPattern.CAUSAL);
        INDArray x = CaduceusGraph.tokens(1, L, 6, 4L);
        int p = 9;
        INDArray changed = x.dup();
        changed.putScalar(0, p, (x.getInt(0, p) + 2) % 6);
        INDArray before = g.run(x);
        INDArray after = g.run(changed);
        assertEquals(0.0, gap(before, after, 0, 0, p), "positions before " + p + " must not see it");
        assertTrue(gap(before, after, 0, p, p + 1) > 1e-4, "position " + p + " sees its own token");
        assertTrue(gap(before, after, 0, p + 1, L) > 1e-4, "later positions see it");
    }

    private static CaduceusGraph graph(boolean rc, boolean bidirectional, AttentionPattern attention) {
        CaduceusConfig config = new CaduceusConfig(8, 2, 4, 2, 4, 0, 0.001, 0.1, true, rc, bidirectional, false, 4);
        CaduceusGraph g = new CaduceusGraph(config, new DnaLikeVocabulary(), DataType.FLOAT, RcHead.Tying.COMPLEMENT,
                attention, false, 8L);
        g.perturb(0.5, 19L);
        return g;
    }

    /** max |a - b| over sequence {@code b} and positions [from, to). */
    private static double gap(INDArray a, INDArray b, int seq, int from, int to) {
        INDArray d = a.get(NDArrayIndex.point(seq), NDArrayIndex.interval(from, to), NDArrayIndex.all())
                .sub(b.get(NDArrayIndex.point(seq), NDArrayIndex.interval(from, to), NDArrayIndex.all()));
        return d.amaxNumber().doubleValue();
    }
}
