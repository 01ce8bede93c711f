package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.AttentionPattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The DiT's attention patterns: causal logits at position i ignore every later token; with a
 * validity mask, padded positions influence no real position. Each check also shows that the
 * changed token does move what it may reach, so a model that ignores its input cannot pass.
 */
class DitAttentionMaskTest {

    private static final DitConfig CONFIG = new DitConfig(16, 2, 2, 8, 2, 0.0, false, 16);
    private static final int VOCAB = 9;
    private static final int L = 10;

    @Test
    void causalLogitsAtPositionIDoNotSeeLaterTokens() {
        DitGraph g = graph(AttentionPattern.CAUSAL, false);
        INDArray xt = DitGraph.tokens(2, L, VOCAB - 1, 3L);
        INDArray changed = xt.dup();
        int j = 6;
        changed.putScalar(new long[] {0, j}, (xt.getInt(0, j) + 3) % (VOCAB - 1));
        changed.putScalar(new long[] {1, j}, (xt.getInt(1, j) + 5) % (VOCAB - 1));
        INDArray a = g.logits(xt, Nd4j.zeros(DataType.FLOAT, 2));
        INDArray b = g.logits(changed, Nd4j.zeros(DataType.FLOAT, 2));
        assertEquals(0.0, maxDiff(a, b, 0, j), 0.0, "positions before the changed token are untouched");
        assertTrue(maxDiff(a, b, j, L) > 1e-4, "the changed token moves its own and later logits");
    }

    @Test
    void bidirectionalLogitsDoSeeLaterTokens() {
        DitGraph g = graph(AttentionPattern.BIDIRECTIONAL, false);
        INDArray xt = DitGraph.tokens(2, L, VOCAB - 1, 3L);
        INDArray changed = xt.dup();
        changed.putScalar(new long[] {0, 6}, (xt.getInt(0, 6) + 3) % (VOCAB - 1));
        assertTrue(maxDiff(g.logits(xt, Nd4j.zeros(DataType.FLOAT, 2)), g.logits(changed, Nd4j.zeros(DataType.FLOAT, 2)),
                0, 6) > 1e-4, "without the causal mask earlier positions see the change");
    }

    @Test
    void paddedPositionsInfluenceNoRealPosition() {
        DitGraph g = graph(AttentionPattern.BIDIRECTIONAL, true);
        int real = 7;
        INDArray xt = DitGraph.tokens(2, L, VOCAB - 1, 4L);
        INDArray valid = Nd4j.zeros(DataType.FLOAT, 2, L);
        valid.get(NDArrayIndex.all(), NDArrayIndex.interval(0, real)).assign(1);
        INDArray otherPadding = xt.dup();
        for (int i = real; i < L; i++) {
            otherPadding.putScalar(new long[] {0, i}, (xt.getInt(0, i) + 2) % (VOCAB - 1));
            otherPadding.putScalar(new long[] {1, i}, (xt.getInt(1, i) + 4) % (VOCAB - 1));
        }
        INDArray a = run(g, xt, valid);
        INDArray b = run(g, otherPadding, valid);
        assertEquals(0.0, maxDiff(a, b, 0, real), 0.0, "real positions ignore what the padding holds");
        INDArray allValid = Nd4j.ones(DataType.FLOAT, 2, L);
        assertTrue(maxDiff(run(g, xt, allValid), run(g, otherPadding, allValid), 0, real) > 1e-4,
                "the same change is seen when those positions are real");
    }

    private static DitGraph graph(AttentionPattern pattern, boolean padded) {
        DitGraph g = new DitGraph(CONFIG, VOCAB, false, 42L, DataType.FLOAT, pattern, padded);
        Perturb.all(g.sd, 0.3, 11L);
        return g;
    }

    private static INDArray run(DitGraph g, INDArray xt, INDArray valid) {
        Map<String, INDArray> ph = g.feed(xt, Nd4j.zeros(DataType.FLOAT, 2));
        ph.put("valid", valid);
        return g.sd.output(ph, g.logits.name()).get(g.logits.name());
    }

    /** Largest absolute difference of logits at positions [from, to). */
    private static double maxDiff(INDArray a, INDArray b, int from, int to) {
        INDArray x = a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all());
        INDArray y = b.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all());
        return x.sub(y).amaxNumber().doubleValue();
    }
}
