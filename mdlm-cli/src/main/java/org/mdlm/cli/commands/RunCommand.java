package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.CorpusSplits;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.cli.run.RunDirectory;
import org.mdlm.cli.run.SamplingSession;
import org.mdlm.cli.run.TrainingSession;
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

    private final ConfigResolver resolver;
    private final TrainingSession training;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public RunCommand(ConfigResolver resolver, TrainingSession training, ObjectMapper mapper) {
        this.resolver = resolver;
        this.training = training;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResolvedConfig cfg = resolver.resolve(config.preset, config.allOverrides());
        Pipeline pipeline = Pipeline.assemble(cfg);
        CorpusSplits data = CorpusSplits.read(pipeline.domain(), spec.commandLine().getErr());
        try (RunDirectory dir = RunDirectory.create(output.folder(config.preset), output.overwrite, mapper)) {
            err.println("run folder: " + dir.path());
            Map<String, Object> summary = new LinkedHashMap<>(training.train(cfg, pipeline, data, dir, null, "run", err));
            Checkpoint ckpt = Checkpoint.load(dir.path().resolve((String) summary.get("checkpoint")));
            InferenceModel model = InferenceModel.create(pipeline.modelSpec(cfg), ckpt.emaParams());
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
