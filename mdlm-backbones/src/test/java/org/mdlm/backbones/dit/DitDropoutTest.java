package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Dropout is a fed mask on the attention and MLP branches, only in training graphs. */
class DitDropoutTest {

    private static final DitConfig CONFIG = new DitConfig(16, 2, 2, 8, 2, 0.5, false, 16);
    private static final int VOCAB = 5;

    @Test
    void trainingGraphDeclaresMasksOfZerosAndTwos() {
        DitGraph g = new DitGraph(CONFIG, VOCAB, true, 1L, DataType.FLOAT);
        List<String> masks = g.feeds.fills().keySet().stream().filter(k -> k.startsWith(Dit.DROPOUT_PREFIX)).toList();
        assertEquals(List.of("dropout.blocks.0.attn", "dropout.blocks.0.mlp", "dropout.blocks.1.attn",
                "dropout.blocks.1.mlp"), masks);

        INDArray mask = g.feeds.fills().get("dropout.blocks.0.attn").compute(8, 16, new SplittableRandom(3));
        assertArrayEquals(new long[] {8, 16, 16}, mask.shape());
        long zeros = 0;
        long twos = 0;
        for (double v : mask.ravel().toDoubleVector()) {
            assertTrue(v == 0.0 || v == 2.0, "mask value " + v);
            zeros += v == 0.0 ? 1 : 0;
            twos += v == 2.0 ? 1 : 0;
        }
        // 2048 Bernoulli(0.5) draws: the share of zeros lies within 0.5 +- 0.05 (about 4.5 sigma).
        assertEquals(0.5, zeros / 2048.0, 0.05);
        assertEquals(2048, zeros + twos);
        INDArray again = g.feeds.fills().get("dropout.blocks.0.attn").compute(8, 16, new SplittableRandom(3));
        assertEquals(mask, again, "same rng seed, same mask");
    }

    @Test
    void evaluationGraphHasNoDropoutPlaceholder() {
        DitGraph eval = new DitGraph(CONFIG, VOCAB, false, 1L, DataType.FLOAT);
        assertEquals(List.of(Dit.ROTARY_COS, Dit.ROTARY_SIN), List.copyOf(eval.feeds.fills().keySet()));
        DitGraph noDropout = new DitGraph(CONFIG.withDropout(0.0), VOCAB, true, 1L, DataType.FLOAT);
        assertEquals(List.of(Dit.ROTARY_COS, Dit.ROTARY_SIN), List.copyOf(noDropout.feeds.fills().keySet()));
    }

    @Test
    void masksMultiplyTheBranches() {
        DitGraph train = new DitGraph(CONFIG, VOCAB, true, 1L, DataType.FLOAT);
        DitGraph eval = new DitGraph(CONFIG, VOCAB, false, 1L, DataType.FLOAT);
        Perturb.all(train.sd, 0.4, 2L);
        Perturb.all(eval.sd, 0.4, 2L);
        INDArray xt = DitGraph.tokens(2, 6, VOCAB, 4);
        INDArray sigma = Nd4j.createFromArray(0f, 0f);
        INDArray expected = eval.logits(xt, sigma);

        Map<String, INDArray> ph = train.feed(xt, sigma);
        ph.replaceAll((k, v) -> k.startsWith(Dit.DROPOUT_PREFIX) ? Nd4j.onesLike(v) : v);
        INDArray ones = train.sd.output(ph, train.logits.name()).get(train.logits.name());
        assertEquals(0.0, ones.sub(expected).amaxNumber().doubleValue(), 1e-6, "all-ones masks = no dropout");

        INDArray dropped = train.logits(xt, sigma);
        assertNotEquals(0.0, dropped.sub(expected).amaxNumber().doubleValue(), "random masks change the logits");
    }
}
