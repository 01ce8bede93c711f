package org.mdlm.api.kernels;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Sums over the positions of each sequence, for backward kernels whose rows (the B*L positions of
 * a [B, L, H] tensor) are split over threads. Within a chunk of rows each sequence's rows are
 * added in float (as SameDiff's own reductions do, and vectorizable), each sequence's total is then
 * kept in double, and {@link #total} adds the chunks in row order, so the result does not depend
 * on which thread finished first.
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

    /** Accumulators for the rows {@code [from, to)} (from before to), registered for {@link #total}. */
    Chunk open(int from, int to) {
        Chunk c = new Chunk(from / positions, (to - 1) / positions - from / positions + 1);
        chunks.put(from, c);
        return c;
    }

    /** Sum {@code k} per sequence, [batches * width] row-major, over all chunks {@link Chunk#close closed}. */
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

    /**
     * One chunk's accumulators: before each row call {@link #row}, then add the row's terms to
     * {@link #acc}; {@link #close} after the last row.
     */
    final class Chunk {
        private final int firstBatch;
        private final double[][] sums;
        private final float[][] acc;
        private int batch = -1;

        private Chunk(int firstBatch, int batches) {
            this.firstBatch = firstBatch;
            this.sums = new double[quantities][batches * width];
            this.acc = new float[quantities][width];
        }

        /** Moves to row {@code row} (rows in increasing order): a new sequence's first row starts fresh sums. */
        void row(int row) {
            int b = row / positions;
            if (b != batch) {
                flush();
                batch = b;
            }
        }

        /** The float accumulator [width] of sum {@code k} for the current row's sequence. */
        float[] acc(int k) {
            return acc[k];
        }

        /** Keeps the last sequence's sums; call once after the last row. */
        void close() {
            flush();
            batch = -1;
        }

        private void flush() {
            if (batch < 0) {
                return;
            }
            int at = (batch - firstBatch) * width;
            for (int k = 0; k < quantities; k++) {
                float[] a = acc[k];
                double[] s = sums[k];
                for (int i = 0; i < width; i++) {
                    s[at + i] += a[i];
                    a[i] = 0f;
                }
            }
        }
    }
}
