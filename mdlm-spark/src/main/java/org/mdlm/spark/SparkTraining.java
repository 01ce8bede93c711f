package org.mdlm.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mdlm.cli.run.ClusterTraining;
import org.mdlm.engine.GradientWorkers;

/**
 * One command's Spark context and the gradient workers of its runs. The context takes every
 * {@code spark.*} setting of the JVM (those of {@code spark-submit}, or {@code -Dspark.x=y}); for a
 * {@code local} master it binds the driver to 127.0.0.1 and leaves the web UI off unless told
 * otherwise, and it lifts Spark's cap on the results the driver collects. {@code
 * spark.mdlm.aggregationDepth} (default 2, Spark's) is the depth of the aggregation tree.
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

    /**
     * The context's settings: the JVM's, the master, and defaults: no cap on the results the driver
     * collects (Spark's 1 GB default would refuse the gradients of a 170 M-parameter model from two
     * tasks: each is 4 bytes a parameter), and for a local master the loopback address, no UI.
     */
    static SparkConf conf(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setIfMissing("spark.app.name", "mdlm train")
                .setIfMissing("spark.driver.maxResultSize", "0");
        if (master.toLowerCase(Locale.ROOT).startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
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
