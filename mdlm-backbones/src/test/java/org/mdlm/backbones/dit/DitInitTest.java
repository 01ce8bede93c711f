package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Initial parameters: reference-style ranges, zero modulation and output, determinism from the seed. */
class DitInitTest {

    private static final DitConfig SMALL = new DitConfig(32, 4, 2, 16, 4, 0.0, true, 64);
    private static final int VOCAB = 11;

    @Test
    void initialLogitsAreExactlyZero() {
        DitGraph g = new DitGraph(SMALL, VOCAB);
        INDArray logits = g.logits(DitGraph.tokens(2, 9, VOCAB, 1), Nd4j.createFromArray(0.3f, 1.7f));
        assertEquals(DataType.FLOAT, logits.dataType());
        assertEquals(0.0, logits.amaxNumber().doubleValue(), 0.0, "zero output layer gives zero logits");
    }

    @Test
    void parametersFollowReferenceInitialisation() {
        DitGraph g = new DitGraph(SMALL, VOCAB);
        double h = 1.0 / Math.sqrt(32);
        assertRange(g.array("vocab_embed.embedding"), h);
        assertRange(g.array("blocks.0.attn_qkv.weight"), h);
        assertRange(g.array("blocks.1.mlp.2.weight"), 1.0 / Math.sqrt(128));
        assertRange(g.array("blocks.1.mlp.2.bias"), 1.0 / Math.sqrt(128));
        assertRange(g.array("sigma_map.mlp.0.weight"), 1.0 / Math.sqrt(64));
        for (String zero : new String[] {"blocks.0.adaLN_modulation.weight", "blocks.1.adaLN_modulation.bias",
            "output_layer.adaLN_modulation.weight", "output_layer.adaLN_modulation.bias",
            "output_layer.linear.weight", "output_layer.linear.bias"}) {
            assertEquals(0.0, g.array(zero).amaxNumber().doubleValue(), 0.0, zero);
        }
        for (String one : new String[] {"blocks.0.norm1.weight", "blocks.1.norm2.weight",
            "output_layer.norm_final.weight"}) {
            assertEquals(1.0, g.array(one).minNumber().doubleValue(), 0.0, one);
            assertEquals(1.0, g.array(one).maxNumber().doubleValue(), 0.0, one);
        }
    }

    @Test
    void sameSeedSameParametersOtherSeedOthers() {
        DitGraph a = new DitGraph(SMALL, VOCAB, false, 5L, DataType.FLOAT);
        DitGraph b = new DitGraph(SMALL, VOCAB, false, 5L, DataType.FLOAT);
        DitGraph c = new DitGraph(SMALL, VOCAB, false, 6L, DataType.FLOAT);
        for (String name : new String[] {"vocab_embed.embedding", "blocks.1.attn_out.weight", "sigma_map.mlp.2.bias"}) {
            assertEquals(a.array(name), b.array(name), name + " with the same seed");
            assertNotEquals(a.array(name), c.array(name), name + " with another seed");
        }
        assertNotEquals(a.array("blocks.0.attn_qkv.weight"), a.array("blocks.1.attn_qkv.weight"),
                "each parameter has its own stream");
    }

    private static void assertRange(INDArray arr, double bound) {
        double max = arr.maxNumber().doubleValue();
        double min = arr.minNumber().doubleValue();
        assertTrue(max <= bound && min >= -bound, "values in [-" + bound + ", " + bound + "], got " + min + ".." + max);
        if (arr.length() < 500) {
            return;
        }
        // uniform on [-bound, bound] with >= 500 draws: extremes near the bound, std near bound/sqrt(3)
        assertTrue(max > 0.8 * bound && min < -0.8 * bound, "spread " + min + ".." + max + " for bound " + bound);
        double std = arr.stdNumber().doubleValue();
        assertEquals(bound / Math.sqrt(3), std, 0.1 * bound / Math.sqrt(3), "std of U(-b, b)");
    }
}
