package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused head merge against SameDiff's permute and reshape, forward and backward (both pure
 * copies, so equal exactly; asserted to 1e-6), the backward against central differences of the
 * forward, and split after merge giving the heads back.
 */
class MergeHeadsTest {

    private static final int B = 2;
    private static final int NH = 3;
    private static final int L = 7;
    private static final int D = 6;

    @Test
    void forwardAndBackwardEqualTheComposedOps() {
        Nd4j.getRandom().setSeed(31);
        INDArray o = Nd4j.randn(DataType.FLOAT, B, NH, L, D);
        INDArray w = Nd4j.randn(DataType.FLOAT, B, L, NH * D);
        SameDiff sd = SameDiff.create();
        SDVariable ov = sd.var("o", o.dup());
        SDVariable y = sd.reshape(sd.permute(ov, 0, 2, 1, 3), B, L, NH * D);
        y.mul(sd.constant(w)).sum().markAsLoss();
        INDArray wantY = sd.output(Map.of(), y.name()).get(y.name());
        INDArray wantDo = sd.calculateGradients(Map.of(), "o").get("o");

        INDArray gotY = new MergeHeads().withHeads(NH).exec(o)[0];
        INDArray gotDo = new MergeHeadsBp().withHeads(NH).exec(w)[0];
        assertTrue(RotaryHeadsTest.maxDiff(wantY, gotY) <= 1e-6, "forward " + RotaryHeadsTest.maxDiff(wantY, gotY));
        assertTrue(RotaryHeadsTest.maxDiff(wantDo, gotDo) <= 1e-6,
                "backward " + RotaryHeadsTest.maxDiff(wantDo, gotDo));
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        Nd4j.getRandom().setSeed(32);
        INDArray o = Nd4j.randn(DataType.FLOAT, B, NH, L, D);
        INDArray w = Nd4j.randn(DataType.FLOAT, B, L, NH * D);
        MergeHeads forward = new MergeHeads().withHeads(NH);
        INDArray grad = new MergeHeadsBp().withHeads(NH).exec(w)[0];
        double h = 1e-2;
        Random pick = new Random(4);
        for (int n = 0; n < 32; n++) {
            int i = pick.nextInt((int) o.length());
            INDArray plus = o.dup();
            INDArray minus = o.dup();
            plus.putScalar(i, o.getDouble(i) + h);
            minus.putScalar(i, o.getDouble(i) - h);
            double fd = (loss(forward.exec(plus)[0], w) - loss(forward.exec(minus)[0], w)) / (2 * h);
            // A copy: only the float32 rounding of o +- h enters (~1e-7 relative over 2h).
            assertEquals(fd, grad.getDouble(i), 2e-4 * Math.max(1, Math.abs(fd)), "element " + i);
        }
    }

    private static double loss(INDArray y, INDArray w) {
        return y.castTo(DataType.DOUBLE).mul(w.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }

    @Test
    void splitUndoesMergeAndViewsAreReadAsTheirValues() {
        Nd4j.getRandom().setSeed(33);
        INDArray view = Nd4j.randn(DataType.FLOAT, NH, B, L, D).permute(1, 0, 2, 3);
        INDArray merged = new MergeHeads().withHeads(NH).exec(view)[0];
        assertEquals(0.0, RotaryHeadsTest.maxDiff(new MergeHeads().withHeads(NH).exec(view.dup('c'))[0], merged));
        assertEquals(0.0, RotaryHeadsTest.maxDiff(view, new MergeHeadsBp().withHeads(NH).exec(merged)[0]));
    }

    @Test
    void aHeadCountThatDoesNotFitIsRejected() {
        INDArray o = Nd4j.zeros(DataType.FLOAT, B, NH, L, D);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MergeHeads().withHeads(NH + 1).exec(o));
        assertTrue(e.getMessage().contains("4 heads"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new MergeHeadsBp().withHeads(5).exec(Nd4j.zeros(DataType.FLOAT, B, L, NH * D)));
    }
}
