package org.mdlm.cli.run;

import org.mdlm.engine.GradientWorkers;

/**
 * A connection to a cluster that computes the gradients of training steps, open for one command
 * ({@code mdlm train --spark MASTER}): the driver (this process) keeps the optimizer, evaluation,
 * checkpoints and run folder, the cluster's executors compute the shards of every step. Obtained
 * from a {@link ClusterTrainingProvider}; closing it disconnects.
 */
public interface ClusterTraining extends AutoCloseable {

    /** One line for the log and {@code provenance.json}, e.g. {@code "Spark 4.0.4, master local[2]"}. */
    String description();

    /** Shards per step when the user sets no {@code train.workers}: the cluster's default parallelism. */
    int defaultWorkers();

    /**
     * The gradient workers of one run.
     *
     * @param resolvedConfigJson the run's resolved config ({@code config.json}), from which the
     *                           executors rebuild its model and read its corpus
     */
    GradientWorkers workers(String resolvedConfigJson);

    /** Disconnects from the cluster. */
    @Override
    void close();
}
