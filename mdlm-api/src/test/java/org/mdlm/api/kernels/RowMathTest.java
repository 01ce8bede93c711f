package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row loops against double-precision math: the exponential to 2e-7 relative over the float
 * range it claims, the vector and scalar forms alike, and the reductions to float rounding.
 */
class RowMathTest {

    @Test
    void theTestRunnerLoadsTheVectorModule() {
        assertTrue(RowMath.vectorized(), "tests run with --add-modules jdk.incubator.vector (parent pom)");
    }

    @Test
    void exponentialIsWithinTwoUlpsRelative() {
        Random r = new Random(7);
        int n = 10_003; // not a multiple of the vector length: the scalar tail runs too
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 165 - 85); // the sum stays below float's maximum
        }
        x[0] = 0f;
        x[1] = -87f;
        x[2] = 80f;
        float[] e = new float[n];
        float sum = RowMath.expShifted(x, 0f, e, 0, n);
        double want = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.exp(x[i]);
            want += e[i];
            assertEquals(d, e[i], 2e-7 * d, "exp(" + x[i] + ")");
            assertEquals(d, RowMath.exp(x[i]), 2e-7 * d, "scalar exp(" + x[i] + ")");
        }
        assertEquals(want, sum, 1e-5 * want);
    }

    @Test
    void exponentialClampsOutOfRange() {
        assertEquals(Math.exp(88), RowMath.exp(88f), 2e-7 * Math.exp(88));
        assertEquals(0.0, RowMath.exp(-1000f), 1e-37);
        assertTrue(Float.isFinite(RowMath.exp(1000f)) && RowMath.exp(1000f) > 1e38f);
    }

    @Test
    void reductionsEqualDoubleSums() {
        Random r = new Random(3);
        int n = 517;
        float[] a = new float[n + 3];
        float[] b = new float[n + 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
            b[i] = (float) r.nextGaussian();
        }
        double sum = 0;
        double dot = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 3; i < n + 3; i++) {
            sum += a[i];
            dot += (double) a[i] * b[i];
            max = Math.max(max, a[i]);
        }
        assertEquals(sum, RowMath.sum(a, 3, n), 1e-4);
        assertEquals(dot, RowMath.dot(a, b, 3, n), 1e-4);
        assertEquals(max, RowMath.max(a, 3, n));
        float[] s = new float[n + 3];
        RowMath.sigmoid(a, s, 3, n);
        for (int i = 3; i < n + 3; i++) {
            assertEquals(1 / (1 + Math.exp(-a[i])), s[i], 1e-7);
        }
    }
}
