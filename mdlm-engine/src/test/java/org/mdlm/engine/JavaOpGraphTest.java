package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.mdlm.api.kernels.FusedOps;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A graph with a Java kernel gets its gradient function from SameDiff (the op re-created from
 * FlatBuffers, its backward from {@code doDiff}), and the lean executor runs it: loss and weight
 * gradient equal those of the same graph with SameDiff's composed ops, run by SameDiff's session.
 */
class JavaOpGraphTest {

    @Test
    void attentionSoftmaxGradientThroughTheGraph() {
        double scale = 1.0 / Math.sqrt(8);
        compare((sd, s) -> FusedOps.scaledSoftmax(s, scale), (sd, s) -> sd.nn.softmax(s.mul(scale), 3));
    }

    /**
     * Builds {@code loss = sum(f(x W) * target)} with W a variable [8, 8], x [24, 8] and the product seen as [2, 3, 4, 8], once with
     * {@code fused} and once with {@code composed}, and compares loss and dL/dW (1e-5).
     */
    static void compare(BiFunction<SameDiff, SDVariable, SDVariable> fused,
                        BiFunction<SameDiff, SDVariable, SDVariable> composed) {
        Nd4j.getRandom().setSeed(17);
        INDArray x = Nd4j.randn(DataType.FLOAT, 24, 8);
        INDArray w = Nd4j.randn(DataType.FLOAT, 8, 8);
        INDArray target = Nd4j.randn(DataType.FLOAT, 2, 3, 4, 8);
        double[] lossGot = new double[1];
        INDArray gradGot = lossAndGradient(fused, x, w, target, true, lossGot);
        double[] lossWant = new double[1];
        INDArray gradWant = lossAndGradient(composed, x, w, target, false, lossWant);
        assertTrue(Math.abs(lossGot[0] - lossWant[0]) <= 1e-5 * Math.max(1, Math.abs(lossWant[0])),
                "loss " + lossGot[0] + " vs " + lossWant[0]);
        double diff = gradGot.sub(gradWant).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-5, "max abs dL/dW difference " + diff);
    }

    private static INDArray lossAndGradient(BiFunction<SameDiff, SDVariable, SDVariable> f, INDArray x, INDArray w,
                                            INDArray target, boolean lean, double[] loss) {
        SameDiff sd = SameDiff.create();
        SDVariable xv = sd.placeHolder("x", DataType.FLOAT, 24, 8);
        SDVariable wv = sd.var("w", w.dup());
        SDVariable y = f.apply(sd, sd.reshape(sd.mmul(xv, wv), 2, 3, 4, 8));
        sd.sum("loss", y.mul(sd.constant(target)));
        sd.setLossVariables("loss");
        Map<String, INDArray> ph = Map.of("x", x);
        if (!lean) {
            loss[0] = sd.output(ph, "loss").get("loss").getDouble(0);
            return sd.calculateGradients(ph, "w").get("w");
        }
        sd.createGradFunction();
        String g = wv.getGradient().name();
        LeanExecutor e = new LeanExecutor(sd.getFunction("grad"), sd, List.of(g, "loss"));
        assertTrue(e.supports());
        Map<String, INDArray> r = e.run(ph, List.of(g, "loss"));
        loss[0] = r.get("loss").getDouble(0);
        return r.get(g).dup();
    }
}
