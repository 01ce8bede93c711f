package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The flat-buffer AdamW, EMA and clipping against the plain per-array formulas. */
class FusedOptimizerTest {

    private static final long[][] SHAPES = {{3, 4}, {5}, {2, 3, 2}, {1, 7}, {1}};

    private static Map<String, INDArray> random(SplittableRandom rng, double scale) {
        Map<String, INDArray> out = new TreeMap<>();
        for (int i = 0; i < SHAPES.length; i++) {
            INDArray a = Nd4j.create(DataType.FLOAT, SHAPES[i]);
            for (long j = 0; j < a.length(); j++) {
                a.putScalar(j, (rng.nextDouble() - 0.5) * scale);
            }
            out.put("p" + i, a);
        }
        return out;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> m) {
        Map<String, INDArray> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    /** The per-array AdamW step the fused form replaced. */
    private static void plainAdam(Map<String, INDArray> p, Map<String, INDArray> g, Map<String, INDArray> m,
                                  Map<String, INDArray> v, long k, double lr) {
        double b1 = 0.9;
        double b2 = 0.999;
        double wd = 0.01;
        double bc1 = 1.0 - Math.pow(b1, k);
        double bc2Sqrt = Math.sqrt(1.0 - Math.pow(b2, k));
        for (String n : p.keySet()) {
            INDArray tmp = g.get(n).dup().muli(1.0 - b1);
            p.get(n).muli(1.0 - lr * wd);
            m.get(n).muli(b1).addi(tmp);
            tmp = g.get(n).dup().muli(g.get(n)).muli(1.0 - b2);
            v.get(n).muli(b2).addi(tmp);
            tmp = v.get(n).dup();
            Transforms.sqrt(tmp, false);
            tmp.divi(bc2Sqrt).addi(AdamW.EPS);
            tmp.rdivi(m.get(n)).muli(lr / bc1);
            p.get(n).subi(tmp);
        }
    }

    private static void assertSame(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String n : expected.keySet()) {
            assertArrayEquals(expected.get(n).shape(), actual.get(n).shape(), what + " " + n);
            assertArrayEquals(expected.get(n).dup().data().asFloat(), actual.get(n).dup().data().asFloat(),
                    what + " " + n);
        }
    }

    @Test
    void fusedStepsAreBitIdenticalToThePerArrayFormulas() {
        SplittableRandom rng = new SplittableRandom(7);
        Map<String, INDArray> fused = random(rng, 2.0);
        Map<String, INDArray> plain = copy(fused);
        Map<String, INDArray> m = copy(fused);
        Map<String, INDArray> v = copy(fused);
        m.values().forEach(a -> a.assign(0));
        v.values().forEach(a -> a.assign(0));
        Map<String, INDArray> shadow = copy(fused);
        AdamW adam = new AdamW(0.9, 0.999, 0.01, fused);
        Ema ema = new Ema(0.999, fused);
        for (int k = 1; k <= 3; k++) {
            Map<String, INDArray> g = random(rng, 0.3);
            double lr = 0.01 * k;
            adam.layout().gather(g, adam.gradientSlots());
            adam.stepGathered(fused, lr);
            ema.updateFlat(adam.flatParams(), k);
            plainAdam(plain, g, m, v, k, lr);
            double d = Ema.decayAt(0.999, k);
            for (String n : shadow.keySet()) {
                INDArray s = shadow.get(n);
                s.subi(s.dup().subi(plain.get(n)).muli(1.0 - d));
            }
            assertSame(plain, fused, "param");
            assertSame(m, adam.firstMoments(), "m");
            assertSame(v, adam.secondMoments(), "v");
            assertSame(shadow, ema.weights(), "ema");
        }
        assertEquals(3, adam.updates());
    }

    @Test
    void flatClippingMatchesPerArrayClipping() {
        SplittableRandom rng = new SplittableRandom(11);
        Map<String, INDArray> g = random(rng, 4.0);
        AdamW adam = new AdamW(0.9, 0.999, 0.0, copy(g));
        adam.layout().gather(g, adam.gradientSlots());
        Map<String, INDArray> plain = copy(g);
        double expected = GradientClipping.clip(plain, 0.5);
        double norm = GradientClipping.clipFlat(adam.flatGradients(), 0.5);
        assertEquals(expected, norm, 1e-5 * expected);
        Map<String, INDArray> views = adam.layout().views(adam.flatGradients());
        for (String n : plain.keySet()) {
            INDArray diff = plain.get(n).sub(views.get(n));
            assertEquals(0.0, diff.amaxNumber().doubleValue(), 1e-6, n);
        }
    }

    @Test
    void restoredMomentsWriteThroughTheViews() {
        Map<String, INDArray> p = random(new SplittableRandom(3), 1.0);
        AdamW adam = new AdamW(0.9, 0.999, 0.0, p);
        Map<String, INDArray> m = random(new SplittableRandom(4), 1.0);
        Map<String, INDArray> v = random(new SplittableRandom(5), 1.0);
        v.values().forEach(a -> a.muli(a));
        adam.restore(m, v, 9);
        assertSame(m, adam.firstMoments(), "m");
        assertSame(v, adam.secondMoments(), "v");
        assertEquals(9, adam.updates());
    }
}
