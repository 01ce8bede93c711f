package org.mdlm.api.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Row statistics of a softmax over the vocabulary with one column left out (the mask token under
 * "zero masking probability": its logit sits at a huge negative stand-in, so its probability is 0),
 * and the reading of the small id and weight inputs the token-loss kernels take.
 */
final class ExcludedColumn {

    private ExcludedColumn() {
    }

    /**
     * The maximum of {@code row[0, width)} without column {@code col} (no column is left out when
     * {@code col} is outside the row).
     */
    static float max(float[] row, int width, int col) {
        if (col < 0 || col >= width) {
            return RowMath.max(row, 0, width);
        }
        float m = Float.NEGATIVE_INFINITY;
        if (col > 0) {
            m = RowMath.max(row, 0, col);
        }
        if (col + 1 < width) {
            m = Math.max(m, RowMath.max(row, col + 1, width - col - 1));
        }
        return m;
    }

    /**
     * {@code dst[i] = exp(row[i] - shift)} for every column but {@code col}, which gets exactly 0;
     * returns the sum of the exponentials.
     */
    static float expShifted(float[] row, float shift, float[] dst, int width, int col) {
        if (col < 0 || col >= width) {
            return RowMath.expShifted(row, shift, dst, 0, width);
        }
        float s = 0f;
        if (col > 0) {
            s += RowMath.expShifted(row, shift, dst, 0, col);
        }
        if (col + 1 < width) {
            s += RowMath.expShifted(row, shift, dst, col + 1, width - col - 1);
        }
        dst[col] = 0f;
        return s;
    }

    /**
     * The values of an integer array (any integer type, any layout) in C order.
     *
     * @param what the input's name, for the error message
     * @throws IllegalArgumentException if {@code a} holds floating-point values
     */
    static int[] ids(INDArray a, String what) {
        if (!a.dataType().isIntType()) {
            throw new IllegalArgumentException(what + " must be integer token ids, got " + a.dataType());
        }
        int n = Math.toIntExact(a.length());
        int[] all = a.dup('c').data().asInt();
        return all.length == n ? all : java.util.Arrays.copyOf(all, n);
    }

    /** The values of a floating-point vector (any type, any layout) as floats, in C order. */
    static float[] floats(INDArray a, String what) {
        if (!a.dataType().isFPType()) {
            throw new IllegalArgumentException(what + " must be floating point, got " + a.dataType());
        }
        int n = Math.toIntExact(a.length());
        INDArray f = a.dataType() == DataType.FLOAT ? a.dup('c') : a.castTo(DataType.FLOAT).dup('c');
        float[] all = f.data().asFloat();
        return all.length == n ? all : java.util.Arrays.copyOf(all, n);
    }

    /**
     * Checks that logits [B, L, V] and per-token ids [B, L] and per-sequence values [B] agree.
     *
     * @throws IllegalArgumentException naming the op and the shapes otherwise
     */
    static void checkShapes(String op, long[] logits, long[]... tokenShaped) {
        if (logits.length != 3) {
            throw new IllegalArgumentException(op + ": logits must be [B, L, V], got " + java.util.Arrays.toString(logits));
        }
        for (long[] s : tokenShaped) {
            if (s.length != 2 || s[0] != logits[0] || s[1] != logits[1]) {
                throw new IllegalArgumentException(op + ": token ids must be [B, L] = [" + logits[0] + ", " + logits[1]
                        + "] like the logits " + java.util.Arrays.toString(logits) + ", got " + java.util.Arrays.toString(s));
            }
        }
    }

    /**
     * Checks a per-sequence vector of {@code batch} values.
     *
     * @throws IllegalArgumentException otherwise
     */
    static void checkRows(String op, String what, long[] shape, long batch) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (shape.length > 1 && !(shape.length == 2 && shape[1] == 1) || n != batch) {
            throw new IllegalArgumentException(op + ": " + what + " must hold one value per sequence ([" + batch
                    + "]), got " + java.util.Arrays.toString(shape));
        }
    }

    /**
     * The column of token {@code id} in a row of {@code width}.
     *
     * @throws IllegalArgumentException if the id is outside the vocabulary (a data error: the
     *     composed graph would silently score nothing)
     */
    static int column(int id, int width, String op, int row) {
        if (id < 0 || id >= width) {
            throw new IllegalArgumentException(op + ": target token id " + id + " at masked position " + row
                    + " is outside the vocabulary [0, " + width + ")");
        }
        return id;
    }
}
