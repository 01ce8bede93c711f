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
        if (resume != null) {
            try (RunDirectory dir = RunDirectory.openToResume(resume, mapper)) {
                ObjectNode tree = dir.readConfig();
                ConfigResolver.applyOverrides(tree, config.allOverrides());
                ResolvedConfig cfg = resolver.resolve(tree);
                Path from = dir.latestCheckpoint().orElseThrow(() -> new ConfigException("run " + resume
                        + " has no checkpoint to resume from; start it again with mdlm train --out " + resume
                        + " --overwrite"));
                Pipeline pipeline = Pipeline.assemble(cfg);
                return train(cfg, pipeline, CorpusSplits.read(pipeline.domain(), spec.commandLine().getErr()), dir, from);
            }
        }
        ResolvedConfig cfg = resolver.resolve(config.preset, config.allOverrides());
        Pipeline pipeline = Pipeline.assemble(cfg);
        CorpusSplits data = CorpusSplits.read(pipeline.domain(), spec.commandLine().getErr());
        try (RunDirectory dir = RunDirectory.create(output.folder(config.preset), output.overwrite, mapper)) {
            return train(cfg, pipeline, data, dir, null);
        }
    }

    private int train(ResolvedConfig cfg, Pipeline pipeline, CorpusSplits data, RunDirectory dir, Path from) {
        spec.commandLine().getErr().println("run folder: " + dir.path());
        Map<String, Object> summary = training.train(cfg, pipeline, data, dir, from, from != null ? "train --resume" : "train",
                spec.commandLine().getErr());
        spec.commandLine().getOut().println(Summaries.describe(summary));
        spec.commandLine().getOut().println("run folder: " + dir.path());
        return 0;
    }
}
