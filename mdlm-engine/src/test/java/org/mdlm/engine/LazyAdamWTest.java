package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The row-sparse (lazy) AdamW update of lookup tables against the dense one. */
class LazyAdamWTest {

    private static final int ROWS = 6;
    private static final int WIDTH = 3;

    private static Map<String, INDArray> params(SplittableRandom rng) {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("bias", random(rng, 4));
        p.put("table", random(rng, ROWS, WIDTH));
        p.put("w", random(rng, 2, 2));
        return p;
    }

    private static INDArray random(SplittableRandom rng, long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        for (long j = 0; j < a.length(); j++) {
            a.putScalar(j, rng.nextDouble() - 0.5);
        }
        return a;
    }

    /** Gradients of one step; the table's rows not in {@code touched} are 0, as a lookup's would be. */
    private static Map<String, INDArray> grads(SplittableRandom rng, boolean[] touched) {
        Map<String, INDArray> g = params(rng);
        for (int r = 0; r < ROWS; r++) {
            if (!touched[r]) {
                g.get("table").getRow(r).assign(0);
            }
        }
        return g;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> m) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    private static float[] row(Map<String, INDArray> m, int r) {
        return m.get("table").getRow(r).toFloatVector();
    }

    @Test
    void everyRowTouchedEqualsDenseBitForBit() {
        Map<String, INDArray> dense = params(new SplittableRandom(1));
        Map<String, INDArray> lazy = copy(dense);
        AdamW a = new AdamW(0.9, 0.999, 0.1, dense);
        AdamW b = new AdamW(0.9, 0.999, 0.1, lazy);
        boolean[] all = new boolean[ROWS];
        java.util.Arrays.fill(all, true);
        SplittableRandom rng = new SplittableRandom(2);
        for (int step = 0; step < 5; step++) {
            Map<String, INDArray> g = grads(rng, all);
            a.step(dense, g, 1e-2);
            b.layout().gather(g, b.gradientSlots());
            b.stepGathered(lazy, 1e-2, Map.of("table", all));
        }
        for (String n : dense.keySet()) {
            assertArrayEquals(dense.get(n).data().asFloat(), lazy.get(n).data().asFloat(), 0f, n);
            assertArrayEquals(a.firstMoments().get(n).data().asFloat(), b.firstMoments().get(n).data().asFloat(), 0f, n);
            assertArrayEquals(a.secondMoments().get(n).data().asFloat(), b.secondMoments().get(n).data().asFloat(), 0f, n);
        }
    }

    @Test
    void untouchedRowsKeepValueAndMomentsWhileTouchedRowsMoveAsDense() {
        Map<String, INDArray> dense = params(new SplittableRandom(3));
        Map<String, INDArray> lazy = copy(dense);
        Map<String, INDArray> start = copy(dense);
        AdamW a = new AdamW(0.9, 0.999, 0.1, dense);
        AdamW b = new AdamW(0.9, 0.999, 0.1, lazy);
        boolean[] first = {false, true, false, false, true, false};
        boolean[] second = {false, false, false, true, true, false};
        SplittableRandom rng = new SplittableRandom(4);
        Map<String, INDArray> g1 = grads(rng, first);
        a.step(dense, g1, 1e-2);
        b.layout().gather(g1, b.gradientSlots());
        b.stepGathered(lazy, 1e-2, Map.of("table", first));
        // After one step the touched rows and the other parameters equal the dense update exactly;
        // untouched rows kept their values (dense AdamW decays them: weight decay 0.1).
        for (int r = 0; r < ROWS; r++) {
            if (first[r]) {
                assertArrayEquals(row(dense, r), row(lazy, r), 0f, "row " + r);
            } else {
                assertArrayEquals(row(start, r), row(lazy, r), 0f, "row " + r);
                assertNotEquals(row(start, r)[0], row(dense, r)[0], "dense decays row " + r);
            }
        }
        assertArrayEquals(dense.get("w").data().asFloat(), lazy.get("w").data().asFloat(), 0f);
        assertArrayEquals(dense.get("bias").data().asFloat(), lazy.get("bias").data().asFloat(), 0f);

        Map<String, INDArray> afterFirst = copy(lazy);
        float[] m1 = b.firstMoments().get("table").getRow(1).toFloatVector();
        Map<String, INDArray> g2 = grads(rng, second);
        b.layout().gather(g2, b.gradientSlots());
        b.stepGathered(lazy, 1e-2, Map.of("table", second));
        // Row 1 was looked up at step 1 only: dense AdamW would keep moving it on its momentum,
        // the lazy update leaves it and its moments where step 1 put them.
        assertArrayEquals(row(afterFirst, 1), row(lazy, 1), 0f);
        assertArrayEquals(m1, b.firstMoments().get("table").getRow(1).toFloatVector(), 0f);
        assertArrayEquals(new float[WIDTH], b.firstMoments().get("table").getRow(0).toFloatVector(), 0f);
        assertNotEquals(row(afterFirst, 3)[0], row(lazy, 3)[0], "row 3 is looked up at step 2");
    }

    @Test
    void refusesFlagsThatDoNotMatchTheTable() {
        Map<String, INDArray> p = params(new SplittableRandom(5));
        AdamW a = new AdamW(0.9, 0.999, 0.0, p);
        assertThrows(IllegalArgumentException.class, () -> a.stepGathered(p, 1e-3, Map.of("table", new boolean[4])));
        assertThrows(IllegalArgumentException.class, () -> a.stepGathered(p, 1e-3, Map.of("nope", new boolean[ROWS])));
    }
}
