package org.mdlm.api.model;

import java.util.Objects;

/**
 * One denoiser evaluation as a plain float table [B, L, V] in row-major order (position (b, l)
 * starts at {@code (b * L + l) * V}), so samplers read it without ND4J. The array is owned by this
 * object: callers must not modify it.
 */
public final class DenoiserOutput {

    private final DenoiserOutputKind kind;
    private final int batch;
    private final int length;
    private final int vocab;
    private final float[] values;

    /**
     * Wraps {@code values}.
     *
     * @throws IllegalArgumentException if the array does not hold batch * length * vocab values
     */
    public DenoiserOutput(DenoiserOutputKind kind, int batch, int length, int vocab, float[] values) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.values = Objects.requireNonNull(values, "values");
        if (batch < 0 || length < 0 || vocab < 1 || (long) batch * length * vocab != values.length) {
            throw new IllegalArgumentException("a denoiser output of shape [" + batch + ", " + length + ", " + vocab
                    + "] needs " + ((long) batch * length * vocab) + " values, got " + values.length);
        }
        this.batch = batch;
        this.length = length;
        this.vocab = vocab;
    }

    /** What the values mean. */
    public DenoiserOutputKind kind() {
        return kind;
    }

    /** Number of sequences B. */
    public int batch() {
        return batch;
    }

    /** Sequence length L. */
    public int length() {
        return length;
    }

    /** Vocabulary size V. */
    public int vocab() {
        return vocab;
    }

    /** Offset of position (b, l) in {@link #values()}. */
    public int offset(int b, int l) {
        Objects.checkIndex(b, batch);
        Objects.checkIndex(l, length);
        return (b * length + l) * vocab;
    }

    /** The value at (b, l, v). */
    public float get(int b, int l, int v) {
        Objects.checkIndex(v, vocab);
        return values[offset(b, l) + v];
    }

    /** The flat row-major values; not copied, do not modify. */
    public float[] values() {
        return values;
    }
}
