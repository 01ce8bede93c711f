package org.mdlm.api.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowMath}'s loops on {@code jdk.incubator.vector}; loaded only when that module is present.
 * Tails shorter than a vector run the scalar form, so results agree with it to float rounding.
 */
final class VectorRowMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorRowMath() {
    }

    /** exp(x) lane by lane, the vector form of {@link RowMath#exp}. */
    static FloatVector exp(FloatVector x) {
        x = x.max(RowMath.LO).min(RowMath.HI);
        FloatVector t = x.fma(RowMath.LOG2E, RowMath.ROUND);
        FloatVector k = t.sub(RowMath.ROUND);
        FloatVector r = x.sub(k.mul(RowMath.LN2_HI)).sub(k.mul(RowMath.LN2_LO));
        FloatVector y = r.fma(RowMath.P[0], RowMath.P[1]);
        y = y.fma(r, FloatVector.broadcast(S, RowMath.P[2]));
        y = y.fma(r, FloatVector.broadcast(S, RowMath.P[3]));
        y = y.fma(r, FloatVector.broadcast(S, RowMath.P[4]));
        y = y.fma(r, FloatVector.broadcast(S, RowMath.P[5]));
        y = y.fma(r.mul(r), r).add(1f);
        IntVector e = t.reinterpretAsInts().sub(0x4B400000);
        return y.mul(e.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
    }

    static float expShifted(float[] src, float shift, float[] dst, int off, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = off;
        int up = off + S.loopBound(n);
        for (; i < up; i += S.length()) {
            FloatVector e = exp(FloatVector.fromArray(S, src, i).sub(shift));
            e.intoArray(dst, i);
            acc = acc.add(e);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < off + n; i++) {
            float e = RowMath.exp(src[i] - shift);
            dst[i] = e;
            s += e;
        }
        return s;
    }

    static float max(float[] a, int off, int n) {
        int i = off;
        int up = off + S.loopBound(n);
        float m = a[off];
        if (up > off) {
            FloatVector acc = FloatVector.fromArray(S, a, off);
            for (i = off + S.length(); i < up; i += S.length()) {
                acc = acc.max(FloatVector.fromArray(S, a, i));
            }
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < off + n; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    static float dot(float[] a, float[] b, int off, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = off;
        int up = off + S.loopBound(n);
        for (; i < up; i += S.length()) {
            acc = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < off + n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static float sum(float[] a, int off, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = off;
        int up = off + S.loopBound(n);
        for (; i < up; i += S.length()) {
            acc = acc.add(FloatVector.fromArray(S, a, i));
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < off + n; i++) {
            s += a[i];
        }
        return s;
    }

    static void sigmoid(float[] src, float[] dst, int off, int n) {
        int i = off;
        int up = off + S.loopBound(n);
        for (; i < up; i += S.length()) {
            FloatVector e = exp(FloatVector.fromArray(S, src, i).neg());
            FloatVector.broadcast(S, 1f).div(e.add(1f)).intoArray(dst, i);
        }
        for (; i < off + n; i++) {
            dst[i] = 1f / (1f + RowMath.exp(-src[i]));
        }
    }
}
