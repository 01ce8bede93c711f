package org.mdlm.spark;

import java.io.Serializable;

/**
 * Runs at the start of every shard task, before any computing: a failure drill (a test makes a
 * task throw on its first attempt and checks that Spark's retry gives the same step). Production
 * runs use {@link #NONE}.
 */
@FunctionalInterface
interface TaskFault extends Serializable {

    /** No fault. */
    TaskFault NONE = (step, worker, attempt) -> { };

    /**
     * @param step the optimizer step
     * @param worker the shard's worker index
     * @param attempt Spark's attempt number of this task (0 for the first)
     */
    void beforeShard(int step, int worker, int attempt);
}
