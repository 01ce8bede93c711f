package org.mdlm.api.model;

import org.mdlm.api.domain.Vocabulary;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The graph inputs an objective's denoiser output may use (see
 * {@link Parameterization#denoiserOutput(org.nd4j.autodiff.samediff.SameDiff, OutputContext)}).
 * {@link #sigma()} is declared on first use: the engine feeds it only to objectives that read it.
 */
public interface OutputContext {

    /** Raw backbone output [B, L, V]. */
    SDVariable logits();

    /** The backbone's input tokens, INT32 [B, L]. */
    SDVariable xt();

    /**
     * The total noise sigma(t) of each sequence, FLOAT [B], whether or not the backbone is
     * time-conditioned (a score parameterization rescales by it even when the network ignores it).
     */
    SDVariable sigma();

    /** The token layout. */
    Vocabulary vocabulary();

    /**
     * The time of each sequence, FLOAT [B]: given only to objectives with continuous states
     * ({@link Parameterization#embeddingDiffusion()}), the same variable their
     * {@link VectorContext#t()} returned.
     *
     * @throws UnsupportedOperationException in graphs of token objectives
     */
    default SDVariable t() {
        throw new UnsupportedOperationException("the time is given only to objectives with embedding-space states");
    }
}
