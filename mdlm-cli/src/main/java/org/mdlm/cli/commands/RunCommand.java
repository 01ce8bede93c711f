package org.mdlm.cli.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.cli.run.RunDirectory;
import org.mdlm.cli.run.SamplingSession;
import org.mdlm.cli.run.TrainingOutcome;
import org.mdlm.engine.Checkpoint;
import org.mdlm.engine.InferenceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mdlm run}: train, then sample with the EMA weights, then report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Train a model, sample from it and report.",
                "With no options: the tiny character model on the embedded public-domain corpus (a few minutes on 2 cores)."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;
    @Mixin
    OutputOptions output;
    @Spec
    CommandSpec spec;

    private final TrainingLauncher launcher;

    /** Creates the command. */
    @Inject
    public RunCommand(TrainingLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TrainingLauncher.Launched run = launcher.launch(config, output, null, null, "run", err)) {
            TrainingOutcome trained = run.outcome();
            Pipeline pipeline = run.pipeline();
            ResolvedConfig cfg = run.config();
            RunDirectory dir = run.dir();
            Map<String, Object> summary = new LinkedHashMap<>(trained.summary());
            InferenceModel model = InferenceModel.create(trained.spec(), Checkpoint.load(trained.result().lastCheckpoint()));
            SamplingSession.Outcome samples = SamplingSession.sample(pipeline, model, cfg.sample(), err);
            dir.writeText("samples.txt", String.join("\n\n", samples.texts()) + "\n");
            summary.putAll(samples.stats());
            dir.writeJson("summary.json", summary);
            out.println(Summaries.describe(summary));
            out.println();
            for (int i = 0; i < samples.texts().size(); i++) {
                out.printf(Locale.ROOT, "sample %d: %s%n", i + 1, samples.texts().get(i));
            }
            out.println();
            out.println("run folder: " + dir.path());
        }
        return 0;
    }
}
