package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OptimizerMathTest {

    private static Map<String, INDArray> one(String name, float... values) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put(name, Nd4j.createFromArray(values));
        return m;
    }

    @Test
    void adamWMatchesAHandComputedStep() {
        Map<String, INDArray> p = one("w", 1.0f, -2.0f);
        AdamW adam = new AdamW(0.9, 0.999, 0.01, p);
        double lr = 0.1;

        adam.step(p, one("w", 0.5f, -0.1f), lr);
        // Step 1: bias-corrected m/sqrt(v) = g/|g| = sign(g); decay first: p*(1 - 0.1*0.01).
        // 1*0.999 - 0.1 = 0.899 ; -2*0.999 + 0.1 = -1.898 (eps 1e-8 changes the 8th digit).
        assertEquals(0.899, p.get("w").getDouble(0), 1e-6);
        assertEquals(-1.898, p.get("w").getDouble(1), 1e-6);

        adam.step(p, one("w", 0.2f, 0.3f), lr);
        double[] g1 = {0.5, -0.1};
        double[] g2 = {0.2, 0.3};
        double[] p1 = {0.899, -1.898};
        for (int i = 0; i < 2; i++) {
            double m = 0.9 * (0.1 * g1[i]) + 0.1 * g2[i];
            double v = 0.999 * (0.001 * g1[i] * g1[i]) + 0.001 * g2[i] * g2[i];
            double mHat = m / (1 - 0.81);
            double vHat = v / (1 - 0.999 * 0.999);
            double expected = p1[i] * (1 - lr * 0.01) - lr * mHat / (Math.sqrt(vHat) + 1e-8);
            assertEquals(expected, p.get("w").getDouble(i), 2e-6, "element " + i);
            assertEquals(m, adam.firstMoments().get("w").getDouble(i), 1e-7);
            assertEquals(v, adam.secondMoments().get("w").getDouble(i), 1e-9);
        }
        assertEquals(2, adam.updates());
    }

    @Test
    void warmupIsLinearFromTheFirstStepThenConstant() {
        assertEquals(2.5e-4, WarmupSchedule.lrAt(1e-3, 4, 0), 1e-15);
        assertEquals(5.0e-4, WarmupSchedule.lrAt(1e-3, 4, 1), 1e-15);
        assertEquals(1.0e-3, WarmupSchedule.lrAt(1e-3, 4, 3), 1e-15);
        assertEquals(1.0e-3, WarmupSchedule.lrAt(1e-3, 4, 1000), 1e-15);
        assertEquals(3e-4 / 200, WarmupSchedule.lrAt(3e-4, 200, 0), 1e-18);
        assertEquals(1.0e-3, WarmupSchedule.lrAt(1e-3, 0, 0), 1e-15);
    }

    @Test
    void clippingRescalesToTheGlobalNorm() {
        Map<String, INDArray> g = one("a", 3f, 4f);
        g.put("b", Nd4j.createFromArray(12f));
        double norm = GradientClipping.clip(g, 1.3);
        assertEquals(13.0, norm, 1e-6);
        double coef = 1.3 / (13 + 1e-6);
        assertEquals(3 * coef, g.get("a").getDouble(0), 1e-6);
        assertEquals(4 * coef, g.get("a").getDouble(1), 1e-6);
        assertEquals(12 * coef, g.get("b").getDouble(0), 1e-6);
        assertEquals(1.3, GradientClipping.globalNorm(g.values()), 1e-6);

        Map<String, INDArray> small = one("a", 0.3f, 0.4f);
        assertEquals(0.5, GradientClipping.clip(small, 1.0), 1e-7);
        assertEquals(0.3f, small.get("a").getFloat(0));
        Map<String, INDArray> off = one("a", 30f, 40f);
        assertEquals(50.0, GradientClipping.clip(off, 0.0), 1e-5);
        assertEquals(30f, off.get("a").getFloat(0));
    }

    @Test
    void emaUsesTheWarmupDecayFormula() {
        assertEquals(2.0 / 11, Ema.decayAt(0.9999, 1), 1e-15);
        assertEquals(1001.0 / 1010, Ema.decayAt(0.9999, 1000), 1e-15);
        assertEquals(0.9999, Ema.decayAt(0.9999, 1_000_000), 1e-15);
        assertEquals(0.5, Ema.decayAt(0.5, 10), 1e-15);

        Map<String, INDArray> p = one("w", 1f);
        Ema ema = new Ema(0.9999, p);
        p.get("w").assign(0f);
        ema.update(p, 1);
        assertEquals(2.0 / 11, ema.weights().get("w").getDouble(0), 1e-7);
        p.get("w").assign(1f);
        ema.update(p, 2);
        assertEquals(0.25 * (2.0 / 11) + 0.75, ema.weights().get("w").getDouble(0), 1e-7);
        assertEquals(1f, p.get("w").getFloat(0), "EMA must not touch the parameters");
    }
}
