package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Dropout is a fed mask on the attention and MLP branches, only in training graphs. */
class DitDropoutTest {

    private static final DitConfig CONFIG = new DitConfig(16, 2, 2, 8, 2, 0.5, false, 16);
    private static final int VOCAB = 5;
    private static final INDArray XT = DitGraph.tokens(2, 6, VOCAB, 4);
    private static final INDArray SIGMA = Nd4j.createFromArray(0f, 0f);

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

    /** The training graph's logits with the given masks (by placeholder name; missing ones are all ones). */
    private static INDArray trainLogits(Map<String, INDArray> masks) {
        DitGraph train = new DitGraph(CONFIG, VOCAB, true, 1L, DataType.FLOAT);
        Perturb.all(train.sd, 0.4, 2L);
        Map<String, INDArray> ph = train.feed(XT, SIGMA);
        ph.replaceAll((k, v) -> k.startsWith(Dit.DROPOUT_PREFIX) ? masks.getOrDefault(k, Nd4j.onesLike(v)) : v);
        return train.sd.output(ph, train.logits.name()).get(train.logits.name());
    }

    /** The evaluation graph (no masks) with the same weights, after {@code edit} changed some of them. */
    private static INDArray evalLogits(Consumer<DitGraph> edit) {
        DitGraph eval = new DitGraph(CONFIG, VOCAB, false, 1L, DataType.FLOAT);
        Perturb.all(eval.sd, 0.4, 2L);
        edit.accept(eval);
        return eval.logits(XT, SIGMA);
    }

    private static double maxDiff(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    @Test
    void allOnesMasksAreNoDropoutAndRandomMasksChangeTheLogits() {
        INDArray expected = evalLogits(g -> { });
        assertEquals(0.0, maxDiff(trainLogits(Map.of()), expected), 1e-6, "all-ones masks = no dropout");
        DitGraph train = new DitGraph(CONFIG, VOCAB, true, 1L, DataType.FLOAT);
        Perturb.all(train.sd, 0.4, 2L);
        assertNotEquals(0.0, maxDiff(train.logits(XT, SIGMA), expected), "random masks change the logits");
    }

    /**
     * A zero mask at one site removes exactly that branch's output: the same logits as the
     * evaluation graph whose output projection of that branch is zero (attention: attn_out has no
     * bias; MLP: mlp.2's weight and bias). A mask anywhere else (the input of the branch, the
     * residual stream, another block) would give other logits.
     */
    @ParameterizedTest(name = "blocks.{0}.{1}")
    @CsvSource({"0, attn", "0, mlp", "1, attn", "1, mlp"})
    void aZeroMaskRemovesExactlyItsBranch(int block, String branch) {
        String site = Dit.DROPOUT_PREFIX + "blocks." + block + "." + branch;
        INDArray dropped = trainLogits(Map.of(site, Nd4j.zeros(DataType.FLOAT, 2, 6, CONFIG.hidden())));
        String projection = "blocks." + block + (branch.equals("attn") ? ".attn_out" : ".mlp.2");
        INDArray withoutBranch = evalLogits(g -> {
            for (String name : List.of(projection + ".weight", projection + ".bias")) {
                if (g.sd.hasVariable(name)) {
                    g.sd.getVariable(name).setArray(Nd4j.zerosLike(g.array(name)));
                }
            }
        });
        assertTrue(maxDiff(dropped, evalLogits(g -> { })) > 1e-3, "the branch matters");
        assertEquals(0.0, maxDiff(dropped, withoutBranch), 1e-5, site + " multiplies the output of " + projection);
    }

    /**
     * The mask is [B, L, hidden] over the branch output: channel c of it scales output channel c of the
     * branch's projection (not input channel c, which a mask before the projection would scale).
     */
    @ParameterizedTest(name = "blocks.1.{0}")
    @CsvSource({"attn, attn_out", "mlp, mlp.2"})
    void aMaskChannelScalesThatOutputChannelOfTheBranch(String branch, String projection) {
        int channel = 5;
        INDArray mask = Nd4j.ones(DataType.FLOAT, 2, 6, CONFIG.hidden());
        mask.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(channel)).assign(2.0);
        INDArray doubled = trainLogits(Map.of("dropout.blocks.1." + branch, mask));
        INDArray scaledRow = evalLogits(g -> {
            g.array("blocks.1." + projection + ".weight").getRow(channel).muli(2.0);
            if (g.sd.hasVariable("blocks.1." + projection + ".bias")) {
                g.array("blocks.1." + projection + ".bias").getScalar(channel).muli(2.0);
            }
        });
        assertTrue(maxDiff(doubled, evalLogits(g -> { })) > 1e-4, "the channel matters");
        assertEquals(0.0, maxDiff(doubled, scaledRow), 1e-5);
    }

    /**
     * In the last block the mask acts per position after attention has mixed the positions: zeroing
     * the attention branch at one position changes the logits of that position only.
     */
    @Test
    void aMaskPositionInTheLastBlockChangesOnlyThatPosition() {
        INDArray mask = Nd4j.ones(DataType.FLOAT, 2, 6, CONFIG.hidden());
        mask.get(NDArrayIndex.point(1), NDArrayIndex.point(3), NDArrayIndex.all()).assign(0.0);
        INDArray changed = trainLogits(Map.of("dropout.blocks.1.attn", mask)).sub(trainLogits(Map.of()));
        for (int b = 0; b < 2; b++) {
            for (int l = 0; l < 6; l++) {
                double d = changed.get(NDArrayIndex.point(b), NDArrayIndex.point(l), NDArrayIndex.all())
                        .amaxNumber().doubleValue();
                if (b == 1 && l == 3) {
                    assertTrue(d > 1e-3, "the masked position changes: " + d);
                } else {
                    assertEquals(0.0, d, 1e-6, "position [" + b + "," + l + "] is untouched");
                }
            }
        }
    }
}
