package org.mdlm.api.kernels;

/**
 * The loops the kernels share, over float rows: exponentials, sums and dot products. They run on
 * {@code jdk.incubator.vector} when the JVM was started with {@code --add-modules
 * jdk.incubator.vector} (the launcher and the test runner do), else on scalar code that computes
 * the same exponential polynomial.
 *
 * <p>The exponential is Cephes' single-precision {@code expf} (range reduction by ln 2 in two
 * parts, a degree-6 polynomial, the power of two assembled in the exponent bits): relative error
 * below 1e-7 over [-87, 88], the input clamped to that range.
 */
public final class RowMath {

    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    static final float LO = -87.3f;
    static final float HI = 88.3f;
    /** 1.5 * 2^23: adding it rounds a float to an integer held in the low mantissa bits. */
    static final float ROUND = 12582912f;
    static final float[] P = {1.9875691500E-4f, 1.3981999507E-3f, 8.3334519073E-3f, 4.1665795894E-2f,
        1.6666665459E-1f, 5.0000001201E-1f};

    private static final boolean VECTOR = vectorAvailable();

    private RowMath() {
    }

    private static boolean vectorAvailable() {
        if ("false".equalsIgnoreCase(System.getProperty("mdlm.kernels.vector", "true"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Whether the vector loops are in use. */
    public static boolean vectorized() {
        return VECTOR;
    }

    /** exp(x) as the kernels compute it (scalar form). */
    public static float exp(float x) {
        x = Math.max(LO, Math.min(HI, x));
        float t = x * LOG2E + ROUND;
        float k = t - ROUND;
        float r = x - k * LN2_HI - k * LN2_LO;
        float y = P[0];
        y = y * r + P[1];
        y = y * r + P[2];
        y = y * r + P[3];
        y = y * r + P[4];
        y = y * r + P[5];
        y = y * (r * r) + r + 1f;
        int e = Float.floatToRawIntBits(t) - 0x4B400000;
        return y * Float.intBitsToFloat((e + 127) << 23);
    }

    /** {@code dst[i] = exp(src[i] - shift)} for i in [off, off + n); returns the sum of the results. */
    public static float expShifted(float[] src, float shift, float[] dst, int off, int n) {
        if (VECTOR) {
            return VectorRowMath.expShifted(src, shift, dst, off, n);
        }
        float s = 0f;
        for (int i = off; i < off + n; i++) {
            float e = exp(src[i] - shift);
            dst[i] = e;
            s += e;
        }
        return s;
    }

    /** The maximum of {@code a[off, off + n)}, n at least 1. */
    public static float max(float[] a, int off, int n) {
        if (VECTOR) {
            return VectorRowMath.max(a, off, n);
        }
        float m = a[off];
        for (int i = off + 1; i < off + n; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    /** The sum of {@code a[i] * b[i]} for i in [off, off + n). */
    public static float dot(float[] a, float[] b, int off, int n) {
        if (VECTOR) {
            return VectorRowMath.dot(a, b, off, n);
        }
        float s0 = 0f;
        float s1 = 0f;
        int i = off;
        for (; i + 1 < off + n; i += 2) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
        }
        for (; i < off + n; i++) {
            s0 += a[i] * b[i];
        }
        return s0 + s1;
    }

    /** The sum of {@code a[off, off + n)}. */
    public static float sum(float[] a, int off, int n) {
        if (VECTOR) {
            return VectorRowMath.sum(a, off, n);
        }
        float s0 = 0f;
        float s1 = 0f;
        int i = off;
        for (; i + 1 < off + n; i += 2) {
            s0 += a[i];
            s1 += a[i + 1];
        }
        for (; i < off + n; i++) {
            s0 += a[i];
        }
        return s0 + s1;
    }

    /** {@code sigmoid(x) = 1 / (1 + exp(-x))} elementwise: {@code dst[i]} for i in [off, off + n). */
    public static void sigmoid(float[] src, float[] dst, int off, int n) {
        if (VECTOR) {
            VectorRowMath.sigmoid(src, dst, off, n);
            return;
        }
        for (int i = off; i < off + n; i++) {
            dst[i] = 1f / (1f + exp(-src[i]));
        }
    }
}
