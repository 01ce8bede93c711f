package org.mdlm.cli.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
            description = "Fine-tune: start a new run (step 0, fresh optimizer) from this checkpoint's EMA weights, "
                    + "loaded by name where the shapes match; parameters that do not load are listed.")
    Path initFrom;
    @Spec
    CommandSpec spec;

    private final TrainingLauncher launcher;

    /** Creates the command. */
    @Inject
    public TrainCommand(TrainingLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        String command = resume != null ? "train --resume" : initFrom != null ? "train --init-from" : "train";
        try (TrainingLauncher.Launched run = launcher.launch(config, output, resume, initFrom, command,
                spec.commandLine().getErr())) {
            spec.commandLine().getOut().println(Summaries.describe(run.outcome().summary()));
            spec.commandLine().getOut().println("run folder: " + run.dir().path());
        }
        return 0;
    }
}
