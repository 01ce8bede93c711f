package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused adaLN LayerNorm against SameDiff's composed ops ({@code (x - mean) * rsqrt(var + eps)
 * * ((1 + scale) * weight) + shift}, run by SameDiff's session): forward and all four gradients to
 * 1e-6 of the values' magnitude in float32, with the rows split over threads (a split inside a
 * sequence) and with a width that is no multiple of the vector length; the backward against
 * central differences of the kernel's own forward.
 */
class ModulatedLayerNormTest {

    private static final double EPS = 1e-5;

    @Test
    void forwardAndBackwardEqualTheComposedOpsOverThreads() {
        compareWithComposed(3, 40, 96, 3); // 120 rows of 96: two threads, the split inside sequence 2
    }

    @Test
    void forwardAndBackwardEqualTheComposedOpsOnAnOddWidth() {
        compareWithComposed(2, 5, 37, 4);
    }

    private static void compareWithComposed(int b, int l, int h, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray[] in = inputs(b, l, h);
        INDArray w = Nd4j.randn(DataType.FLOAT, b, l, h);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", in[0].dup());
        SDVariable shift = sd.var("shift", in[1].dup());
        SDVariable scale = sd.var("scale", in[2].dup());
        SDVariable weight = sd.var("weight", in[3].dup());
        SDVariable centred = x.sub(x.mean(true, 2));
        SDVariable inv = sd.math.rsqrt(centred.mul(centred).mean(true, 2).add(EPS));
        SDVariable y = centred.mul(inv).mul(scale.add(1.0).mul(weight)).add(shift);
        y.mul(sd.constant(w)).sum().markAsLoss();
        INDArray wantY = y.eval();
        Map<String, INDArray> want = sd.calculateGradients(Map.of(), "x", "shift", "scale", "weight");

        INDArray gotY = new ModulatedLayerNorm().withEps(EPS).exec(in)[0];
        INDArray[] got = new ModulatedLayerNormBp().withEps(EPS).exec(in[0], in[2], in[3], w);
        String[] names = {"x", "shift", "scale", "weight"};
        StringBuilder report = new StringBuilder("[" + b + ", " + l + ", " + h + "] y "
                + KernelChecks.assertClose("y", wantY, gotY, 1e-6));
        for (int k = 0; k < 4; k++) {
            report.append(", d").append(names[k]).append(' ')
                    .append(KernelChecks.assertClose("d" + names[k], want.get(names[k]), got[k], 1e-6));
        }
        System.out.println("ModulatedLayerNorm vs composed (max diff / max(1, max |value|)): " + report);
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        Nd4j.getRandom().setSeed(9);
        INDArray[] in = inputs(2, 6, 19);
        INDArray w = Nd4j.randn(DataType.FLOAT, 2, 6, 19);
        ModulatedLayerNorm forward = new ModulatedLayerNorm().withEps(EPS);
        INDArray[] grads = new ModulatedLayerNormBp().withEps(EPS).exec(in[0], in[2], in[3], w);
        double worst = 0;
        for (int k = 0; k < 4; k++) {
            worst = Math.max(worst, KernelChecks.finiteDifferences(a -> forward.exec(a)[0], in, w, k, grads[k], 30,
                    1e-2, 2e-3, 100 + k));
        }
        System.out.println("ModulatedLayerNorm finite differences: worst relative error " + worst);
    }

    @Test
    void readsAViewAndRejectsWrongShapes() {
        Nd4j.getRandom().setSeed(3);
        INDArray[] in = inputs(2, 4, 8);
        INDArray base = Nd4j.randn(DataType.FLOAT, 4, 2, 8);
        in[0] = base.permute(1, 0, 2); // not C-contiguous
        INDArray want = new ModulatedLayerNorm().withEps(EPS).exec(in[0].dup('c'), in[1], in[2], in[3])[0];
        assertEquals(0.0, KernelChecks.maxDiff(want, new ModulatedLayerNorm().withEps(EPS).exec(in)[0]));
        INDArray[] bad = {in[0], in[1].reshape(2, 8), in[2], in[3]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModulatedLayerNorm().withEps(EPS).exec(bad));
        assertTrue(e.getMessage().contains("shift must be [B, 1, H]"), e.getMessage());
    }

    /** x [B, L, H] with an offset per position, shift and scale [B, 1, H], weight [H] around 1. */
    private static INDArray[] inputs(int b, int l, int h) {
        INDArray x = Nd4j.randn(DataType.FLOAT, b, l, h).muli(2).addi(Nd4j.randn(DataType.FLOAT, b, l, 1).muli(3));
        INDArray shift = Nd4j.randn(DataType.FLOAT, b, 1, h);
        INDArray scale = Nd4j.randn(DataType.FLOAT, b, 1, h).muli(0.5);
        INDArray weight = Nd4j.randn(DataType.FLOAT, h).muli(0.3).addi(1);
        return new INDArray[] {x, shift, scale, weight};
    }
}
