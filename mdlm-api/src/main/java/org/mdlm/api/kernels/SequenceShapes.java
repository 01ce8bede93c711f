package org.mdlm.api.kernels;

import java.util.Arrays;

/**
 * Shape checks shared by the kernels over a [B, L, H] sequence tensor with per-sequence rows
 * [B, 1, H] (adaLN shift, scale and gate) and per-feature vectors [H].
 */
final class SequenceShapes {

    private SequenceShapes() {
    }

    /**
     * Checks that {@code x} is [B, L, H] with each dimension small enough for a flat int index.
     *
     * @throws IllegalArgumentException otherwise, naming {@code op} and {@code name}
     */
    static void sequence(String op, String name, long[] x) {
        if (x.length != 3 || x[0] * x[1] * x[2] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + name + " must be [B, L, H] (at most 2^31 elements), got "
                    + Arrays.toString(x));
        }
    }

    /**
     * Checks that {@code v} is [B, 1, H] for the sequence tensor {@code x} [B, L, H].
     *
     * @throws IllegalArgumentException otherwise, naming {@code op} and {@code name}
     */
    static void perSequence(String op, String name, long[] v, long[] x) {
        if (v.length != 3 || v[0] != x[0] || v[1] != 1 || v[2] != x[2]) {
            throw new IllegalArgumentException(op + ": " + name + " must be [B, 1, H] = [" + x[0] + ", 1, " + x[2]
                    + "] for an input of " + Arrays.toString(x) + ", got " + Arrays.toString(v));
        }
    }

    /**
     * Checks that {@code v} is [H] for the sequence tensor {@code x} [B, L, H].
     *
     * @throws IllegalArgumentException otherwise, naming {@code op} and {@code name}
     */
    static void perFeature(String op, String name, long[] v, long[] x) {
        if (v.length != 1 || v[0] != x[2]) {
            throw new IllegalArgumentException(op + ": " + name + " must be [H] = [" + x[2] + "] for an input of "
                    + Arrays.toString(x) + ", got " + Arrays.toString(v));
        }
    }

    /**
     * Checks that {@code b} has exactly the shape of {@code a}.
     *
     * @throws IllegalArgumentException otherwise, naming {@code op} and the two inputs
     */
    static void same(String op, String nameA, long[] a, String nameB, long[] b) {
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException(op + ": " + nameB + " " + Arrays.toString(b) + " must have the shape of "
                    + nameA + " " + Arrays.toString(a));
        }
    }
}
