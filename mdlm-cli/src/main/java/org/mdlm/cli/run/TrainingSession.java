package org.mdlm.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.engine.Checkpoint;
import org.mdlm.engine.EvalMetrics;
import org.mdlm.engine.GradientWorkers;
import org.mdlm.engine.ModelSpec;
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
     * Trains (or resumes, or fine-tunes) and writes the summary to the run directory.
     *
     * @param resumeFrom checkpoint to continue from exactly, or null
     * @param initFrom checkpoint whose weights start a new run (fresh optimizer, step 0), or null
     */
    public TrainingOutcome train(ResolvedConfig config, Pipeline pipeline, CorpusSplits data, RunDirectory dir,
                                 Path resumeFrom, Checkpoint initFrom, String command, PrintWriter progress) {
        return train(config, pipeline, data, dir, resumeFrom, initFrom, command, progress, GradientWorkers.threads(),
                "this process, " + config.train().workers() + (config.train().workers() == 1 ? " thread" : " threads"));
    }

    /**
     * Trains as {@link #train(ResolvedConfig, Pipeline, CorpusSplits, RunDirectory, Path, Checkpoint, String,
     * PrintWriter)} with the step gradients computed by {@code workers} (a cluster's, for instance).
     *
     * @param gradientsOn where the gradients are computed, for {@code provenance.json} ("gradients")
     */
    public TrainingOutcome train(ResolvedConfig config, Pipeline pipeline, CorpusSplits data, RunDirectory dir,
                                 Path resumeFrom, Checkpoint initFrom, String command, PrintWriter progress,
                                 GradientWorkers workers, String gradientsOn) {
        ModelSpec spec = pipeline.modelSpec(config);
        Map<String, Object> provenance = Provenance.of(config, registry, command);
        provenance.put("gradients", gradientsOn);
        dir.writeJson(RunDirectory.CONFIG, config.tree());
        dir.writeJson("provenance.json", provenance);
        ReportUnit units = ReportUnit.of(pipeline.domain());
        TokenStream train = data.train();
        TokenStream valid = data.valid();
        progress.printf("model %s, %d steps of %d x %d tokens%n", spec.description(),
                config.train().steps(), config.train().batchSize(), config.train().seqLen());
        Checkpoint resumed = resumeFrom == null ? null : Checkpoint.load(resumeFrom);
        if (resumed != null) {
            MetricsLog.truncateAfter(dir.metricsFile(), resumed.step(), mapper);
        }
        long start = System.nanoTime();
        TrainResult result;
        AtomicReference<EvalMetrics> last = new AtomicReference<>();
        TrainingListener lastEval = new TrainingListener() {
            @Override
            public void onEval(EvalMetrics m) {
                last.set(m);
            }
        };
        try (MetricsLog metrics = new MetricsLog(dir.metricsFile(), mapper, units)) {
            int startStep = resumed == null ? 0 : resumed.step();
            TrainingListener display = Terminal.interactive()
                    ? new TrainingProgressBar(config.train().steps(), startStep, units)
                    : new ProgressReporter(progress, config.train().steps(), units);
            Trainer trainer = new Trainer(spec, config.train(), train, valid, dir.checkpoints(),
                    new Listeners(metrics, display, lastEval)).withAttachments(attachments(config, provenance))
                    .withGradientWorkers(workers);
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
                if (resumed != null) {
                    result = trainer.resume(resumed);
                } else if (initFrom != null) {
                    result = trainer.trainFrom(initFrom.emaParams(),
                            d -> progress.println("fine-tune: not loaded from the checkpoint: " + d));
                } else {
                    result = trainer.train();
                }
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
            RunPlots.write(dir.metricsFile(), dir.path(), spec.description());
        } catch (IOException | RuntimeException e) {
            progress.println("warning: could not draw " + RunPlots.FILE + ": " + e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("steps", result.steps());
        summary.put("train_tokens", result.trainTokens());
        summary.put("val_nats_per_token", result.valNatsPerToken());
        if (!units.unit().equals("token")) {
            summary.put("token_unit", units.unit());
        }
        units.bitsKey().ifPresent(key -> summary.put(key, Reports.bitsPerToken(result.valNatsPerToken())));
        summary.put("val_ppl", Math.exp(result.valNatsPerToken()));
        if (last.get() != null && last.get().step() == result.steps()) {
            summary.put("val_se", last.get().result().standardError());
        }
        summary.put("val_is_bound", !spec.objective().exactLikelihood());
        summary.put("train_seconds", seconds);
        summary.put("checkpoint", dir.path().relativize(result.lastCheckpoint()).toString());
        dir.writeJson("summary.json", summary);
        return new TrainingOutcome(summary, result, spec);
    }

    /** The documents every checkpoint carries, so that the file alone rebuilds its model. */
    private Map<String, String> attachments(ResolvedConfig config, Map<String, Object> provenance) {
        try {
            return Map.of(RunDirectory.CONFIG, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(config.tree()),
                    "provenance.json", mapper.writerWithDefaultPrettyPrinter().writeValueAsString(provenance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the run's config: " + e.getOriginalMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // a progress display failing to close is not worth failing the run for
        }
    }
}
