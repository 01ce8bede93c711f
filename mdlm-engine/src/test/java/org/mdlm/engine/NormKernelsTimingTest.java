package org.mdlm.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdlm.api.kernels.FusedOps;
import org.mdlm.api.kernels.KernelThreads;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures (prints, asserts nothing) forward+backward of the fused adaLN LayerNorm, gated residual
 * and GELU against the composed ops they replace in the DiT (written as the DiT writes them with
 * kernels off, per-sequence rows repeated over positions by a ones product), each as a graph with
 * {@code loss = sum(y * w)} run by the lean executor at the tiny preset's sizes (B 16, L 128,
 * H 128, MLP 512), with the kernels on one and on two threads. Run with {@code -Dtest=NormKernelsTimingTest -DexcludedTestGroups=data}.
 */
@Tag("slow")
class NormKernelsTimingTest {

    private static final int B = 16;
    private static final int L = 128;
    private static final int H = 128;
    private static final int RUNS = 40;

    @Test
    void fusedAgainstComposed() {
        int before = KernelThreads.threads();
        try {
            for (int threads : new int[] {1, 2}) {
                KernelThreads.configure(threads);
                System.out.println("kernel threads " + threads + " (ND4J's own ops as configured by OMP_NUM_THREADS)");
                measure();
            }
        } finally {
            KernelThreads.configure(before);
        }
    }

    private static void measure() {
        Nd4j.getRandom().setSeed(1);
        time("layer norm + modulate", new long[][] {{B, L, H}, {B, 1, H}, {B, 1, H}, {H}}, v -> FusedOps.modulatedLayerNorm(
                v[0], v[1], v[2], v[3], 1e-5), v -> {
                SameDiff sd = v[0].getSameDiff();
                SDVariable centred = v[0].sub(v[0].mean(true, 2));
                SDVariable inv = sd.math.rsqrt(centred.mul(centred).mean(true, 2).add(1e-5));
                SDVariable gain = overPositions(v[2].add(1.0).mul(v[3]));
                return centred.mul(sd.mmul(inv, ones(sd, B, 1, H))).mul(gain).add(overPositions(v[1]));
            });
        time("gated residual", new long[][] {{B, L, H}, {B, 1, H}, {B, L, H}}, v -> FusedOps.gatedResidual(v[0], v[1], v[2]),
                v -> v[0].add(overPositions(v[1]).mul(v[2])));
        time("gelu tanh", new long[][] {{B, L, 4 * H}}, v -> FusedOps.geluTanh(v[0]), v -> {
                SDVariable u = v[0];
                SDVariable inner = u.add(u.mul(u).mul(u).mul(0.044715)).mul(2 * Math.sqrt(2 / Math.PI));
                return u.mul(u.getSameDiff().nn.sigmoid(inner));
            });
    }

    private static SDVariable ones(SameDiff sd, long... shape) {
        return sd.constant(Nd4j.ones(DataType.FLOAT, shape));
    }

    private static SDVariable overPositions(SDVariable v) {
        return v.getSameDiff().mmul(ones(v.getSameDiff(), B, L, 1), v);
    }

    private static void time(String what, long[][] shapes, Function<SDVariable[], SDVariable> fused,
                             Function<SDVariable[], SDVariable> composed) {
        INDArray[] in = new INDArray[shapes.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = Nd4j.randn(DataType.FLOAT, shapes[i]);
        }
        INDArray w = Nd4j.randn(DataType.FLOAT, shapes[0]);
        double[] f = time(in, w, fused);
        double[] c = time(in, w, composed);
        System.out.printf("%s %s: fused forward %.3f ms, forward+backward %.3f ms; composed forward %.3f ms, "
                + "forward+backward %.3f ms; ratio (composed / fused) forward %.2f, forward+backward %.2f%n", what,
                Arrays.toString(shapes[0]), f[0], f[1], c[0], c[1], c[0] / f[0], c[1] / f[1]);
    }

    /** Median milliseconds of the forward and of forward+backward, through the lean executor. */
    private static double[] time(INDArray[] in, INDArray w, Function<SDVariable[], SDVariable> f) {
        SameDiff sd = SameDiff.create();
        SDVariable[] v = new SDVariable[in.length];
        for (int i = 0; i < in.length; i++) {
            v[i] = sd.var("in" + i, in[i].dup());
        }
        SDVariable y = f.apply(v);
        sd.sum("loss", y.mul(sd.constant(w)));
        sd.setLossVariables("loss");
        sd.createGradFunction();
        List<String> grads = new ArrayList<>();
        for (SDVariable s : v) {
            grads.add(s.getGradient().name());
        }
        grads.add("loss");
        LeanExecutor backward = new LeanExecutor(sd.getFunction("grad"), sd, grads);
        LeanExecutor forward = new LeanExecutor(sd, sd, List.of(y.name()));
        Map<String, INDArray> none = new HashMap<>();
        double[] t = {median(() -> forward.run(none, List.of(y.name()))), median(() -> backward.run(none, grads))};
        OpProfiler p = new OpProfiler();
        backward.setProfiler(p);
        for (int i = 0; i < RUNS; i++) {
            backward.run(none, grads);
        }
        backward.setProfiler(null);
        StringBuilder ops = new StringBuilder("  forward+backward by op (ms per run):");
        for (OpProfiler.OpTime o : p.table(RUNS)) {
            ops.append(String.format(" %s %.3f;", o.op(), o.totalMs()));
        }
        System.out.println(ops);
        return t;
    }

    private static double median(Runnable r) {
        for (int i = 0; i < 10; i++) {
            r.run();
        }
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }
}
