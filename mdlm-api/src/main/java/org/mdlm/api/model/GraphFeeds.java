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

    /**
     * Declares a placeholder named {@code name} holding the rows of {@code table} [V, H] selected by
     * the integer {@code ids} [B, L], shape [B, L, H]: an embedding lookup done outside the graph.
     * The engine fills it before every execution from the table's current values, and folds the
     * gradient that reaches the placeholder back into the table's gradient (a scatter-add over the
     * ids). It replaces a one-hot product, whose cost grows with V, and SameDiff M2.1's {@code gather},
     * whose gradient is broken.
     *
     * @param name unique variable name
     * @param table a trainable variable [V, H]
     * @param ids a placeholder of integer ids [B, L] in 0..V-1
     * @return the placeholder variable [B, L, H], of the table's data type
     */
    SDVariable rows(String name, SDVariable table, SDVariable ids);
}
