package org.mdlm.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.mdlm.engine.GradientWorker;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's {@link GradientWorker} of a Spark job, used on the driver: each step it broadcasts
 * the weights, runs one task per shard ({@code workers} of them, in as many partitions), each
 * computing its shard's contribution where it runs from (seed, step, worker) alone, and sums them
 * with {@code treeAggregate} into a {@link TreeSum}, which sums in a fixed order along Spark's own
 * aggregation tree, so the result does not depend on the order tasks finish in. A task that fails
 * is run again by Spark (up to its {@code spark.task.maxFailures}, or N in a {@code local[K,N]}
 * master) and computes the same numbers. The step's placeholders are never built on the driver (the supplier is left alone).
 */
final class SparkGradients implements GradientWorker {

    private final JavaSparkContext sc;
    private final ShardJob job;
    private final int workers;
    private final int depth;
    private final TaskFault fault;
    private final Consumer<String> log;
    private boolean told;

    /**
     * @param sc the driver's context
     * @param job the run as executors rebuild it
     * @param workers shards (and tasks) per step, at least 1
     * @param depth depth of Spark's aggregation tree, at least 1 (2 is Spark's default)
     * @param fault runs before each shard (a drill), or {@link TaskFault#NONE}
     * @param log told once, at the first step, what a step moves
     */
    SparkGradients(JavaSparkContext sc, ShardJob job, int workers, int depth, TaskFault fault, Consumer<String> log) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("the aggregation depth must be >= 1, got " + depth);
        }
        this.sc = Objects.requireNonNull(sc, "sc");
        this.job = Objects.requireNonNull(job, "job");
        this.workers = workers;
        this.depth = depth;
        this.fault = Objects.requireNonNull(fault, "fault");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Not served: a Spark task rebuilds its shard from the step's index, so the trainer's
     * {@link #stepGradients} is the only entry.
     */
    @Override
    public Result gradients(Map<String, INDArray> placeholders, Map<String, INDArray> weights) {
        throw new UnsupportedOperationException("Spark workers compute whole training steps from (seed, step);"
                + " call stepGradients");
    }

    @Override
    public Result stepGradients(int step, Supplier<Map<String, INDArray>> placeholders,
                                Map<String, INDArray> weights) {
        FlatParameters flat = FlatParameters.of(weights);
        if (!told) {
            told = true;
            long p = flat.values().length;
            log.accept(String.format(Locale.ROOT, "spark: %d tasks a step, %,d parameters: %.2f MB broadcast and"
                    + " %.2f MB of gradients aggregated per step", workers, p, bytesPerStep(p, workers) / 2 / 1e6,
                    bytesPerStep(p, workers) / 2 / 1e6));
        }
        Broadcast<FlatParameters> shared = sc.broadcast(flat);
        ShardJob j = job;
        int n = workers;
        TaskFault f = fault;
        int d = depth;
        List<Integer> ids = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            ids.add(w);
        }
        Function2<TreeSum, Integer, TreeSum> add = (sum, w) -> {
            TaskContext task = TaskContext.get();
            f.beforeShard(step, w, task == null ? 0 : task.attemptNumber());
            return sum.add(w, ExecutorShards.compute(j, shared.value(), step, w, n));
        };
        Function2<TreeSum, TreeSum, TreeSum> merge = TreeSum::merge;
        ShardPart total = sc.parallelize(ids, n).treeAggregate(new TreeSum(n, d), add, merge, d).total();
        // Only now, when no task can still be reading it; after a failed job Spark's cleaner frees it.
        shared.destroy();
        if (total.isEmpty()) {
            return new Result(Double.NaN, 0, Map.of());
        }
        return new Result(total.weightedLoss(), total.counted(), flat.layout().arrays(total.gradients()));
    }

    /**
     * Bytes one step moves for a model of {@code parameters} floats: the weights to each of the
     * {@code workers} tasks and a flat gradient back from each (4 bytes a parameter each way; Spark's
     * tree may add gradients on executors first, which moves the same bytes in more hops).
     * Serialisation headers are left out.
     */
    static long bytesPerStep(long parameters, int workers) {
        return 2L * 4L * parameters * workers;
    }

    @Override
    public void close() {
        ExecutorShards.forget(job.id());
    }
}
