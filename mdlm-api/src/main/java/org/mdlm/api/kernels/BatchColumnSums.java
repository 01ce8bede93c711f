package org.mdlm.api.kernels;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Sums over the positions of each sequence, for backward kernels whose rows (the B*L positions of
 * a [B, L, H] tensor) are split over threads: each chunk of rows accumulates into its own double
 * partial sums, and {@link #total} adds the chunks in row order, so the result does not depend on
 * which thread finished first.
 */
final class BatchColumnSums {

    private final int positions;
    private final int width;
    private final int quantities;
    private final ConcurrentSkipListMap<Integer, Chunk> chunks = new ConcurrentSkipListMap<>();

    /**
     * @param positions rows per sequence (L)
     * @param width columns (H)
     * @param quantities how many separate sums are accumulated
     */
    BatchColumnSums(int positions, int width, int quantities) {
        this.positions = positions;
        this.width = width;
        this.quantities = quantities;
    }

    /** Partial sums of the rows {@code [from, to)} (from before to), registered for {@link #total}. */
    Chunk open(int from, int to) {
        int first = from / positions;
        int last = (to - 1) / positions;
        Chunk c = new Chunk(first, quantities, (last - first + 1) * width);
        chunks.put(from, c);
        return c;
    }

    /** Sum {@code k} per sequence, [batches * width] row-major, over all chunks opened so far. */
    double[] total(int k, int batches) {
        double[] t = new double[batches * width];
        for (Chunk c : chunks.values()) {
            double[] s = c.sums[k];
            int at = c.firstBatch * width;
            for (int i = 0; i < s.length; i++) {
                t[at + i] += s[i];
            }
        }
        return t;
    }

    /** One chunk's accumulators. */
    final class Chunk {
        private final int firstBatch;
        private final double[][] sums;

        private Chunk(int firstBatch, int quantities, int size) {
            this.firstBatch = firstBatch;
            this.sums = new double[quantities][size];
        }

        /** The accumulator of sum {@code k}; the columns of {@code row}'s sequence start at {@link #at}. */
        double[] sum(int k) {
            return sums[k];
        }

        /** Where the columns of row {@code row}'s sequence start in {@link #sum}'s arrays. */
        int at(int row) {
            return (row / positions - firstBatch) * width;
        }
    }
}
