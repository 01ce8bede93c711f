package org.mdlm.api.kernels;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The sizes of multi-head attention tensors, checked: batch B, length L, heads nh and head width D
 * (hidden H = nh * D). Packed projections are [B, L, 3H] ordered (three, head, d) — q = [0, H),
 * k = [H, 2H), v = [2H, 3H), each head-major — and per-head tensors [B, nh, L, D].
 */
final class HeadLayout {

    /** Packed floats a block holds at most (unless one position is wider): ~128 KB, cache-sized. */
    private static final int BLOCK_FLOATS = 1 << 15;

    final int batch;
    final int length;
    final int heads;
    final int headDim;

    private HeadLayout(int batch, int length, int heads, int headDim) {
        this.batch = batch;
        this.length = length;
        this.heads = heads;
        this.headDim = headDim;
    }

    /**
     * The layout of a [B, L, parts * nh * D] tensor.
     *
     * @param op the op's name, for error messages
     * @param shape the tensor's shape
     * @param parts how many head groups the last axis packs (3 for qkv, 1 for merged heads)
     * @param heads nh
     * @throws IllegalArgumentException if the shape does not split so
     */
    static HeadLayout ofPacked(String op, long[] shape, int parts, long heads) {
        if (shape.length != 3 || heads < 1 || shape[2] % (parts * heads) != 0) {
            throw new IllegalArgumentException(op + ": expected [B, L, " + parts + " * heads * D] with heads = "
                    + heads + ", got " + Arrays.toString(shape));
        }
        return of(op, shape[0], shape[1], heads, shape[2] / (parts * heads));
    }

    /**
     * The layout of a per-head tensor [B, nh, L, D].
     *
     * @param op the op's name, for error messages
     * @throws IllegalArgumentException if {@code shape} is not of rank 4
     */
    static HeadLayout ofHeads(String op, long[] shape) {
        if (shape.length != 4) {
            throw new IllegalArgumentException(op + ": expected [B, heads, L, D], got " + Arrays.toString(shape));
        }
        return of(op, shape[0], shape[2], shape[1], shape[3]);
    }

    private static HeadLayout of(String op, long batch, long length, long heads, long headDim) {
        if (batch * length * heads * headDim * 3 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": tensors of over 2^31 elements are not supported");
        }
        return new HeadLayout((int) batch, (int) length, (int) heads, (int) headDim);
    }

    /** H = nh * D. */
    int hidden() {
        return heads * headDim;
    }

    /** The shape [B, nh, L, D]. */
    long[] headShape() {
        return new long[] {batch, heads, length, headDim};
    }

    /** The shape [B, L, parts * H]. */
    long[] packedShape(int parts) {
        return new long[] {batch, length, (long) parts * hidden()};
    }

    /** Work on positions {@code [from, to)} of sequence {@code b}, with a thread's scratch space. */
    @FunctionalInterface
    interface Block<S> {
        /** Processes positions {@code [from, to)} of sequence {@code b}. */
        void run(S scratch, int b, int from, int to);
    }

    /**
     * The longest run of positions a block covers, for packed rows of {@code width} floats: a block
     * of one sequence's positions is contiguous in both layouts (rows of [B, L, width], and per head
     * in [B, nh, L, D]), so kernels copy it in and out with a few bulk copies.
     */
    int blockPositions(int width) {
        return Math.max(1, Math.min(length, BLOCK_FLOATS / Math.max(1, width)));
    }

    /**
     * Runs {@code body} once over every block of up to {@link #blockPositions}{@code (width)}
     * positions of every sequence, the blocks split over the kernel threads.
     *
     * @param width floats per position in the packed layout
     * @param workPerPosition scalar operations per position, for the thread split
     * @param scratch makes the scratch space of one thread (called once per thread and call)
     * @param body the work on one block
     */
    <S> void forBlocks(int width, long workPerPosition, Supplier<S> scratch, Block<S> body) {
        int span = blockPositions(width);
        int perSequence = (length + span - 1) / span;
        KernelThreads.forRows(batch * perSequence, workPerPosition * span, (from, to) -> {
            S mine = scratch.get();
            for (int u = from; u < to; u++) {
                int b = u / perSequence;
                int l0 = (u - b * perSequence) * span;
                body.run(mine, b, l0, Math.min(length, l0 + span));
            }
        });
    }

    /** Where head {@code h}'s rows for position {@code l} of sequence {@code b} start in a [B, nh, L, D] tensor. */
    int headOffset(int b, int h, int l) {
        return ((b * heads + h) * length + l) * headDim;
    }

    /** Requires {@code shape} to equal {@code want}. */
    static void require(String op, String what, long[] shape, long[] want) {
        if (!Arrays.equals(shape, want)) {
            throw new IllegalArgumentException(op + ": " + what + " must be " + Arrays.toString(want) + ", got "
                    + Arrays.toString(shape));
        }
    }
}
