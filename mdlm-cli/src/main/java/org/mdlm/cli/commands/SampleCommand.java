package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.config.SampleSettings;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.cli.run.SamplingSession;
import org.mdlm.engine.InferenceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm sample}: draw text from a trained run's EMA weights. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample from a trained run (EMA weights of its newest checkpoint).")
public final class SampleCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = "The run folder.")
    Path run;
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override sampler or sample settings, e.g. sampler.type=ddpm, sampler.steps=256, sample.batch=8.")
    List<String> overrides = new ArrayList<>();
    @Option(names = "--raw", description = "Use the raw weights instead of the EMA weights.")
    boolean raw;
    @Spec
    CommandSpec spec;

    private final ConfigResolver resolver;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public SampleCommand(ConfigResolver resolver, ObjectMapper mapper) {
        this.resolver = resolver;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        for (String o : overrides) {
            if (!o.startsWith("sampler.") && !o.startsWith("sample.")) {
                throw new org.mdlm.cli.config.ConfigException("mdlm sample only takes sampler.* and sample.* overrides, not '"
                        + o + "'");
            }
        }
        RunModels models = RunModels.load(run, resolver, mapper, overrides);
        ResolvedConfig cfg = models.config();
        Pipeline pipeline = models.pipeline();
        InferenceModel model = InferenceModel.create(pipeline.modelSpec(cfg),
                raw ? models.checkpoint().params() : models.checkpoint().emaParams());
        SampleSettings settings = cfg.sample();
        SamplingSession.Outcome outcome = SamplingSession.sample(pipeline, model, settings, spec.commandLine().getErr());
        for (String text : outcome.texts()) {
            spec.commandLine().getOut().println(text);
        }
        spec.commandLine().getErr().println(outcome.stats());
        return 0;
    }
}
