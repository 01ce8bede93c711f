package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** One graph serves any batch size and length; rows do not influence each other. */
class DitShapesTest {

    private static final int VOCAB = 9;

    @Test
    void sameGraphRunsAtDifferentBatchAndLength() {
        DitGraph g = new DitGraph(new DitConfig(32, 4, 2, 16, 4, 0.0, true, 32), VOCAB);
        Perturb.all(g.sd, 0.3, 4L);

        INDArray xt3 = DitGraph.tokens(3, 7, VOCAB, 1);
        INDArray sigma3 = Nd4j.createFromArray(0.1f, 0.9f, 2.5f);
        INDArray out3 = g.logits(xt3, sigma3);
        assertArrayEquals(new long[] {3, 7, VOCAB}, out3.shape());

        INDArray xt1 = DitGraph.tokens(1, 11, VOCAB, 2);
        INDArray out1 = g.logits(xt1, Nd4j.createFromArray(0.5f));
        assertArrayEquals(new long[] {1, 11, VOCAB}, out1.shape());
        assertTrue(out1.amaxNumber().doubleValue() > 1e-3, "perturbed model gives non-zero logits");

        // Row 2 of the B=3 batch, run alone, gives the same logits: no mixing across the batch.
        INDArray row = xt3.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all()).dup();
        INDArray alone = g.logits(row, Nd4j.createFromArray(2.5f));
        INDArray expected = out3.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all(), NDArrayIndex.all());
        assertEquals(0.0, alone.sub(expected).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void unconditionedModelIgnoresSigmaAndConditionedUsesIt() {
        DitConfig config = new DitConfig(32, 4, 1, 16, 4, 0.0, false, 32);
        DitGraph uncond = new DitGraph(config, VOCAB);
        DitGraph cond = new DitGraph(config.withTimeConditioning(true), VOCAB);
        Perturb.all(uncond.sd, 0.3, 8L);
        Perturb.all(cond.sd, 0.3, 8L);
        INDArray xt = DitGraph.tokens(2, 6, VOCAB, 3);

        INDArray u1 = uncond.logits(xt, Nd4j.createFromArray(0.2f, 3.0f));
        INDArray u2 = uncond.logits(xt, Nd4j.createFromArray(1.0f, 0.0f));
        assertEquals(u1, u2, "sigma is replaced by zeros when timeConditioning is false");
        assertEquals(u1, cond.logits(xt, Nd4j.createFromArray(0f, 0f)), "same as conditioning on sigma = 0");
        INDArray c1 = cond.logits(xt, Nd4j.createFromArray(0.2f, 3.0f));
        assertTrue(c1.sub(u1).amaxNumber().doubleValue() > 1e-4, "conditioned model reads sigma");
        assertEquals(DataType.FLOAT, c1.dataType());
    }
}
