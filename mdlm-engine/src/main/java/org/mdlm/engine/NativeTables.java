package org.mdlm.engine;

import org.mdlm.api.kernels.NativeFloats;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies ND4J arrays into Java float tables without an intermediate: a dense float32 array is read
 * straight from its native buffer ({@link NativeFloats}); an array of another type is cast first.
 */
final class NativeTables {

    private NativeTables() {
    }

    /**
     * Copies the values of {@code a}, in row-major order, into {@code target} from {@code offset}.
     *
     * @return the number of values copied
     * @throws IllegalArgumentException if they do not fit
     */
    static int copyInto(INDArray a, float[] target, int offset) {
        int n = Math.toIntExact(a.length());
        if (offset < 0 || offset > target.length - n) {
            throw new IllegalArgumentException(n + " values do not fit at " + offset + " in a table of "
                    + target.length);
        }
        NativeFloats.in(a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT)).get(0, target, offset, n);
        return n;
    }

    /** The values of {@code a} in row-major order as a new Java table. */
    static float[] copy(INDArray a) {
        float[] values = new float[Math.toIntExact(a.length())];
        copyInto(a, values, 0);
        return values;
    }
}
