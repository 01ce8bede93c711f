package org.mdlm.api.kernels;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused GELU (tanh approximation) against SameDiff's composed ops in both forms, {@code u *
 * sigmoid(2 sqrt(2/pi) (u + 0.044715 u^3))} and the textbook {@code 0.5 u (1 + tanh(...))}, forward
 * and backward in float32 to 1e-6 of the values' magnitude; the backward against central
 * differences of the kernel's own forward.
 */
class GeluTanhTest {

    private static final double C = Math.sqrt(2 / Math.PI);

    @Test
    void forwardAndBackwardEqualTheComposedOps() {
        Nd4j.getRandom().setSeed(13);
        INDArray u = Nd4j.randn(DataType.FLOAT, 3, 40, 389).muli(3); // 120 rows: two threads; 389 = no vector multiple
        u.putScalar(0, 12f);
        u.putScalar(1, -12f); // saturated ends
        INDArray w = Nd4j.randn(DataType.FLOAT, 3, 40, 389);
        INDArray gotY = new GeluTanh().exec(u)[0];
        INDArray gotDu = new GeluTanhBp().exec(u, w)[0];
        for (boolean sigmoidForm : new boolean[] {true, false}) {
            SameDiff sd = SameDiff.create();
            SDVariable uv = sd.var("u", u.dup());
            SDVariable cube = uv.mul(uv).mul(uv);
            SDVariable y = sigmoidForm
                    ? uv.mul(sd.nn.sigmoid(uv.add(cube.mul(0.044715)).mul(2 * C)))
                    : uv.mul(sd.math.tanh(uv.add(cube.mul(0.044715)).mul(C)).add(1.0)).mul(0.5);
            y.mul(sd.constant(w)).sum().markAsLoss();
            INDArray wantY = y.eval();
            INDArray wantDu = sd.calculateGradients(Map.of(), "u").get("u");
            System.out.println("GeluTanh vs composed " + (sigmoidForm ? "sigmoid" : "tanh")
                    + " form (max diff / max(1, max |value|)): y " + KernelChecks.assertClose("y", wantY, gotY, 1e-6)
                    + ", du " + KernelChecks.assertClose("du", wantDu, gotDu, 1e-6));
        }
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        Nd4j.getRandom().setSeed(31);
        INDArray u = Nd4j.randn(DataType.FLOAT, 4, 25).muli(2);
        INDArray w = Nd4j.randn(DataType.FLOAT, 4, 25);
        INDArray du = new GeluTanhBp().exec(u, w)[0];
        double worst = KernelChecks.finiteDifferences(a -> new GeluTanh().exec(a)[0], new INDArray[] {u}, w, 0, du,
                40, 1e-2, 2e-3, 300);
        System.out.println("GeluTanh finite differences: worst relative error " + worst);
    }
}
