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
 * The fused fully connected layer {@code x Wᵀ + b} against SameDiff's composed ops (matmul on the
 * flattened rows, broadcast bias, run by its session): output and the gradients of x, W and b to
 * 1e-6 of the values' magnitude in float32, with and without a bias, on rank-3 and rank-2 inputs;
 * the backward against central differences of the kernel's own forward.
 */
class LinearRowsTest {

    @Test
    void forwardAndBackwardEqualTheComposedOps() {
        for (long[] xs : new long[][] {{3, 40, 96}, {2, 5, 37}, {17, 33}}) {
            for (boolean withBias : new boolean[] {true, false}) {
                int in = (int) xs[xs.length - 1];
                int out = in == 96 ? 130 : 11;
                Nd4j.getRandom().setSeed(in + out);
                INDArray x = Nd4j.randn(DataType.FLOAT, xs);
                INDArray w = Nd4j.randn(DataType.FLOAT, out, in).muli(0.1);
                INDArray b = Nd4j.randn(DataType.FLOAT, out);
                long[] ys = xs.clone();
                ys[ys.length - 1] = out;
                INDArray probe = Nd4j.randn(DataType.FLOAT, ys);

                SameDiff sd = SameDiff.create();
                SDVariable vx = sd.var("x", x.dup());
                SDVariable vw = sd.var("w", w.dup());
                SDVariable vb = sd.var("b", b.dup());
                SDVariable flat = sd.reshape(vx, -1, in);
                SDVariable prod = sd.mmul(flat, vw, false, true, false);
                SDVariable y = sd.reshape(withBias ? prod.add(vb) : prod, ys);
                y.mul(sd.constant(probe)).sum().markAsLoss();
                INDArray wantY = y.eval();
                Map<String, INDArray> want = withBias ? sd.calculateGradients(Map.of(), "x", "w", "b")
                        : sd.calculateGradients(Map.of(), "x", "w");

                INDArray[] args = withBias ? new INDArray[] {x, w, b} : new INDArray[] {x, w};
                INDArray gotY = new LinearRows().exec(args)[0];
                LinearRowsBp bp = new LinearRowsBp();
                bp.setArguments(new long[] {withBias ? 1 : 0}, new double[0]);
                INDArray[] got = bp.exec(x, w, probe);
                String report = java.util.Arrays.toString(xs) + (withBias ? " bias" : " no bias")
                        + " y " + KernelChecks.assertClose("y", wantY, gotY, 1e-6)
                        + ", dx " + KernelChecks.assertClose("dx", want.get("x"), got[0], 1e-6)
                        + ", dW " + KernelChecks.assertClose("dW", want.get("w"), got[1], 1e-6);
                if (withBias) {
                    report += ", db " + KernelChecks.assertClose("db", want.get("b"), got[2], 1e-6);
                } else {
                    assertTrue(got.length == 2, "no bias gradient without a bias");
                }
                System.out.println("LinearRows vs composed (max diff / max(1, max |value|)): " + report);
            }
        }
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        Nd4j.getRandom().setSeed(5);
        INDArray[] in = {Nd4j.randn(DataType.FLOAT, 2, 7, 13), Nd4j.randn(DataType.FLOAT, 9, 13).muli(0.3),
            Nd4j.randn(DataType.FLOAT, 9)};
        INDArray probe = Nd4j.randn(DataType.FLOAT, 2, 7, 9);
        LinearRowsBp bp = new LinearRowsBp();
        bp.setArguments(new long[] {1}, new double[0]);
        INDArray[] grads = bp.exec(in[0], in[1], probe);
        double worst = 0;
        for (int k = 0; k < 3; k++) {
            worst = Math.max(worst, KernelChecks.finiteDifferences(a -> new LinearRows().exec(a)[0], in, probe, k,
                    grads[k], 30, 1e-2, 2e-3, 300 + k));
        }
        System.out.println("LinearRows finite differences: worst relative error " + worst);
    }

    @Test
    void readsAViewInputAsItsValues() {
        Nd4j.getRandom().setSeed(8);
        INDArray wide = Nd4j.randn(DataType.FLOAT, 6, 20);
        INDArray x = wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 14)); // a strided view [6, 10]
        INDArray w = Nd4j.randn(DataType.FLOAT, 3, 10);
        INDArray want = x.dup().mmul(w.transpose());
        KernelChecks.assertClose("y", want, new LinearRows().exec(x, w)[0], 1e-6);
    }

    @Test
    void rejectsAWeightOfTheWrongWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearRows().exec(Nd4j.ones(DataType.FLOAT, 2, 3, 4), Nd4j.ones(DataType.FLOAT, 5, 3)));
        assertTrue(e.getMessage().contains("weight must be [out, 4]"), e.getMessage());
    }
}
