package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.run.SamplingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm sample}: draw text from a trained model. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample from a trained model (a run folder's newest checkpoint, or one checkpoint file).")
public final class SampleCommand implements Callable<Integer> {

    @Mixin
    ModelSource source;
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override sampler or sample settings, e.g. sampler.type=ddpm, sampler.steps=256, sample.batch=8.")
    List<String> overrides = new ArrayList<>();
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
                throw new ConfigException("mdlm sample only takes sampler.* and sample.* overrides, not '" + o + "'");
            }
        }
        LoadedModel model = LoadedModel.load(source, overrides, resolver, mapper);
        SamplingSession.Outcome outcome = SamplingSession.sample(model.pipeline(), model.denoiser(),
                model.config().sample(), spec.commandLine().getErr());
        for (String text : outcome.texts()) {
            spec.commandLine().getOut().println(text);
        }
        spec.commandLine().getErr().println(outcome.stats());
        return 0;
    }
}
