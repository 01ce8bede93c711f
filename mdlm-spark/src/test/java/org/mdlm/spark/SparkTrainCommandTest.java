package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdlm.engine.Checkpoint;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code mdlm train --spark local[2]} on the tiny preset (20 steps, evaluated and checkpointed at
 * 10 and 20) against runs in one process: the same loss trajectory as one worker up to float
 * rounding, bit for bit the run of two worker threads (the same shards, summed in the same order),
 * and a Spark run resumed from its checkpoint continues exactly as a local resume of it does.
 */
@Tag("slow")
class SparkTrainCommandTest {

    /**
     * Relative tolerance between one worker's and two workers' logged losses. A logged loss is a
     * float32 mean over the batch's 2,048 tokens: one worker sums them in one float reduction, two
     * workers in two halves combined in double, so the two differ by the rounding of a float sum of
     * 2,048 terms, up to ~2,048 * 2^-24 = 1.2e-4 relative in the worst case and about
     * sqrt(2,048) * 2^-24 = 2.7e-6 typically (5.7e-6 measured at most over 20 steps). The gradients
     * differ only by the regrouping of one float addition (~1e-7 relative), which AdamW's normalised
     * step keeps at that level in the weights: grad norms and validation figures agree to 1e-6.
     */
    private static final double LOSS_TOLERANCE = 3e-5;
    private static final double WEIGHTS_TOLERANCE = 1e-6;

    private static Path tmp;
    private static final Map<String, Path> RUNS = new HashMap<>();

    @BeforeAll
    static void folder() throws IOException {
        tmp = Files.createTempDirectory("mdlm-spark-test");
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The run folder of {@code mdlm train TINY OPTIONS}, trained once for the whole class. */
    private static synchronized Path run(String name, String... options) {
        return RUNS.computeIfAbsent(name, n -> {
            Path out = tmp.resolve(n);
            List<String> args = SparkRuns.trainTiny(options);
            args.addAll(List.of("--out", out.toString()));
            SparkRuns.mdlm(args);
            return out;
        });
    }

    private static Path spark() {
        return run("spark", "--spark", "local[2]");
    }

    @Test
    void twoSparkWorkersTrainAsOneProcessUpToRoundingAndAsTwoThreadsExactly() {
        Path spark = spark();
        Path one = run("one-thread", "--workers", "1");
        Path two = run("two-threads", "--workers", "2");
        assertEquals(2, SparkRuns.json(spark.resolve("config.json")).path("train").path("workers").asInt(),
                "local[2]'s default parallelism chose 2 shards a step");
        String on = SparkRuns.json(spark.resolve("provenance.json")).path("gradients").asText();
        assertTrue(on.startsWith("Spark 4.0.") && on.contains("local[2]") && on.contains("2 shards"), on);

        List<ObjectNode> s = SparkRuns.metrics(spark);
        List<ObjectNode> o = SparkRuns.metrics(one);
        assertEquals(22, s.size(), "20 steps and 2 evaluations logged");
        assertEquals(o.size(), s.size());
        double worst = 0;
        for (int i = 0; i < s.size(); i++) {
            JsonNode a = s.get(i);
            JsonNode b = o.get(i);
            assertEquals(b.path("step").asInt(), a.path("step").asInt());
            if (a.has("loss")) {
                double rel = Math.abs(a.path("loss").asDouble() - b.path("loss").asDouble()) / b.path("loss").asDouble();
                worst = Math.max(worst, rel);
                assertTrue(rel <= LOSS_TOLERANCE, "loss at step " + a.path("step") + ": " + a + " vs " + b);
                assertEquals(b.path("lr").asDouble(), a.path("lr").asDouble(), 0.0);
                assertClose(b.path("grad_norm").asDouble(), a.path("grad_norm").asDouble(), "grad norm", a);
            } else {
                assertClose(b.path("val_nats_per_token").asDouble(), a.path("val_nats_per_token").asDouble(), "validation", a);
            }
        }
        assertTrue(worst > 0, "one and two workers round differently: the comparison compared something");
        System.out.printf("largest relative loss difference, Spark on 2 workers vs one process: %.2e%n", worst);

        assertEquals(SparkRuns.metrics(two), s, "Spark's two shards are the two threads' shards, summed alike");
        assertSameWeights(two.resolve("checkpoints/ckpt-000020.zip"), spark.resolve("checkpoints/ckpt-000020.zip"));
    }

    @Test
    void aSparkRunResumesFromItsCheckpointAsALocalResumeDoes() throws IOException {
        Path spark = spark();
        Path onSpark = copyAtStep10(spark, "resumed-on-spark");
        SparkRuns.mdlm(List.of("train", "--resume", onSpark.toString(), "--spark", "local[2]"));
        Path local = copyAtStep10(spark, "resumed-locally");
        SparkRuns.mdlm(List.of("train", "--resume", local.toString()));

        List<ObjectNode> whole = SparkRuns.metrics(spark);
        assertEquals(whole, SparkRuns.metrics(onSpark), "resumed on Spark: the uninterrupted run's metrics");
        assertEquals(whole, SparkRuns.metrics(local), "resumed in one process (2 threads): the same");
        assertSameWeights(spark.resolve("checkpoints/ckpt-000020.zip"), onSpark.resolve("checkpoints/ckpt-000020.zip"));
        assertSameWeights(spark.resolve("checkpoints/ckpt-000020.zip"), local.resolve("checkpoints/ckpt-000020.zip"));
    }

    /** A copy of {@code run} as it stood after step 10: its last checkpoint removed. */
    private static Path copyAtStep10(Path run, String name) throws IOException {
        Path copy = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(run.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.getFileName().toString().equals("ckpt-000020.zip")) {
                    Files.copy(f, to);
                }
            }
        }
        return copy;
    }

    private static void assertClose(double expected, double actual, String what, JsonNode line) {
        assertTrue(Math.abs(actual - expected) <= WEIGHTS_TOLERANCE * Math.abs(expected),
                what + " at step " + line.path("step") + ": " + actual + " vs " + expected);
    }

    private static void assertSameWeights(Path expected, Path actual) {
        Checkpoint a = Checkpoint.load(expected);
        Checkpoint b = Checkpoint.load(actual);
        assertEquals(a.step(), b.step());
        for (Map.Entry<String, INDArray> e : a.params().entrySet()) {
            assertArrayEquals(e.getValue().data().asFloat(), b.params().get(e.getKey()).data().asFloat(), 0f, e.getKey());
        }
        for (Map.Entry<String, INDArray> e : a.emaParams().entrySet()) {
            assertArrayEquals(e.getValue().data().asFloat(), b.emaParams().get(e.getKey()).data().asFloat(), 0f, e.getKey());
        }
    }
}
