package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.List;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.run.SamplingSession;
import picocli.CommandLine.Command;

/** {@code mdlm sample}: draw text from a trained model. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Sample from a trained model (a run folder's newest checkpoint, or one checkpoint file).",
                "--set takes sampler.* and sample.* keys, e.g. sampler.type=ddpm, sampler.steps=256, sample.batch=8."})
public final class SampleCommand extends ModelCommand {

    /** Creates the command. */
    @Inject
    public SampleCommand(ConfigResolver resolver, ObjectMapper mapper) {
        super(resolver, mapper);
    }

    @Override
    List<String> overridablePrefixes() {
        return List.of("sampler.", "sample.");
    }

    @Override
    public Integer call() {
        LoadedModel model = loadModel();
        SamplingSession.Outcome outcome = SamplingSession.sample(model.pipeline(), model.denoiser(),
                model.config().sample(), spec.commandLine().getErr());
        for (String text : outcome.texts()) {
            spec.commandLine().getOut().println(text);
        }
        spec.commandLine().getErr().println(outcome.stats());
        return 0;
    }
}
