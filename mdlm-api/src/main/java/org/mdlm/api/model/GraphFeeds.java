package org.mdlm.api.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Lets a graph component declare extra placeholders whose values the engine computes for every
 * call from the batch shape and a seeded random source: rotary tables, dropout masks and the like.
 * Keeping them outside the graph makes every call reproducible from an explicit seed.
 */
public interface GraphFeeds {

    /**
     * Declares a placeholder named {@code name} that is filled before every execution by {@code fill}.
     *
     * @param name unique variable name
     * @param type data type of the array {@code fill} returns
     * @param rank rank of that array (its shape is declared with -1 in every dimension)
     * @param fill computes the value from the batch shape and a per-call random source
     * @return the placeholder variable
     */
    SDVariable placeholder(String name, DataType type, int rank, FeedFunction fill);
}
