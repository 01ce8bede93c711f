package org.mdlm.api.kernels;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Float32 arrays as flat, C-ordered views of their native memory, for kernels that copy rows in
 * and out in bulk ({@link FloatBuffer#get(int, float[], int, int)}, {@code put} likewise).
 */
public final class NativeFloats {

    private final INDArray array;
    private final FloatBuffer buffer;
    private final int offset;

    private NativeFloats(INDArray array) {
        this.array = array;
        this.buffer = array.data().asNioFloat();
        this.offset = Math.toIntExact(array.offset());
    }

    /**
     * A flat view of {@code a}: {@code a} itself when it is float32 and dense in C order, else a
     * dense copy (for inputs only: writes to a copy are lost).
     *
     * @throws IllegalArgumentException if {@code a} is not float32
     */
    public static NativeFloats in(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("Java kernels take float32 arrays, got " + a.dataType());
        }
        return new NativeFloats(dense(a) ? a : a.dup('c'));
    }

    /**
     * A flat view of an output array, which must be float32 and dense in C order (as the executor's
     * outputs are).
     *
     * @throws IllegalArgumentException otherwise
     */
    public static NativeFloats out(INDArray a) {
        if (a.dataType() != DataType.FLOAT || !dense(a)) {
            throw new IllegalArgumentException("a Java kernel's output must be a dense float32 C-order array, got "
                    + a.dataType() + " " + a.ordering() + " " + java.util.Arrays.toString(a.stride()));
        }
        return new NativeFloats(a);
    }

    /**
     * Whether element i of {@code a} in C order is at buffer position offset + i: every axis longer
     * than 1 has the C-order stride (axes of length 1 may have any stride: ND4J gives [B, 1, H] the
     * strides [H, H, 1], which {@code Shape.hasDefaultStridesForShape} rejects as not descending).
     */
    static boolean dense(INDArray a) {
        if (a.length() > Integer.MAX_VALUE) {
            return false;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** Number of elements. */
    public int length() {
        return (int) array.length();
    }

    /** Copies elements {@code [from, from + n)} into {@code dst[at ...]}. */
    public void get(int from, float[] dst, int at, int n) {
        buffer.get(offset + from, dst, at, n);
    }

    /** Copies {@code src[at ... at + n)} to elements {@code [from, from + n)}. */
    public void put(int from, float[] src, int at, int n) {
        buffer.put(offset + from, src, at, n);
    }

    /** Element {@code i}. */
    public float get(int i) {
        return buffer.get(offset + i);
    }

    /** Sets element {@code i}. */
    public void put(int i, float v) {
        buffer.put(offset + i, v);
    }

    /** All elements as a new Java array. */
    public float[] toArray() {
        float[] a = new float[length()];
        get(0, a, 0, a.length);
        return a;
    }

    /** Writes all of {@code src} (of {@link #length()} elements). */
    public void putAll(float[] src) {
        put(0, src, 0, src.length);
    }
}
