package org.mdlm.api.model;

import java.util.Objects;

/**
 * What a sampler needs to run a continuous-state model's reverse process: its Gaussian process and
 * the current embedding table.
 *
 * @param process the forward process (width, gamma)
 * @param vocab number of token ids V
 * @param embeddings the embedding table [V, D] in row-major order; owned by this record, do not modify
 */
public record EmbeddingStates(EmbeddingDiffusion process, int vocab, float[] embeddings) {

    /** Validates the shapes. */
    public EmbeddingStates {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(embeddings, "embeddings");
        if (vocab < 1 || (long) vocab * process.width() != embeddings.length) {
            throw new IllegalArgumentException("an embedding table of " + vocab + " x " + process.width()
                    + " needs " + ((long) vocab * process.width()) + " values, got " + embeddings.length);
        }
    }

    /** The width D of a state vector. */
    public int width() {
        return process.width();
    }

    /** Component d of token v's embedding. */
    public float embedding(int v, int d) {
        Objects.checkIndex(v, vocab);
        Objects.checkIndex(d, width());
        return embeddings[v * width() + d];
    }
}
