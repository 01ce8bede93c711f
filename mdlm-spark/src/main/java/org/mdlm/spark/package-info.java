/**
 * Synchronous data-parallel training on Apache Spark, in the pattern of Spark MLlib's mini-batch
 * gradient descent. Each optimizer step the driver broadcasts the weights ({@link FlatParameters});
 * task {@code w} of {@code N} computes, on an executor, the contribution of shard {@code w} of the
 * step's batch, which it draws itself from (seed, step) and the corpus ({@link ExecutorShards}, with
 * a graph per task thread: SameDiff is not thread-safe); {@code treeAggregate} sums the
 * contributions into a {@link TreeSum}, which adds them in a fixed order along Spark's own
 * aggregation tree, whatever order Spark merges them in. The driver then clips, runs AdamW and
 * the EMA, logs, evaluates and checkpoints with the engine's own code: {@link SparkGradients} is the
 * engine's {@code GradientWorker} of a Spark job, and {@link SparkTraining} plugs it into
 * {@code mdlm train --spark MASTER}.
 *
 * <p>This module has no {@code module-info}: Spark's jars are not named modules (their automatic
 * names, such as {@code spark.core.2.13}, are not legal), and mdlm runs on the class path anyway.
 */
package org.mdlm.spark;
