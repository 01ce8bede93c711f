package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fused sampling-side log p(x0 | xt) against the composed SUBS graph (zero masking and
 * carry-over), float32, within 1e-6 times the magnitude of the values (the mask column of masked rows
 * sits near the stand-in for minus infinity).
 */
class CarryOverLogProbsTest {

    private static final double NEG_INF = -1e6;

    @ParameterizedTest
    @ValueSource(ints = {0, 17, 60})
    void equalsTheComposedOps(int mask) {
        MaskedTokenNllTest.Case c = MaskedTokenNllTest.randomCase(31 + mask, mask);
        SameDiff sd = SameDiff.create();
        INDArray want = ComposedSubs.logProbs(sd, sd.constant(c.logits()), c.xt(), mask, NEG_INF).eval();
        INDArray got = new CarryOverLogProbs().with(mask, NEG_INF).exec(c.logits(), ComposedSubs.ints(c.xt()))[0];
        MaskedTokenNllTest.assertClose(want, got, 1e-6, "log p");
        for (int b = 0; b < c.xt().length; b++) {
            for (int l = 0; l < c.xt()[0].length; l++) {
                int id = c.xt()[b][l];
                if (id != mask) {
                    assertEquals(0f, got.getFloat(b, l, id));
                    assertEquals((float) NEG_INF, got.getFloat(b, l, (id + 1) % 61));
                } else {
                    double sum = 0;
                    for (int v = 0; v < 61; v++) {
                        sum += Math.exp(got.getDouble(b, l, v));
                    }
                    assertEquals(1.0, sum, 1e-5, "probabilities of a masked row");
                }
            }
        }
    }

    @Test
    void hasNoGradient() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new CarryOverLogProbs().doDiff(java.util.List.of()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("sampling"), e.getMessage());
    }
}
