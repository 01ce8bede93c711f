package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdlm.api.kernels.FusedOps;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A miniature DiT block built with the fused adaLN LayerNorm, GELU and gated residual gets its
 * gradient function from SameDiff and runs in the lean executor: loss and the gradients of every
 * weight (the residual input, the adaLN maps giving shift, scale and gate, the norm's gain, the
 * two MLP matrices) equal those of the same block in composed SameDiff ops run by SameDiff's
 * session, to 1e-5 of their magnitude. The residual stream feeds both the norm and the residual
 * add, so its gradient is the sum of the kernel's dx and the pass-through of the gated residual.
 */
class NormKernelsGraphTest {

    private static final int B = 2;
    private static final int L = 6;
    private static final int H = 16;
    private static final int C = 8;
    private static final List<String> WEIGHTS = List.of("w_in", "w_shift", "w_scale", "w_gate", "gain", "w_up",
            "w_down");

    @Test
    void miniBlockGradientsThroughTheLeanExecutorEqualTheComposedGraphs() {
        Nd4j.getRandom().setSeed(23);
        Map<String, INDArray> init = new LinkedHashMap<>();
        init.put("w_in", Nd4j.randn(DataType.FLOAT, H, H).muli(0.5));
        init.put("w_shift", Nd4j.randn(DataType.FLOAT, C, H).muli(0.3));
        init.put("w_scale", Nd4j.randn(DataType.FLOAT, C, H).muli(0.3));
        init.put("w_gate", Nd4j.randn(DataType.FLOAT, C, H).muli(0.3));
        init.put("gain", Nd4j.randn(DataType.FLOAT, H).muli(0.2).addi(1));
        init.put("w_up", Nd4j.randn(DataType.FLOAT, H, 4 * H).muli(0.3));
        init.put("w_down", Nd4j.randn(DataType.FLOAT, 4 * H, H).muli(0.3));
        Map<String, INDArray> ph = Map.of("x", Nd4j.randn(DataType.FLOAT, B * L, H), "c",
                Nd4j.randn(DataType.FLOAT, B, C));
        INDArray target = Nd4j.randn(DataType.FLOAT, B, L, H);

        Map<String, INDArray> got = run(init, ph, target, true);
        Map<String, INDArray> want = run(init, ph, target, false);
        double loss = want.get("loss").getDouble(0);
        assertTrue(Math.abs(got.get("loss").getDouble(0) - loss) <= 1e-5 * Math.max(1, Math.abs(loss)),
                "loss " + got.get("loss").getDouble(0) + " vs " + loss);
        StringBuilder report = new StringBuilder();
        for (String w : WEIGHTS) {
            double scale = Math.max(1, want.get(w).amaxNumber().doubleValue());
            double diff = want.get(w).sub(got.get(w)).amaxNumber().doubleValue() / scale;
            report.append(' ').append(w).append(' ').append(diff);
            assertTrue(diff <= 1e-5, w + ": max gradient difference " + diff + " x " + scale);
        }
        System.out.println("fused block vs composed, gradient max diff / max(1, max |value|):" + report);
    }

    /** Loss and weight gradients of the block, fused and lean or composed and by SameDiff's session. */
    private static Map<String, INDArray> run(Map<String, INDArray> init, Map<String, INDArray> ph, INDArray target,
                                             boolean fused) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> v = new HashMap<>();
        init.forEach((k, a) -> v.put(k, sd.var(k, a.dup())));
        SDVariable xin = sd.placeHolder("x", DataType.FLOAT, B * L, H);
        SDVariable c = sd.placeHolder("c", DataType.FLOAT, B, C);
        SDVariable x = sd.reshape(sd.mmul(xin, v.get("w_in")), B, L, H);
        SDVariable shift = sd.expandDims(sd.mmul(c, v.get("w_shift")), 1);
        SDVariable scale = sd.expandDims(sd.mmul(c, v.get("w_scale")), 1);
        SDVariable gate = sd.expandDims(sd.mmul(c, v.get("w_gate")), 1);
        SDVariable h;
        if (fused) {
            h = FusedOps.modulatedLayerNorm(x, shift, scale, v.get("gain"), 1e-5);
        } else {
            SDVariable centred = x.sub(x.mean(true, 2));
            SDVariable inv = sd.math.rsqrt(centred.mul(centred).mean(true, 2).add(1e-5));
            h = centred.mul(inv).mul(scale.add(1.0).mul(v.get("gain"))).add(shift);
        }
        SDVariable up = sd.mmul(sd.reshape(h, B * L, H), v.get("w_up"));
        SDVariable act;
        if (fused) {
            act = FusedOps.geluTanh(up);
        } else {
            SDVariable inner = up.add(up.mul(up).mul(up).mul(0.044715)).mul(2 * Math.sqrt(2 / Math.PI));
            act = up.mul(sd.nn.sigmoid(inner));
        }
        SDVariable branch = sd.reshape(sd.mmul(act, v.get("w_down")), B, L, H);
        SDVariable y = fused ? FusedOps.gatedResidual(x, gate, branch) : x.add(gate.mul(branch));
        sd.sum("loss", y.mul(sd.constant(target)));
        sd.setLossVariables("loss");
        Map<String, INDArray> out = new HashMap<>();
        if (!fused) {
            out.put("loss", sd.output(ph, "loss").get("loss"));
            out.putAll(sd.calculateGradients(ph, WEIGHTS));
            return out;
        }
        sd.createGradFunction();
        List<String> names = new ArrayList<>();
        for (String w : WEIGHTS) {
            names.add(v.get(w).getGradient().name());
        }
        names.add("loss");
        LeanExecutor e = new LeanExecutor(sd.getFunction("grad"), sd, names);
        assertTrue(e.supports());
        Map<String, INDArray> r = e.run(ph, names);
        for (int i = 0; i < WEIGHTS.size(); i++) {
            out.put(WEIGHTS.get(i), r.get(names.get(i)).dup());
        }
        out.put("loss", r.get("loss").dup());
        return out;
    }
}
