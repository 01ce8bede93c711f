package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.Split;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.JsonMappers;
import org.mdlm.cli.config.Presets;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.engine.Checkpoint;
import org.mdlm.engine.TrainResult;
import org.mdlm.engine.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A shard task that dies on its first attempt is run again by Spark and computes the same numbers:
 * the run equals one without the failure bit for bit. Without retries allowed, the same failure
 * stops the training with Spark's error, so the drill does fail tasks.
 */
@Tag("slow")
class SparkRetryTest {

    private static final int FAILING_STEP = 3;
    /** How often the drill has thrown (tasks run in this JVM with a local master). */
    private static final AtomicInteger FIRED = new AtomicInteger();

    /** Shard 1 of step 3 throws on its first attempt only. */
    private static final TaskFault LOSE_ONE_TASK = (step, worker, attempt) -> {
        if (step == FAILING_STEP && worker == 1 && attempt == 0) {
            FIRED.incrementAndGet();
            throw new IllegalStateException("drill: executor lost while computing shard 1 of step 3");
        }
    };

    @TempDir
    Path tmp;

    private record Run(List<Double> losses, Checkpoint last) {
    }

    private static Run train(String master, TaskFault fault, Path dir) throws Exception {
        ObjectMapper mapper = JsonMappers.create();
        ConfigResolver resolver = new ConfigResolver(PluginRegistry.loadDefault(), mapper, new Presets(mapper));
        ResolvedConfig cfg = resolver.resolve("tiny", List.of("train.steps=6", "train.workers=2",
                "train.eval_windows=2", "train.eval_t_samples=1", "train.log_every=1"));
        Pipeline pipeline = Pipeline.assemble(cfg);
        List<Double> losses = new java.util.ArrayList<>();
        try (SparkTraining spark = new SparkTraining(new JavaSparkContext(SparkTraining.conf(master)),
                new PrintWriter(new StringWriter()), fault)) {
            TrainResult r = new Trainer(pipeline.modelSpec(cfg), cfg.train(), pipeline.domain().read(Split.TRAIN),
                    pipeline.domain().read(Split.VALID), dir, new org.mdlm.engine.TrainingListener() {
                        @Override
                        public void onStep(org.mdlm.engine.StepMetrics m) {
                            losses.add(m.loss());
                        }
                    }).withGradientWorkers(spark.workers(mapper.writeValueAsString(cfg.tree()))).train();
            return new Run(losses, Checkpoint.load(r.lastCheckpoint()));
        }
    }

    @Test
    void aTaskLostAndRetriedGivesTheSameStep() throws Exception {
        Run clean = train("local[2,2]", TaskFault.NONE, tmp.resolve("clean"));
        FIRED.set(0);
        Run retried = train("local[2,2]", LOSE_ONE_TASK, tmp.resolve("retried"));
        assertEquals(1, FIRED.get(), "the drill failed one task once");
        assertEquals(6, clean.losses().size());
        assertEquals(clean.losses(), retried.losses(), "every step's loss, the retried step's included");
        for (Map.Entry<String, INDArray> e : clean.last().params().entrySet()) {
            assertArrayEquals(e.getValue().data().asFloat(), retried.last().params().get(e.getKey()).data().asFloat(),
                    0f, e.getKey());
        }
    }

    @Test
    void withoutRetriesTheSameFailureStopsTraining() {
        FIRED.set(0);
        SparkException e = assertThrows(SparkException.class, () -> train("local[2]", LOSE_ONE_TASK, tmp.resolve("failed")));
        assertEquals(1, FIRED.get());
        assertTrue(e.getMessage().contains("drill: executor lost"), e.getMessage());
    }
}
