package org.mdlm.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ConfigTrees;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.ClusterTraining;
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

    /** The config key of the number of gradient workers (shards per step). */
    static final String WORKERS_KEY = "train.workers";
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
        return launch(config, List.of(), output, resume, initFrom, command, err, null);
    }

    /**
     * Trains with the options of {@code mdlm train}, more overrides after the user's (e.g. from
     * {@code --workers}), and the step gradients computed on {@code cluster} when it is not null.
     * On a cluster a new run without {@code train.workers} set gets the cluster's default parallelism.
     */
    Launched launch(ConfigOptions config, List<String> moreOverrides, OutputOptions output, Path resume, Path initFrom,
                    String command, PrintWriter err, ClusterTraining cluster) {
        List<String> overrides = new ArrayList<>(config.allOverrides());
        overrides.addAll(moreOverrides);
        if (cluster != null && resume == null && overrides.stream()
                .noneMatch(o -> ConfigTrees.parseOverride(o).key().equals(WORKERS_KEY))) {
            overrides.add(WORKERS_KEY + "=" + cluster.defaultWorkers());
        }
        return launch(config.preset, overrides, resume != null ? null : output.folder(config.preset),
                output.overwrite, resume, initFrom, command, err, cluster);
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
        return launch(preset, overrides, out, overwrite, resume, initFrom, command, err, null);
    }

    private Launched launch(String preset, List<String> overrides, Path out, boolean overwrite, Path resume,
                            Path initFrom, String command, PrintWriter err, ClusterTraining cluster) {
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
            TrainingOutcome outcome;
            if (cluster == null) {
                outcome = training.train(cfg, pipeline, data, dir, from, init, command, err);
            } else {
                int shards = cfg.train().workers();
                String on = cluster.description() + ", " + shards + (shards == 1 ? " shard" : " shards") + " per step";
                err.println("gradients on " + on);
                outcome = training.train(cfg, pipeline, data, dir, from, init, command, err,
                        cluster.workers(json(cfg)), on);
            }
            return new Launched(cfg, pipeline, dir, outcome);
        } catch (RuntimeException | Error e) {
            if (dir != null) {
                dir.close();
            }
            throw e;
        }
    }

    private String json(ResolvedConfig cfg) {
        try {
            return mapper.writeValueAsString(cfg.tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the run's config: " + e.getOriginalMessage(), e);
        }
    }
}
