package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdlm.api.kernels.FusedOps;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Rotary attention with the fused head split and merge ({@code RotaryHeads}, {@code MergeHeads})
 * gets its gradient function from SameDiff and runs in the lean executor: loss and weight gradient
 * equal those of the composed graph (slices, reshape-permutes, rotary halves as products and a
 * concatenation) run by SameDiff's session, to 1e-5. The rotary tables are placeholders and get no
 * gradient. A second, tagged test times both graphs in the lean executor.
 */
class RotaryHeadsGraphTest {

    @Test
    void attentionGradientThroughTheGraph() {
        Sizes s = new Sizes(2, 6, 3, 40, 10);
        Nd4j.getRandom().setSeed(41);
        INDArray x = Nd4j.randn(DataType.FLOAT, s.batch * s.length, s.in);
        INDArray w = Nd4j.randn(DataType.FLOAT, s.in, 3 * s.hidden()).muli(0.5);
        INDArray target = Nd4j.randn(DataType.FLOAT, s.batch, s.length, s.hidden());

        SameDiff fused = graph(s, w, target, true);
        fused.createGradFunction();
        String g = fused.getVariable("w").getGradient().name();
        LeanExecutor e = new LeanExecutor(fused.getFunction("grad"), fused, List.of(g, "loss"));
        assertTrue(e.supports());
        Map<String, INDArray> got = e.run(feeds(s, x, false), List.of(g, "loss"));

        SameDiff composed = graph(s, w, target, false);
        Map<String, INDArray> feeds = feeds(s, x, true);
        double wantLoss = composed.output(feeds, "loss").get("loss").getDouble(0);
        INDArray wantGrad = composed.calculateGradients(feeds, "w").get("w");

        double gotLoss = got.get("loss").getDouble(0);
        assertTrue(Math.abs(gotLoss - wantLoss) <= 1e-5 * Math.max(1, Math.abs(wantLoss)),
                "loss " + gotLoss + " vs " + wantLoss);
        double diff = got.get(g).sub(wantGrad).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-5, "max abs dL/dW difference " + diff + " (gradient max "
                + wantGrad.amaxNumber() + ")");
    }

    /**
     * Times one attention layer at the tiny preset's sizes (B 16, L 128, 4 heads of 32), forward
     * and forward plus backward, fused against composed (with the [B, nh, L, D/2] tables the composed
     * path is fed), both in the lean executor. Prints medians; asserts nothing about time.
     */
    @Test
    @Tag("slow")
    void timeFusedAgainstComposed() {
        Sizes s = new Sizes(16, 128, 4, 32, 128);
        Nd4j.getRandom().setSeed(42);
        INDArray x = Nd4j.randn(DataType.FLOAT, s.batch * s.length, s.in);
        INDArray w = Nd4j.randn(DataType.FLOAT, s.in, 3 * s.hidden()).muli(0.1);
        INDArray target = Nd4j.randn(DataType.FLOAT, s.batch, s.length, s.hidden());
        for (int round = 0; round < 2; round++) {
            for (boolean fused : new boolean[] {true, false}) {
                SameDiff sd = graph(s, w, target, fused);
                Map<String, INDArray> feeds = feeds(s, x, !fused);
                LeanExecutor forward = new LeanExecutor(sd, sd, List.of("loss"));
                sd.createGradFunction();
                String g = sd.getVariable("w").getGradient().name();
                LeanExecutor backward = new LeanExecutor(sd.getFunction("grad"), sd, List.of(g, "loss"));
                double f = medianMillis(() -> forward.run(feeds, List.of("loss")));
                double b = medianMillis(() -> backward.run(feeds, List.of(g, "loss")));
                System.out.printf("rotary attention %s: forward %.2f ms (%d ops), forward+backward %.2f ms (%d ops)%n",
                        fused ? "fused   " : "composed", f, forward.size(), b, backward.size());
                if (round == 1) {
                    OpProfiler p = new OpProfiler();
                    backward.setProfiler(p);
                    for (int i = 0; i < 20; i++) {
                        backward.run(feeds, List.of(g, "loss"));
                    }
                    backward.setProfiler(null);
                    StringBuilder t = new StringBuilder("  per forward+backward:");
                    for (OpProfiler.OpTime o : p.table(20)) {
                        t.append(String.format(" %s %dx %.2f ms;", o.op(), o.calls(), o.totalMs()));
                    }
                    System.out.println(t);
                }
            }
        }
    }

    private static double medianMillis(Runnable r) {
        for (int i = 0; i < 5; i++) {
            r.run();
        }
        double[] t = new double[21];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** Batch, length, heads, head width and input width of the test graph. */
    private record Sizes(int batch, int length, int heads, int headDim, int in) {
        int hidden() {
            return heads * headDim;
        }
    }

    private static Map<String, INDArray> feeds(Sizes s, INDArray x, boolean perHeadTables) {
        INDArray theta = Nd4j.createUninitialized(DataType.FLOAT, s.length, s.headDim / 2);
        for (int l = 0; l < s.length; l++) {
            for (int j = 0; j < s.headDim / 2; j++) {
                theta.putScalar(l, j, l / Math.pow(10000, 2.0 * j / s.headDim));
            }
        }
        INDArray cos = Transforms.cos(theta);
        INDArray sin = Transforms.sin(theta);
        if (perHeadTables) {
            long[] full = {s.batch, s.heads, s.length, s.headDim / 2};
            cos = cos.reshape(1, 1, s.length, s.headDim / 2).broadcast(full).dup('c');
            sin = sin.reshape(1, 1, s.length, s.headDim / 2).broadcast(full).dup('c');
        }
        Map<String, INDArray> m = new HashMap<>();
        m.put("x", x);
        m.put("cos", cos);
        m.put("sin", sin);
        return m;
    }

    /**
     * {@code loss = sum(attention(reshape(x W)) * target)}: qkv [B, L, 3H] split into rotary heads,
     * softmax attention, heads merged; fused or composed.
     */
    private static SameDiff graph(Sizes s, INDArray w, INDArray target, boolean fused) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, s.batch * s.length, s.in);
        SDVariable cos = sd.placeHolder("cos", DataType.FLOAT, fused ? new long[] {-1, -1} : new long[] {-1, -1, -1, -1});
        SDVariable sin = sd.placeHolder("sin", DataType.FLOAT, fused ? new long[] {-1, -1} : new long[] {-1, -1, -1, -1});
        SDVariable wv = sd.var("w", w.dup());
        SDVariable qkv = sd.reshape(sd.mmul(x, wv), s.batch, s.length, 3 * s.hidden());
        SDVariable q;
        SDVariable k;
        SDVariable v;
        if (fused) {
            SDVariable[] heads = FusedOps.rotaryHeads(qkv, cos, sin, s.heads);
            q = heads[0];
            k = heads[1];
            v = heads[2];
        } else {
            q = rotate(split(sd, s, qkv, 0), cos, sin, s.headDim);
            k = rotate(split(sd, s, qkv, 1), cos, sin, s.headDim);
            v = split(sd, s, qkv, 2);
        }
        SDVariable probs = sd.nn.softmax(sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(s.headDim)), 3);
        SDVariable o = sd.mmul(probs, v);
        SDVariable merged = fused ? FusedOps.mergeHeads(o, s.heads)
                : sd.reshape(sd.permute(o, 0, 2, 1, 3), s.batch, s.length, s.hidden());
        sd.sum("loss", merged.mul(sd.constant(target)));
        sd.setLossVariables("loss");
        return sd;
    }

    private static SDVariable split(SameDiff sd, Sizes s, SDVariable qkv, int part) {
        SDVariable x = qkv.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(part * s.hidden(), (part + 1) * s.hidden()));
        return sd.permute(sd.reshape(x, s.batch, s.length, s.heads, s.headDim), 0, 2, 1, 3);
    }

    private static SDVariable rotate(SDVariable z, SDVariable cos, SDVariable sin, int d) {
        SDVariable a = z.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.interval(0, d / 2));
        SDVariable b = z.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.interval(d / 2, d));
        return z.getSameDiff().concat(3, a.mul(cos).sub(b.mul(sin)), a.mul(sin).add(b.mul(cos)));
    }
}
