package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector row loops of the LayerNorm and GELU kernels against their scalar forms (what runs
 * without {@code jdk.incubator.vector}), on widths with and without a scalar tail: equal to float
 * rounding (1e-6 of the values' magnitude; the two sum in different orders and the vector form
 * uses fused multiply-adds).
 */
class NormRowsTest {

    @Test
    void layerNormRowsAgree() {
        assertTrue(RowMath.vectorized(), "tests run with --add-modules jdk.incubator.vector (parent pom)");
        Random random = new Random(4);
        for (int h : new int[] {1, 7, 16, 37, 128, 133}) {
            float[] x = gaussian(random, h, 3, 1.5f);
            float[] g = gaussian(random, h, 1, 0);
            float[] gain = gaussian(random, 2 * h, 0.3f, 1);
            float[] shift = gaussian(random, 2 * h, 1, 0);
            float[] yv = new float[h];
            float[] ys = new float[h];
            LayerNormRows.forward(x.clone(), gain, shift, h, h, 1e-5f, yv);
            LayerNormRows.forwardScalar(x.clone(), gain, shift, h, h, 1e-5f, ys);
            close("forward h=" + h, ys, yv);
            float[] xv = x.clone();
            float[] xs = x.clone();
            float[] dv = new float[h];
            float[] ds = new float[h];
            float[][] sumsV = {gaussian(random, h, 1, 0), gaussian(random, h, 1, 0)};
            float[][] sumsS = {sumsV[0].clone(), sumsV[1].clone()};
            LayerNormRows.backward(xv, g, gain, 0, h, 1e-5f, dv, sumsV[0], sumsV[1]);
            LayerNormRows.backwardScalar(xs, g, gain, 0, h, 1e-5f, ds, sumsS[0], sumsS[1]);
            close("dx h=" + h, ds, dv);
            close("xhat h=" + h, xs, xv);
            close("sum of g h=" + h, sumsS[0], sumsV[0]);
            close("sum of g xhat h=" + h, sumsS[1], sumsV[1]);
        }
    }

    @Test
    void geluRowsAgree() {
        Random random = new Random(5);
        for (int n : new int[] {1, 15, 16, 389, 512}) {
            float[] u = gaussian(random, n, 4, 0);
            float[] g = gaussian(random, n, 1, 0);
            float[] yv = new float[n];
            float[] ys = new float[n];
            GeluRows.forward(u, yv, n);
            GeluRows.forwardScalar(u, ys, n);
            close("gelu n=" + n, ys, yv);
            GeluRows.backward(u, g, yv, n);
            GeluRows.backwardScalar(u, g, ys, n);
            close("gelu' n=" + n, ys, yv);
        }
        float[] edge = {0f, -30f, 30f, 1e-20f};
        float[] y = new float[4];
        GeluRows.forwardScalar(edge, y, 4);
        assertEquals(0f, y[0]);
        assertEquals(0f, y[1], 1e-30);
        assertEquals(30f, y[2]);
    }

    private static void close(String what, float[] want, float[] got) {
        double scale = 1;
        for (float w : want) {
            scale = Math.max(scale, Math.abs(w));
        }
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6 * scale, what + " element " + i);
        }
    }

    private static float[] gaussian(Random random, int n, float sd, float mean) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * sd + mean);
        }
        return a;
    }
}
