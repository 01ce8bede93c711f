package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdlm.api.kernels.FusedOps;
import org.mdlm.process.param.SubsConfig;
import org.mdlm.process.param.SubsParameterization;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SUBS loss and denoiser output as SUBS builds them with the Java kernels on (fused ops, gradient
 * function from SameDiff, run by the lean executor) equal the same graphs built with the kernels off
 * (composed ops, run by SameDiff's session): loss, gradients for the weights before the logits and
 * for a variable the per-sequence weight is computed from, and the sampling log-probabilities (1e-5).
 * A tagged "slow" test times both paths in the lean executor at a training-sized vocabulary.
 */
class SubsKernelGraphTest {

    private static final int B = 3;
    private static final int L = 10;
    private static final int D = 6;
    private static final int V = 40;
    private static final int MASK = 9;
    private static final SubsParameterization SUBS = new SubsParameterization(SubsConfig.defaults());

    /** Runs {@code build} with {@code -Dmdlm.kernels=off} (graph builders then choose the composed ops). */
    static <T> T withoutKernels(Supplier<T> build) {
        String old = System.getProperty("mdlm.kernels");
        System.setProperty("mdlm.kernels", "off");
        try {
            return build.get();
        } finally {
            if (old == null) {
                System.clearProperty("mdlm.kernels");
            } else {
                System.setProperty("mdlm.kernels", old);
            }
        }
    }

    /** Graph inputs: features [B*L, D], ids, per-token loss multiplier, and initial variables. */
    private record Inputs(INDArray x, int[][] x0, int[][] xt, INDArray counted, INDArray w, INDArray u) {
        Map<String, INDArray> placeholders() {
            return Map.of("x", x, "x0", Nd4j.createFromArray(x0), "xt", Nd4j.createFromArray(xt), "counted", counted);
        }
    }

    private static Inputs inputs(long seed) {
        Random rng = new Random(seed);
        Nd4j.getRandom().setSeed(seed);
        int[][] x0 = new int[B][L];
        int[][] xt = new int[B][L];
        for (int b = 0; b < B; b++) {
            for (int l = 0; l < L; l++) {
                int id;
                do {
                    id = rng.nextInt(V);
                } while (id == MASK);
                x0[b][l] = id;
                xt[b][l] = rng.nextDouble() < 0.6 ? MASK : id;
            }
        }
        return new Inputs(Nd4j.randn(DataType.FLOAT, B * L, D), x0, xt, Nd4j.rand(DataType.FLOAT, B, L),
                Nd4j.randn(DataType.FLOAT, D, V).muli(1.5), Nd4j.randn(DataType.FLOAT, B).muli(0.5));
    }

    /** {@code loss = sum(tokenLoss * counted) / (B L)} with logits = x W and weight = exp(u). */
    private static SameDiff lossGraph(Inputs in) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, D);
        SDVariable x0 = sd.placeHolder("x0", DataType.INT32, -1, -1);
        SDVariable xt = sd.placeHolder("xt", DataType.INT32, -1, -1);
        SDVariable counted = sd.placeHolder("counted", DataType.FLOAT, -1, -1);
        SDVariable w = sd.var("w", in.w().dup());
        SDVariable u = sd.var("u", in.u().dup());
        SDVariable logits = sd.reshape(sd.mmul(x, w), B, L, V);
        SDVariable tokenLoss = SUBS.tokenLossFromLogits(sd, logits, x0, xt, sd.math.exp(u), MASK);
        sd.sum(tokenLoss.mul(counted)).div("loss", B * L);
        sd.setLossVariables("loss");
        return sd;
    }

    @Test
    void fusedLossAndGradientsEqualTheComposedGraphs() {
        Inputs in = inputs(3);
        Map<String, INDArray> ph = in.placeholders();
        SameDiff composed = withoutKernels(() -> lossGraph(in));
        assertTrue(!hasOp(composed, "mdlm_"), "composed ops only");
        double wantLoss = composed.output(ph, "loss").get("loss").getDouble(0);
        Map<String, INDArray> want = composed.calculateGradients(ph, "w", "u");

        SameDiff fused = lossGraph(in);
        assertTrue(hasOp(fused, "mdlm_masked_token_nll"), "the fused op");
        fused.createGradFunction();
        String gw = fused.getVariable("w").getGradient().name();
        String gu = fused.getVariable("u").getGradient().name();
        LeanExecutor e = new LeanExecutor(fused.getFunction("grad"), fused, List.of(gw, gu, "loss"));
        assertTrue(e.supports());
        for (int round = 0; round < 2; round++) { // the second run reuses the executor's arrays
            Map<String, INDArray> got = e.run(ph, List.of(gw, gu, "loss"));
            double loss = got.get("loss").getDouble(0);
            assertTrue(Math.abs(loss - wantLoss) <= 1e-5 * Math.max(1, Math.abs(wantLoss)), loss + " vs " + wantLoss);
            double dw = got.get(gw).sub(want.get("w")).amaxNumber().doubleValue();
            double du = got.get(gu).sub(want.get("u")).amaxNumber().doubleValue();
            System.out.printf("loss %.6f vs %.6f, max |dW diff| %.3g, max |du diff| %.3g%n", loss, wantLoss, dw, du);
            assertTrue(dw <= 1e-5, "dL/dW differs by " + dw);
            assertTrue(du <= 1e-5, "dL/du differs by " + du);
            assertTrue(want.get("u").amaxNumber().doubleValue() > 1e-3, "a real weight gradient");
        }
    }

    /** log p(x0 | xt) of logits = x W, through SUBS's denoiser output. */
    private static SameDiff outputGraph(Inputs in) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, D);
        SDVariable xt = sd.placeHolder("xt", DataType.INT32, -1, -1);
        SDVariable logits = sd.reshape(sd.mmul(x, sd.var("w", in.w().dup())), B, L, V);
        SUBS.denoiserOutput(sd, logits, xt, MASK).rename("logp");
        return sd;
    }

    @Test
    void fusedDenoiserOutputEqualsTheComposedGraph() {
        Inputs in = inputs(8);
        Map<String, INDArray> ph = Map.of("x", in.x(), "xt", Nd4j.createFromArray(in.xt()));
        INDArray want = withoutKernels(() -> outputGraph(in)).output(ph, "logp").get("logp");
        SameDiff fused = outputGraph(in);
        assertTrue(hasOp(fused, "mdlm_carry_over"), "the fused op");
        LeanExecutor e = new LeanExecutor(fused, fused, List.of("logp"));
        assertTrue(e.supports());
        INDArray got = e.run(ph, List.of("logp")).get("logp");
        INDArray scale = org.nd4j.linalg.ops.transforms.Transforms.max(org.nd4j.linalg.ops.transforms.Transforms.abs(want), 1.0);
        double diff = org.nd4j.linalg.ops.transforms.Transforms.abs(got.sub(want)).div(scale).maxNumber().doubleValue();
        assertTrue(diff <= 1e-5, "log p differs by " + diff + " (relative to max(1, |value|))");
    }

    /**
     * Times the training loss and its gradient with respect to the logits [16, 128, 8192] (the
     * {@code small} preset's vocabulary), and the sampling log-probabilities, fused and composed, both
     * in the lean executor. Prints the medians; asserts nothing about time.
     */
    @Test
    @Tag("slow")
    void timeFusedAgainstComposed() {
        int b = 16;
        int l = 128;
        int v = 8192;
        int mask = v - 1;
        Nd4j.getRandom().setSeed(1);
        INDArray logits = Nd4j.randn(DataType.FLOAT, b, l, v).muli(2);
        Random rng = new Random(1);
        int[][] x0 = new int[b][l];
        int[][] xt = new int[b][l];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < l; j++) {
                x0[i][j] = rng.nextInt(v - 1);
                xt[i][j] = rng.nextBoolean() ? mask : x0[i][j];
            }
        }
        Map<String, INDArray> ph = Map.of("x0", Nd4j.createFromArray(x0), "xt", Nd4j.createFromArray(xt),
                "weight", Nd4j.rand(DataType.FLOAT, b).addi(1));
        Supplier<SameDiff> train = () -> {
            SameDiff sd = SameDiff.create();
            SDVariable z = sd.var("z", logits);
            SDVariable tok = SUBS.tokenLossFromLogits(sd, z, sd.placeHolder("x0", DataType.INT32, -1, -1),
                    sd.placeHolder("xt", DataType.INT32, -1, -1), sd.placeHolder("weight", DataType.FLOAT, -1), mask);
            sd.sum("loss", tok);
            sd.setLossVariables("loss");
            sd.createGradFunction();
            return sd;
        };
        Supplier<SameDiff> sample = () -> {
            SameDiff sd = SameDiff.create();
            SUBS.denoiserOutput(sd, sd.var("z", logits), sd.placeHolder("xt", DataType.INT32, -1, -1), mask)
                    .rename("logp");
            return sd;
        };
        for (boolean kernels : new boolean[] {true, false}) {
            SameDiff t = kernels ? train.get() : withoutKernels(train);
            String g = t.getVariable("z").getGradient().name();
            LeanExecutor te = new LeanExecutor(t.getFunction("grad"), t, List.of(g, "loss"));
            double trainMs = medianMs(() -> te.run(ph, List.of(g, "loss")));
            SameDiff s = kernels ? sample.get() : withoutKernels(sample);
            LeanExecutor se = new LeanExecutor(s, s, List.of("logp"));
            double sampleMs = medianMs(() -> se.run(Map.of("xt", ph.get("xt")), List.of("logp")));
            System.out.printf("[%d, %d, %d] %s: loss + dlogits %.1f ms, sampling log p %.1f ms (kernel threads %d)%n",
                    b, l, v, kernels ? "fused" : "composed", trainMs, sampleMs,
                    org.mdlm.api.kernels.KernelThreads.threads());
        }
        assertTrue(FusedOps.enabled(DataType.FLOAT));
    }

    private static boolean hasOp(SameDiff sd, String prefix) {
        return java.util.Arrays.stream(sd.ops()).anyMatch(op -> op.opName().startsWith(prefix));
    }

    private static double medianMs(Runnable r) {
        for (int i = 0; i < 2; i++) {
            r.run();
        }
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
