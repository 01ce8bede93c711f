package org.mdlm.cli.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mdlm.cli.run.ClusterTraining;
import org.mdlm.cli.run.ClusterTrainingProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm train}: train a model into a run folder, or continue one with {@code --resume}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model (no sampling).",
                "--resume RUN_DIR continues from the run's newest checkpoint; --set may extend train.steps.",
                "--spark MASTER computes each step's gradients on Spark executors (the mdlm launcher adds Spark)."})
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
    @Option(names = "--workers", paramLabel = "N",
            description = "Shards of each step's batch, computed in parallel: threads of this process, or Spark tasks "
                    + "with --spark (shorthand for --set train.workers=N; with --spark the default is Spark's "
                    + "default parallelism).")
    Integer workers;
    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Compute the gradients on Spark: local[N] on this machine, spark://HOST:PORT, yarn, ... "
                    + "The driver (this process) keeps the optimizer, evaluation, checkpoints and run folder.")
    String spark;
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
        List<String> more = workers == null ? List.of() : List.of(TrainingLauncher.WORKERS_KEY + "=" + workers);
        PrintWriter err = spec.commandLine().getErr();
        if (spark == null) {
            return train(more, command, err, null);
        }
        try (ClusterTraining cluster = ClusterTrainingProvider.find("spark", getClass().getClassLoader())
                .connect(spark, err)) {
            return train(more, command + " --spark", err, cluster);
        }
    }

    private int train(List<String> more, String command, PrintWriter err, ClusterTraining cluster) {
        try (TrainingLauncher.Launched run = launcher.launch(config, more, output, resume, initFrom, command, err,
                cluster)) {
            spec.commandLine().getOut().println(Summaries.describe(run.outcome().summary()));
            spec.commandLine().getOut().println("run folder: " + run.dir().path());
        }
        return 0;
    }
}
