package org.mdlm.samplers.ancestral;

import org.mdlm.api.model.DenoiserOutput;

/**
 * log p(x0 | xt) of shape [B, L, V] as a flat Java array in row-major order, so that position
 * (b, l) starts at {@code (b * L + l) * V}: one denoiser output, or (for the per-row cache of
 * {@code ddpm_cache}) rows gathered from several outputs with {@link #withRows}.
 *
 * <p>A table read from a denoiser output wraps the output's own array, which is never written;
 * {@link #withRows} copies it once and then writes into its own copy.
 */
final class LogProbTable {

    private final float[] values;
    private final int length;
    private final int vocab;
    /** Whether {@link #values} is this table's own copy (else a denoiser output's array, read only). */
    private final boolean owned;

    private LogProbTable(float[] values, int length, int vocab, boolean owned) {
        this.values = values;
        this.length = length;
        this.vocab = vocab;
        this.owned = owned;
    }

    /**
     * Reads a denoiser output after checking its shape.
     *
     * @throws IllegalStateException if the output is not [batch, length, vocab]
     */
    static LogProbTable read(DenoiserOutput out, int batch, int length, int vocab) {
        if (out == null) {
            throw new IllegalStateException("the denoiser returned null instead of log p(x0 | xt)");
        }
        if (out.batch() != batch || out.length() != length || out.vocab() != vocab) {
            throw new IllegalStateException("the denoiser returned an output of shape [" + out.batch() + ", "
                    + out.length() + ", " + out.vocab() + "], expected [" + batch + ", " + length + ", " + vocab + "]");
        }
        return new LogProbTable(out.values(), length, vocab, false);
    }

    /**
     * This table with row {@code rows[i]} replaced by row i of {@code fresh}, for every i; the other
     * rows are kept. Writes in place when this table owns its array (a table this method returned),
     * so a table returned earlier may change: use only the latest one. Never writes a denoiser
     * output's array.
     *
     * @param fresh a table of {@code rows.length} rows of the same length and vocabulary
     * @param rows distinct row indices of this table
     * @throws IllegalArgumentException if the shapes do not fit or a row index is out of range
     */
    LogProbTable withRows(LogProbTable fresh, int[] rows) {
        int rowSize = length * vocab;
        if (fresh.length != length || fresh.vocab != vocab || fresh.values.length != rows.length * rowSize) {
            throw new IllegalArgumentException("a table of " + rows.length + " rows of shape [" + length + ", "
                    + vocab + "] is needed, got " + fresh.values.length + " values of shape [" + fresh.length + ", "
                    + fresh.vocab + "]");
        }
        if (rowSize == 0) {
            return this; // rows of length 0 (or no vocabulary): nothing to copy
        }
        int batch = values.length / rowSize;
        LogProbTable target = owned ? this : new LogProbTable(values.clone(), length, vocab, true);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= batch) {
                throw new IllegalArgumentException("row " + rows[i] + " is not in [0, " + batch + ")");
            }
            System.arraycopy(fresh.values, i * rowSize, target.values, rows[i] * rowSize, rowSize);
        }
        return target;
    }

    /** Offset of position (b, l) in {@link #values()}. */
    int offset(int b, int l) {
        return (b * length + l) * vocab;
    }

    /** The flat row-major values; not copied, do not modify. */
    float[] values() {
        return values;
    }
}
