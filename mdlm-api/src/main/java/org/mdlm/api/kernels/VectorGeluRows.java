package org.mdlm.api.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GeluRows} on {@code jdk.incubator.vector}; loaded only when that module is present.
 * Tails shorter than a vector run the scalar form.
 */
final class VectorGeluRows {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorGeluRows() {
    }

    private static FloatVector sigmoidOfZ(FloatVector v) {
        FloatVector z = v.mul(v).mul(v).mul(GeluRows.A).add(v).mul(GeluRows.K);
        return FloatVector.broadcast(S, 1f).div(VectorRowMath.exp(z.neg()).add(1f));
    }

    static void forward(float[] u, float[] y, int n) {
        int up = S.loopBound(n);
        int i = 0;
        for (; i < up; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, u, i);
            v.mul(sigmoidOfZ(v)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = u[i] * GeluRows.sigmoidOfZ(u[i]);
        }
    }

    static void backward(float[] u, float[] g, float[] du, int n) {
        int up = S.loopBound(n);
        float a3 = 3 * GeluRows.A;
        int i = 0;
        for (; i < up; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, u, i);
            FloatVector s = sigmoidOfZ(v);
            // s + v s (1 - s) K (1 + 3 A v^2)
            FloatVector slope = v.mul(v).fma(a3, 1f).mul(GeluRows.K);
            FloatVector d = v.mul(s).mul(s.neg().add(1f)).fma(slope, s);
            FloatVector.fromArray(S, g, i).mul(d).intoArray(du, i);
        }
        for (; i < n; i++) {
            du[i] = g[i] * GeluRows.derivative(u[i]);
        }
    }
}
