package org.mdlm.backbones.caduceus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdlm.api.domain.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reverse-complement equivariance by parameter sharing: with random weights and random inputs (the
 * mask and N included), logits(RC(x))[b, l, v] = logits(x)[b, L-1-l, comp(v)] to 1e-5; with the head's
 * complement tying deliberately broken, the same check fails by a wide margin.
 */
class RcEquivarianceTest {

    private static final Vocabulary VOCAB = new DnaLikeVocabulary();
    private static final int B = 3;
    private static final int L = 16;

    @ParameterizedTest(name = "bidirectional={0}, layers={1}")
    @CsvSource({"true, 2", "false, 1"})
    void logitsOfTheReverseComplementAreTheReversedComplementedLogits(boolean bidirectional, int layers) {
        double gap = largestGap(config(bidirectional, layers), RcHead.Tying.COMPLEMENT);
        assertTrue(gap <= 1e-5, "equivariance violated by " + gap);
    }

    @ParameterizedTest(name = "bidirectional={0}, layers={1}")
    @CsvSource({"true, 2", "false, 1"})
    void brokenHeadTyingBreaksEquivariance(boolean bidirectional, int layers) {
        double gap = largestGap(config(bidirectional, layers), RcHead.Tying.UNPERMUTED);
        assertTrue(gap > 1e-2, "the check must see broken tying, gap only " + gap);
    }

    private static CaduceusConfig config(boolean bidirectional, int layers) {
        return new CaduceusConfig(8, layers, 4, 2, 3, 2, 0.001, 0.1, true, true, bidirectional, false, 4);
    }

    /** max |logits(RC x)[b, l, v] - logits(x)[b, L-1-l, comp(v)]| over random weights and tokens. */
    private static double largestGap(CaduceusConfig config, RcHead.Tying tying) {
        CaduceusGraph g = new CaduceusGraph(config, VOCAB, DataType.FLOAT, tying, 5L);
        g.perturb(0.5, 13L);
        INDArray x = CaduceusGraph.tokens(B, L, VOCAB.size(), 21L);
        INDArray fwd = g.run(x);
        INDArray rc = g.run(CaduceusGraph.reverseComplement(x, VOCAB));
        assertArrayEquals(new long[] {B, L, VOCAB.size()}, fwd.shape());
        double gap = 0;
        double scale = 0;
        for (int b = 0; b < B; b++) {
            for (int l = 0; l < L; l++) {
                for (int v = 0; v < VOCAB.size(); v++) {
                    double expected = fwd.getDouble(b, L - 1 - l, VOCAB.complement(v));
                    gap = Math.max(gap, Math.abs(rc.getDouble(b, l, v) - expected));
                    scale = Math.max(scale, Math.abs(expected));
                }
            }
        }
        assertTrue(scale > 0.1, "logits are not trivially small: " + scale);
        return gap;
    }
}
