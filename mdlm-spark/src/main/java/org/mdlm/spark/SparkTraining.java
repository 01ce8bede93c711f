package org.mdlm.spark;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mdlm.cli.run.ClusterTraining;
import org.mdlm.engine.GradientWorkers;

/**
 * One command's Spark context and the gradient workers of its runs, with the settings of
 * {@link SparkSettings} (the JVM's {@code spark.*}, loopback and no UI for a local master, no cap
 * on collected results). {@code spark.mdlm.aggregationDepth} (default 2, Spark's) is the depth of
 * the aggregation tree.
 */
final class SparkTraining implements ClusterTraining {

    /** The setting that chooses {@code treeAggregate}'s depth. */
    static final String DEPTH = "spark.mdlm.aggregationDepth";
    private final JavaSparkContext sc;
    private final PrintWriter log;
    private final TaskFault fault;

    SparkTraining(JavaSparkContext sc, PrintWriter log, TaskFault fault) {
        this.sc = Objects.requireNonNull(sc, "sc");
        this.log = Objects.requireNonNull(log, "log");
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    /** Starts a context for {@code master} with the JVM's {@code spark.*} settings. */
    static SparkTraining connect(String master, PrintWriter log) {
        return new SparkTraining(new JavaSparkContext(conf(master)), log, TaskFault.NONE);
    }

    /** The context's settings ({@link SparkSettings}) for {@code master}. */
    static SparkConf conf(String master) {
        return SparkSettings.of(master, "mdlm train");
    }

    /** The context (for tests and tools). */
    JavaSparkContext context() {
        return sc;
    }

    @Override
    public String description() {
        return "Spark " + sc.version() + ", master " + sc.master();
    }

    @Override
    public int defaultWorkers() {
        return sc.defaultParallelism();
    }

    @Override
    public GradientWorkers workers(String resolvedConfigJson) {
        ShardJob job = new ShardJob(UUID.randomUUID().toString(), resolvedConfigJson);
        int depth = sc.getConf().getInt(DEPTH, 2);
        return (spec, config, own) -> new SparkGradients(sc, job, config.workers(), depth, fault, log::println);
    }

    @Override
    public void close() {
        sc.stop();
    }
}
