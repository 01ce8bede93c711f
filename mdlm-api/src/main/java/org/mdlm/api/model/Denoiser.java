package org.mdlm.api.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a sampler sees of a trained model: log p(x0 | xt) for a batch of noisy sequences.
 */
public interface Denoiser {

    /** Number of token ids including the mask. */
    int vocabSize();

    /** Id of the mask token. */
    int maskId();

    /** Whether outputs depend on sigma; when false a sampler may reuse them while xt is unchanged. */
    boolean timeConditioned();

    /**
     * Computes log p(x0 | xt).
     *
     * @param xt noisy tokens [B][L]
     * @param sigma total noise per sequence [B]
     * @return FLOAT array [B, L, V]; at unmasked positions it carries the observed token over
     */
    INDArray logProbs(int[][] xt, double[] sigma);
}
