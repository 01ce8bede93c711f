package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused attention softmax against SameDiff's composed {@code softmax(scale * x)}: forward and
 * backward to 1e-6 in float32, the backward also against central differences of the kernel's own
 * forward, and a strided input read correctly.
 */
class ScaledSoftmaxTest {

    private static final double SCALE = 1.0 / Math.sqrt(32);

    @Test
    void forwardAndBackwardEqualTheComposedOps() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2, 3, 5, 37).muli(4);
        INDArray w = Nd4j.randn(DataType.FLOAT, 2, 3, 5, 37);
        SameDiff sd = SameDiff.create();
        SDVariable xv = sd.var("x", x.dup());
        SDVariable y = sd.nn.softmax(xv.mul(SCALE), 3);
        y.mul(sd.constant(w)).sum().markAsLoss();
        INDArray expectedY = y.eval();
        INDArray expectedDx = sd.calculateGradients(Map.of(), "x").get("x");

        INDArray gotY = new ScaledSoftmax().withScale(SCALE).exec(x)[0];
        INDArray gotDx = new ScaledSoftmaxBp().withScale(SCALE).exec(gotY, w)[0];
        assertTrue(maxDiff(expectedY, gotY) <= 1e-6, "forward " + maxDiff(expectedY, gotY));
        assertTrue(maxDiff(expectedDx, gotDx) <= 1e-6, "backward " + maxDiff(expectedDx, gotDx));
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 16);
        INDArray w = Nd4j.randn(DataType.FLOAT, 3, 16);
        ScaledSoftmax forward = new ScaledSoftmax().withScale(0.7);
        INDArray y = forward.exec(x)[0];
        INDArray dx = new ScaledSoftmaxBp().withScale(0.7).exec(y, w)[0];
        double h = 1e-2;
        for (int i = 0; i < x.length(); i++) {
            INDArray plus = x.dup();
            INDArray minus = x.dup();
            plus.putScalar(i, x.getDouble(i) + h);
            minus.putScalar(i, x.getDouble(i) - h);
            double fd = (loss(forward, plus, w) - loss(forward, minus, w)) / (2 * h);
            assertEquals(fd, dx.getDouble(i), 2e-3 * Math.max(1, Math.abs(fd)), "element " + i);
        }
    }

    @Test
    void readsViewsAsTheirValues() {
        Nd4j.getRandom().setSeed(2);
        INDArray base = Nd4j.randn(DataType.FLOAT, 4, 6, 10);
        INDArray view = base.permute(1, 0, 2); // not C-contiguous
        INDArray want = new ScaledSoftmax().withScale(1).exec(view.dup('c'))[0];
        INDArray got = new ScaledSoftmax().withScale(1).exec(view)[0];
        assertEquals(0.0, maxDiff(want, got));
        for (int r = 0; r < 24; r++) {
            assertEquals(1.0, got.reshape(24, 10).getRow(r).sumNumber().doubleValue(), 1e-6);
        }
    }

    private static double loss(ScaledSoftmax op, INDArray x, INDArray w) {
        return op.exec(x)[0].castTo(DataType.DOUBLE).mul(w.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }

    private static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
