package org.mdlm.api.model;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Computes the value of a declared placeholder for one graph execution. */
@FunctionalInterface
public interface FeedFunction {

    /**
     * @param batch number of sequences B in this call
     * @param length sequence length L in this call
     * @param rng random source seeded for this call (same seed, same values)
     * @return the array to feed
     */
    INDArray compute(int batch, int length, SplittableRandom rng);
}
