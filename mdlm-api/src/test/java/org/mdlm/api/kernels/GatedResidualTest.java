package org.mdlm.api.kernels;

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
 * The fused gated residual {@code x + gate * branch} against SameDiff's composed ops (run by its
 * session): forward and the gate and branch gradients to 1e-6 of the values' magnitude in float32
 * (dx is the incoming gradient itself), on rows split over threads; the backward against central
 * differences of the kernel's own forward.
 */
class GatedResidualTest {

    @Test
    void forwardAndBackwardEqualTheComposedOps() {
        for (int[] s : new int[][] {{3, 40, 96}, {2, 5, 37}}) {
            Nd4j.getRandom().setSeed(s[2]);
            INDArray[] in = inputs(s[0], s[1], s[2]);
            INDArray w = Nd4j.randn(DataType.FLOAT, s[0], s[1], s[2]);
            SameDiff sd = SameDiff.create();
            SDVariable x = sd.var("x", in[0].dup());
            SDVariable gate = sd.var("gate", in[1].dup());
            SDVariable branch = sd.var("branch", in[2].dup());
            SDVariable y = x.add(gate.mul(branch));
            y.mul(sd.constant(w)).sum().markAsLoss();
            INDArray wantY = y.eval();
            Map<String, INDArray> want = sd.calculateGradients(Map.of(), "x", "gate", "branch");

            INDArray gotY = new GatedResidual().exec(in)[0];
            INDArray[] got = new GatedResidualBp().exec(in[1], in[2], w);
            System.out.println("GatedResidual vs composed (max diff / max(1, max |value|)): "
                    + java.util.Arrays.toString(s)
                    + " y " + KernelChecks.assertClose("y", wantY, gotY, 1e-6)
                    + ", dx " + KernelChecks.assertClose("dx", want.get("x"), w, 1e-6)
                    + ", dgate " + KernelChecks.assertClose("dgate", want.get("gate"), got[0], 1e-6)
                    + ", dbranch " + KernelChecks.assertClose("dbranch", want.get("branch"), got[1], 1e-6));
        }
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        Nd4j.getRandom().setSeed(21);
        INDArray[] in = inputs(2, 7, 13);
        INDArray w = Nd4j.randn(DataType.FLOAT, 2, 7, 13);
        INDArray[] bp = new GatedResidualBp().exec(in[1], in[2], w);
        INDArray[] grads = {w, bp[0], bp[1]};
        double worst = 0;
        for (int k = 0; k < 3; k++) {
            worst = Math.max(worst, KernelChecks.finiteDifferences(a -> new GatedResidual().exec(a)[0], in, w, k,
                    grads[k], 30, 1e-2, 2e-3, 200 + k));
        }
        System.out.println("GatedResidual finite differences: worst relative error " + worst);
    }

    @Test
    void rejectsAGateThatIsNotPerSequence() {
        INDArray[] in = inputs(2, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GatedResidual().exec(in[0], in[2], in[2]));
        assertTrue(e.getMessage().contains("gate must be [B, 1, H]"), e.getMessage());
    }

    private static INDArray[] inputs(int b, int l, int h) {
        return new INDArray[] {Nd4j.randn(DataType.FLOAT, b, l, h), Nd4j.randn(DataType.FLOAT, b, 1, h),
            Nd4j.randn(DataType.FLOAT, b, l, h).muli(2)};
    }
}
