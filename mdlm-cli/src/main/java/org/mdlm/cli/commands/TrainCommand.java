package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.CorpusSplits;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.cli.run.RunDirectory;
import org.mdlm.cli.run.TrainingSession;
import org.mdlm.engine.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm train}: train a model into a run folder, or continue one with {@code --resume}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model (no sampling).",
                "--resume RUN_DIR continues from the run's newest checkpoint; --set may extend train.steps."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;
    @Mixin
    OutputOptions output;
    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in this folder.")
    Path resume;
    @Option(names = "--init-from", paramLabel = "FILE",
            description = "Fine-tune: start a new run (step 0, fresh optimizer) from this checkpoint's EMA weights; "
                    + "the model must have the same parameter names and shapes.")
    Path initFrom;
    @Spec
    CommandSpec spec;

    private final ConfigResolver resolver;
    private final TrainingSession training;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public TrainCommand(ConfigResolver resolver, TrainingSession training, ObjectMapper mapper) {
        this.resolver = resolver;
        this.training = training;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        ResolvedConfig cfg;
        RunDirectory dir = null;
        Path from = null;
        if (resume != null && initFrom != null) {
            throw new ConfigException("--resume continues a run and --init-from starts a new one; give one of them");
        }
        if (resume != null) {
            dir = RunDirectory.open(resume, mapper);
            ObjectNode tree = dir.readConfig();
            ConfigResolver.applyOverrides(tree, config.allOverrides());
            cfg = resolver.resolve(tree);
            from = dir.latestCheckpoint().orElseThrow(() -> new ConfigException("run " + resume
                    + " has no checkpoint to resume from; start it again with mdlm train --out " + resume + " --overwrite"));
        } else {
            cfg = resolver.resolve(config.preset, config.allOverrides());
        }
        Pipeline pipeline = Pipeline.assemble(cfg);
        CorpusSplits data = CorpusSplits.read(pipeline.domain(), spec.commandLine().getErr());
        if (dir == null) {
            dir = RunDirectory.create(output.folder(config.preset), output.overwrite, mapper);
        }
        spec.commandLine().getErr().println("run folder: " + dir.path());
        Checkpoint init = initFrom == null ? null : Checkpoint.load(initFrom);
        if (init != null) {
            spec.commandLine().getErr().println("fine-tuning from " + initFrom + " (step " + init.step() + ", model "
                    + init.description() + ")");
        }
        Map<String, Object> summary = training.train(cfg, pipeline, data, dir, from, init,
                resume != null ? "train --resume" : initFrom != null ? "train --init-from" : "train",
                spec.commandLine().getErr()).summary();
        spec.commandLine().getOut().println(Summaries.describe(summary));
        spec.commandLine().getOut().println("run folder: " + dir.path());
        return 0;
    }
}
