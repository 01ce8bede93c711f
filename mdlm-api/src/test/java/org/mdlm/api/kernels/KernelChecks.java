package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Comparisons the kernel tests share: maximum differences relative to the values' magnitude, and
 * a kernel's backward against central differences of its own float32 forward.
 */
final class KernelChecks {

    private KernelChecks() {
    }

    /** The largest absolute elementwise difference, in double. */
    static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    /**
     * Asserts that {@code got} equals {@code want} to {@code tol} times {@code max(1, max |want|)}
     * (same shape) and returns the relative difference, for reporting.
     */
    static double assertClose(String what, INDArray want, INDArray got, double tol) {
        assertTrue(java.util.Arrays.equals(want.shape(), got.shape()), what + ": shape " + java.util.Arrays.toString(
                got.shape()) + " instead of " + java.util.Arrays.toString(want.shape()));
        double scale = Math.max(1, want.castTo(DataType.DOUBLE).amaxNumber().doubleValue());
        double rel = maxDiff(want, got) / scale;
        assertTrue(rel <= tol, what + ": max difference " + rel + " x " + scale + " above " + tol + " x " + scale);
        return rel;
    }

    /**
     * Checks the gradient {@code grad} of {@code loss = sum(forward(in) * w)} with respect to input
     * {@code k} at {@code n} random coordinates against central differences with step {@code h}:
     * {@code |fd - grad| <= tol * max(1, |fd|)}. Only the outputs that change contribute to the
     * difference of the two losses (unchanged outputs are equal floats and cancel exactly).
     *
     * @return the largest {@code |fd - grad| / max(1, |fd|)} seen
     */
    static double finiteDifferences(Function<INDArray[], INDArray> forward, INDArray[] in, INDArray w, int k,
                                    INDArray grad, int n, double h, double tol, long seed) {
        Random random = new Random(seed);
        INDArray wd = w.castTo(DataType.DOUBLE);
        double worst = 0;
        for (int c = 0; c < n; c++) {
            long i = (long) (random.nextDouble() * in[k].length());
            INDArray[] plus = in.clone();
            INDArray[] minus = in.clone();
            plus[k] = in[k].dup();
            minus[k] = in[k].dup();
            plus[k].putScalar(i, in[k].getDouble(i) + h);
            minus[k].putScalar(i, in[k].getDouble(i) - h);
            INDArray change = forward.apply(plus).castTo(DataType.DOUBLE).sub(forward.apply(minus).castTo(DataType.DOUBLE));
            double step = plus[k].getDouble(i) - minus[k].getDouble(i); // 2h as rounded to float
            double fd = change.mul(wd).sumNumber().doubleValue() / step;
            double err = Math.abs(fd - grad.getDouble(i)) / Math.max(1, Math.abs(fd));
            worst = Math.max(worst, err);
            assertTrue(err <= tol, "input " + k + " element " + i + ": finite difference " + fd + ", backward "
                    + grad.getDouble(i));
        }
        return worst;
    }
}
