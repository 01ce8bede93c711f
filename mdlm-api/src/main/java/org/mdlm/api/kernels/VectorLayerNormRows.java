package org.mdlm.api.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LayerNormRows} on {@code jdk.incubator.vector}; loaded only when that module is present.
 * Each row takes three vector passes (sum, centred sum of squares, output) in the forward and
 * four in the backward; tails shorter than a vector run the same arithmetic in scalar code.
 */
final class VectorLayerNormRows {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorLayerNormRows() {
    }

    static void forward(float[] x, float[] gain, float[] shift, int at, int h, float eps, float[] y) {
        float mean = mean(x, h);
        float rstd = rstd(x, mean, h, eps);
        int up = S.loopBound(h);
        int i = 0;
        for (; i < up; i += S.length()) {
            FloatVector xh = FloatVector.fromArray(S, x, i).sub(mean).mul(rstd);
            xh.fma(FloatVector.fromArray(S, gain, at + i), FloatVector.fromArray(S, shift, at + i)).intoArray(y, i);
        }
        for (; i < h; i++) {
            y[i] = (x[i] - mean) * rstd * gain[at + i] + shift[at + i];
        }
    }

    static void backward(float[] x, float[] g, float[] gain, int at, int h, float eps, float[] dx, float[] gSum,
                         float[] gxSum) {
        float mean = mean(x, h);
        float rstd = rstd(x, mean, h, eps);
        int up = S.loopBound(h);
        FloatVector accD = FloatVector.zero(S);
        FloatVector accDx = FloatVector.zero(S);
        int i = 0;
        for (; i < up; i += S.length()) {
            FloatVector xh = FloatVector.fromArray(S, x, i).sub(mean).mul(rstd);
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector d = gv.mul(FloatVector.fromArray(S, gain, at + i));
            xh.intoArray(x, i);
            d.intoArray(dx, i);
            FloatVector.fromArray(S, gSum, i).add(gv).intoArray(gSum, i);
            gv.fma(xh, FloatVector.fromArray(S, gxSum, i)).intoArray(gxSum, i);
            accD = accD.add(d);
            accDx = d.fma(xh, accDx);
        }
        float sumD = accD.reduceLanes(VectorOperators.ADD);
        float sumDx = accDx.reduceLanes(VectorOperators.ADD);
        for (; i < h; i++) {
            float xh = (x[i] - mean) * rstd;
            float d = g[i] * gain[at + i];
            x[i] = xh;
            dx[i] = d;
            gSum[i] += g[i];
            gxSum[i] += g[i] * xh;
            sumD += d;
            sumDx += d * xh;
        }
        float meanD = sumD / h;
        float meanDx = sumDx / h;
        i = 0;
        for (; i < up; i += S.length()) {
            FloatVector xh = FloatVector.fromArray(S, x, i);
            FloatVector.fromArray(S, dx, i).sub(meanD).sub(xh.mul(meanDx)).mul(rstd).intoArray(dx, i);
        }
        for (; i < h; i++) {
            dx[i] = rstd * (dx[i] - meanD - x[i] * meanDx);
        }
    }

    private static float mean(float[] x, int h) {
        int up = S.loopBound(h);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < up; i += S.length()) {
            acc = acc.add(FloatVector.fromArray(S, x, i));
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < h; i++) {
            s += x[i];
        }
        return s / h;
    }

    private static float rstd(float[] x, float mean, int h, float eps) {
        int up = S.loopBound(h);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < up; i += S.length()) {
            FloatVector c = FloatVector.fromArray(S, x, i).sub(mean);
            acc = c.fma(c, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < h; i++) {
            float c = x[i] - mean;
            s += c * c;
        }
        return 1f / (float) Math.sqrt(s / h + eps);
    }
}
