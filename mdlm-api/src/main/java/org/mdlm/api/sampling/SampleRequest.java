package org.mdlm.api.sampling;

/**
 * What to sample.
 *
 * @param batch number of sequences
 * @param length tokens per sequence
 * @param seed seed of the sampler's random draws
 * @param initial the starting sequences [batch][length], or null for all-mask: positions holding a
 *                token other than the mask id are fixed (prefixes, infilling) and never changed
 */
public record SampleRequest(int batch, int length, long seed, int[][] initial) {

    /** Validates the request. */
    public SampleRequest {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1, got " + length);
        }
        if (initial != null) {
            if (initial.length != batch) {
                throw new IllegalArgumentException("initial has " + initial.length + " rows, batch is " + batch);
            }
            for (int[] row : initial) {
                if (row.length != length) {
                    throw new IllegalArgumentException("initial rows must have length " + length + ", got " + row.length);
                }
            }
        }
    }

    /** A request starting from all-mask sequences. */
    public SampleRequest(int batch, int length, long seed) {
        this(batch, length, seed, null);
    }

    /**
     * The starting tokens: a fresh copy of {@link #initial()}, or all {@code maskId}.
     *
     * @throws IllegalArgumentException if an initial token is outside [0, vocabSize)
     */
    public int[][] start(int maskId, int vocabSize) {
        int[][] x = new int[batch][length];
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < length; l++) {
                int id = initial == null ? maskId : initial[b][l];
                if (id < 0 || id >= vocabSize) {
                    throw new IllegalArgumentException("initial token " + id + " at (" + b + ", " + l
                            + ") is outside the vocabulary [0, " + vocabSize + ")");
                }
                x[b][l] = id;
            }
        }
        return x;
    }
}
