package org.mdlm.api.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RotaryTables}' rotation on {@code jdk.incubator.vector}; loaded only when that module is
 * present. Products and differences are rounded one by one (no fused multiply-add), so the results
 * equal the scalar form's exactly; the pairs past the last whole vector run the scalar form.
 */
final class VectorRotary {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorRotary() {
    }

    /** {@code dst[d, d + 2 half)} = rotation of {@code src[s, s + 2 half)} by table rows {@code cos[t], sin[t]}. */
    static void rotate(float[] src, int s, float[] cos, float[] sin, int t, float[] dst, int d, int half) {
        int j = 0;
        for (int up = S.loopBound(half); j < up; j += S.length()) {
            FloatVector a = FloatVector.fromArray(S, src, s + j);
            FloatVector b = FloatVector.fromArray(S, src, s + half + j);
            FloatVector c = FloatVector.fromArray(S, cos, t + j);
            FloatVector n = FloatVector.fromArray(S, sin, t + j);
            a.mul(c).sub(b.mul(n)).intoArray(dst, d + j);
            a.mul(n).add(b.mul(c)).intoArray(dst, d + half + j);
        }
        RotaryTables.rotate(src, s, cos, sin, t, dst, d, half, j);
    }

    /** {@code dst[d, d + 2 half)} = transposed rotation of the gradient {@code g[s, s + 2 half)}. */
    static void unrotate(float[] g, int s, float[] cos, float[] sin, int t, float[] dst, int d, int half) {
        int j = 0;
        for (int up = S.loopBound(half); j < up; j += S.length()) {
            FloatVector g1 = FloatVector.fromArray(S, g, s + j);
            FloatVector g2 = FloatVector.fromArray(S, g, s + half + j);
            FloatVector c = FloatVector.fromArray(S, cos, t + j);
            FloatVector n = FloatVector.fromArray(S, sin, t + j);
            g1.mul(c).add(g2.mul(n)).intoArray(dst, d + j);
            g2.mul(c).sub(g1.mul(n)).intoArray(dst, d + half + j);
        }
        RotaryTables.unrotate(g, s, cos, sin, t, dst, d, half, j);
    }
}
