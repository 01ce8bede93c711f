package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.CorpusSplits;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.cli.run.RunDirectory;
import org.mdlm.cli.run.TrainingOutcome;
import org.mdlm.cli.run.TrainingSession;
import org.mdlm.engine.Checkpoint;

/**
 * Starts the training of {@code mdlm run}, {@code mdlm train} and each run of {@code mdlm ablate}:
 * resolves the config (of a preset, or of the run being resumed), assembles the pipeline, reads the
 * corpus, creates or reopens the run folder and trains (fresh, resumed or fine-tuned from a
 * checkpoint). The run folder stays locked against other writers until the returned {@link Launched}
 * is closed, or at once when training fails.
 */
final class TrainingLauncher {

    private final ConfigResolver resolver;
    private final TrainingSession training;
    private final ObjectMapper mapper;

    /** Creates the launcher. */
    @Inject
    TrainingLauncher(ConfigResolver resolver, TrainingSession training, ObjectMapper mapper) {
        this.resolver = resolver;
        this.training = training;
        this.mapper = mapper;
    }

    /**
     * A finished training.
     *
     * @param config the resolved config
     * @param pipeline its components
     * @param dir the run folder
     * @param outcome the summary, result and model
     */
    record Launched(ResolvedConfig config, Pipeline pipeline, RunDirectory dir, TrainingOutcome outcome)
            implements AutoCloseable {

        /** Releases the run folder's lock. */
        @Override
        public void close() {
            dir.close();
        }
    }

    /**
     * Trains with the options of {@code mdlm run} / {@code mdlm train}.
     *
     * @param resume a run folder to continue, or null
     * @param initFrom a checkpoint whose EMA weights start a new run, or null
     * @param command the command line's name for provenance ("run", "train", ...)
     * @throws ConfigException when both resume and initFrom are given, or the run has no checkpoint
     */
    Launched launch(ConfigOptions config, OutputOptions output, Path resume, Path initFrom, String command,
                    PrintWriter err) {
        return launch(config.preset, config.allOverrides(), resume != null ? null : output.folder(config.preset),
                output.overwrite, resume, initFrom, command, err);
    }

    /**
     * Trains: a new run of {@code preset} with {@code overrides} into {@code out}, or (with
     * {@code resume}) the run in that folder continued from its newest checkpoint, its saved config
     * changed by {@code overrides}.
     *
     * @param out the new run's folder (ignored when resuming)
     * @param overwrite whether a new run may replace a run already in {@code out}
     * @param resume a run folder to continue, or null
     * @param initFrom a checkpoint whose EMA weights start a new run, or null
     * @param command the command line's name for provenance ("run", "train", "ablate", ...)
     * @throws ConfigException when both resume and initFrom are given, or the run has no checkpoint
     */
    Launched launch(String preset, List<String> overrides, Path out, boolean overwrite, Path resume, Path initFrom,
                    String command, PrintWriter err) {
        if (resume != null && initFrom != null) {
            throw new ConfigException("--resume continues a run and --init-from starts a new one; give one of them");
        }
        RunDirectory dir = null;
        try {
            ResolvedConfig cfg;
            Path from = null;
            if (resume != null) {
                dir = RunDirectory.openToResume(resume, mapper);
                ObjectNode tree = dir.readConfig();
                ConfigResolver.applyOverrides(tree, overrides);
                cfg = resolver.resolve(tree, ConfigResolver.choosesSampler(overrides));
                from = dir.latestCheckpoint().orElseThrow(() -> new ConfigException("run " + resume
                        + " has no checkpoint to resume from; start it again with mdlm train --out " + resume
                        + " --overwrite"));
            } else {
                cfg = resolver.resolve(preset, overrides);
            }
            Pipeline pipeline = Pipeline.assemble(cfg);
            CorpusSplits data = CorpusSplits.read(pipeline.domain(), err);
            Checkpoint init = initFrom == null ? null : Checkpoint.load(initFrom);
            if (dir == null) {
                dir = RunDirectory.create(out, overwrite, mapper);
            }
            err.println("run folder: " + dir.path());
            if (init != null) {
                err.println("fine-tuning from " + initFrom + " (step " + init.step() + ", model " + init.description()
                        + ")");
            }
            TrainingOutcome outcome = training.train(cfg, pipeline, data, dir, from, init, command, err);
            return new Launched(cfg, pipeline, dir, outcome);
        } catch (RuntimeException | Error e) {
            if (dir != null) {
                dir.close();
            }
            throw e;
        }
    }
}
