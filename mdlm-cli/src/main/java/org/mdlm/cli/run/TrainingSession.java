package org.mdlm.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.engine.Checkpoint;
import org.mdlm.engine.TrainResult;
import org.mdlm.engine.TrainingListener;
import org.mdlm.engine.Trainer;

/**
 * Trains one run into its run directory: writes config and provenance, streams metrics and
 * progress, installs a Ctrl-C hook that stops after a checkpoint, and writes {@code summary.json}.
 */
public final class TrainingSession {

    private static final long STOP_GRACE_SECONDS = 120;
    private final PluginRegistry registry;
    private final ObjectMapper mapper;

    /** Creates the session runner. */
    @jakarta.inject.Inject
    public TrainingSession(PluginRegistry registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    /**
     * Trains (or resumes) and returns the summary written to the run directory.
     *
     * @param resumeFrom checkpoint to continue from, or null for a fresh run
     */
    public Map<String, Object> train(ResolvedConfig config, Pipeline pipeline, CorpusSplits data, RunDirectory dir,
                                     Path resumeFrom,
                                     String command, PrintWriter progress) {
        dir.writeJson(RunDirectory.CONFIG, config.tree());
        dir.writeJson("provenance.json", Provenance.of(config, registry, command));
        boolean characterLevel = pipeline.domain().characterLevel();
        TokenStream train = data.train();
        TokenStream valid = data.valid();
        progress.printf("model %s, %d steps of %d x %d tokens%n", pipeline.modelSpec(config).description(),
                config.train().steps(), config.train().batchSize(), config.train().seqLen());
        Checkpoint resumed = resumeFrom == null ? null : Checkpoint.load(resumeFrom);
        if (resumed != null) {
            MetricsLog.truncateAfter(dir.metricsFile(), resumed.step(), mapper);
        }
        long start = System.nanoTime();
        TrainResult result;
        try (MetricsLog metrics = new MetricsLog(dir.metricsFile(), mapper, characterLevel)) {
            int startStep = resumed == null ? 0 : resumed.step();
            TrainingListener display = Terminal.interactive()
                    ? new TrainingProgressBar(config.train().steps(), startStep, characterLevel)
                    : new ProgressReporter(progress, config.train().steps(), characterLevel);
            Listeners listeners = new Listeners(metrics, display);
            Trainer trainer = new Trainer(pipeline.modelSpec(config), config.train(), train, valid, dir.checkpoints(),
                    listeners);
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                // Ctrl-C: let the trainer finish its step and write a checkpoint before the JVM exits.
                trainer.requestStop();
                try {
                    finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mdlm-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = resumed == null ? trainer.train() : trainer.resume(resumed);
            } finally {
                if (display instanceof AutoCloseable c) {
                    closeQuietly(c);
                }
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting because of Ctrl-C; the trainer has stopped
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            RunPlots.write(dir.metricsFile(), dir.path(), pipeline.modelSpec(config).description());
        } catch (IOException | RuntimeException e) {
            progress.println("warning: could not draw " + RunPlots.FILE + ": " + e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("steps", result.steps());
        summary.put("train_tokens", result.trainTokens());
        summary.put("val_nats_per_token", result.valNatsPerToken());
        if (characterLevel) {
            summary.put("val_bpc", Reports.bitsPerToken(result.valNatsPerToken()));
        }
        summary.put("val_ppl", Math.exp(result.valNatsPerToken()));
        summary.put("train_seconds", seconds);
        summary.put("checkpoint", dir.path().relativize(result.lastCheckpoint()).toString());
        dir.writeJson("summary.json", summary);
        return summary;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // a progress display failing to close is not worth failing the run for
        }
    }
}
